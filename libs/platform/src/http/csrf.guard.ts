import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { forbidden } from '../errors/app-error.js';

/** The header a cookie-authenticated call must carry; a page of another origin cannot send it without a CORS preflight, which the api never allows. */
export const CSRF_HEADER = 'x-csrf-protection';

/**
 * For routes a browser calls with a cookie (`@UseGuards(CsrfGuard)`): the
 * request carries `X-CSRF-Protection: 1`, and its Origin, when it has one, is
 * PUBLIC_URL's (or, with PUBLIC_URL not set, the request's own). Otherwise
 * FORBIDDEN, before the route reads the cookie. The cookie's SameSite=Strict
 * is the third layer (docs/identity.md, "Sessions in a browser").
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  private readonly publicOrigin: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.publicOrigin = new URL(config.PUBLIC_URL).origin;
  }

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (req.headers[CSRF_HEADER] !== '1') {
      throw forbidden(`This call needs the header X-CSRF-Protection: 1 (it is one a page of another site cannot send).`);
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== this.allowedOrigin(req)) {
      throw forbidden('This call came from a page of another site (its Origin is not this one), so it is refused.');
    }
    return true;
  }

  private allowedOrigin(req: Request): string {
    if (this.config.publicUrlGiven) return this.publicOrigin;
    // Not configured (a developer's machine): the origin the browser reached, as Express reads it (trust proxy applies).
    return `${req.protocol}://${req.headers.host ?? ''}`;
  }
}
