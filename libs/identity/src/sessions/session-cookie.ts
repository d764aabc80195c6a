import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type GraphqlContext } from '@careers/platform';
import type { Request, Response } from 'express';
import type { AuthPayload, IssuedSession } from './auth-payload.model.js';

/** The cookie that carries a browser session's refresh token. */
export const REFRESH_COOKIE = 'careers_refresh';
/** Only /auth/refresh and /auth/sign-out receive it: GraphQL and every other route never see the refresh token. */
export const REFRESH_COOKIE_PATH = '/auth';
/** With `X-Session-Transport: cookie`, the mutations that start a session set the cookie and answer `refreshToken: null`. */
export const SESSION_TRANSPORT_HEADER = 'x-session-transport';

// A plain-HTTP PUBLIC_URL on this machine: a developer's browser, which would drop a Secure cookie sent over http.
const LOCAL_HTTP = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/;
// A refresh token is `<uuid>.<base64url secret>`: nothing in it needs encoding in a cookie.
const TOKEN = /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{1,128}$/;

/**
 * The refresh token of a browser session, kept where the page's scripts
 * cannot read it: an HttpOnly, SameSite=Strict cookie on /auth, Secure unless
 * PUBLIC_URL is plain HTTP on localhost (and always over HTTPS). The routes
 * that read it are guarded against cross-site calls (CsrfGuard); see
 * docs/identity.md, "Sessions in a browser".
 */
@Injectable()
export class SessionCookie {
  private readonly secureByDefault: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.secureByDefault = !LOCAL_HTTP.test(config.PUBLIC_URL);
  }

  /** Whether the client asked for the cookie instead of the refresh token in the answer. */
  requested(req: Request): boolean {
    const value = req.headers[SESSION_TRANSPORT_HEADER];
    return typeof value === 'string' && value.trim().toLowerCase() === 'cookie';
  }

  /** The refresh token the request's cookie carries, if it carries one that looks like one. */
  read(req: Request): string | undefined {
    for (const pair of (req.headers.cookie ?? '').split(';')) {
      const at = pair.indexOf('=');
      if (at < 0 || pair.slice(0, at).trim() !== REFRESH_COOKIE) continue;
      const value = pair.slice(at + 1).trim();
      return TOKEN.test(value) ? value : undefined;
    }
    return undefined;
  }

  /**
   * The answer of a mutation that starts a session. The fields under it (`user { email }`) are resolved as its
   * user, though the call itself was anonymous. Sent with `X-Session-Transport: cookie` (a browser), the refresh
   * token goes into its HttpOnly cookie and the answer carries none.
   */
  async answer(ctx: GraphqlContext, pending: Promise<IssuedSession>): Promise<AuthPayload> {
    const session = await pending;
    ctx.req.principal = session.principal;
    if (!this.requested(ctx.req)) return session;
    this.set(ctx.req, ctx.res, session.refreshToken);
    return { ...session, refreshToken: null };
  }

  set(req: Request, res: Response, token: string): void {
    res.append('Set-Cookie', this.serialize(req, token, this.config.REFRESH_TOKEN_TTL));
  }

  clear(req: Request, res: Response): void {
    res.append('Set-Cookie', this.serialize(req, '', 0));
  }

  private serialize(req: Request, value: string, maxAge: number): string {
    const secure = this.secureByDefault || req.secure;
    return `${REFRESH_COOKIE}=${value}; Max-Age=${maxAge}; Path=${REFRESH_COOKIE_PATH}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  }
}
