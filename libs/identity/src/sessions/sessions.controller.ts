import { Controller, HttpCode, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { AppError, CsrfGuard, ErrorCode, JsonErrorsFilter, Public } from '@careers/platform';
import type { Request, Response } from 'express';
import { SessionCookie } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';

/**
 * A browser session's refresh and sign-out, with the refresh token in its
 * HttpOnly cookie (set by the sign-in mutations sent with
 * `X-Session-Transport: cookie`). No body; CSRF-guarded; errors as
 * `{"error": {"code", "message"}}`. The rules are SessionsService's, the same
 * as `refreshSession` and `signOut`.
 */
@Controller('auth')
@Public()
@UseGuards(CsrfGuard)
@UseFilters(JsonErrorsFilter)
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly cookie: SessionCookie,
  ) {}

  /** Uses the cookie's refresh token up, sets the next one, and answers a new access token. */
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<{ accessToken: string; expiresIn: number }> {
    try {
      const session = await this.sessions.refresh(this.cookie.read(req) ?? '');
      this.cookie.set(req, res, session.refreshToken);
      return { accessToken: session.accessToken, expiresIn: session.expiresIn };
    } catch (error) {
      // A token that can never work again goes: the page signs in anew rather than retrying it.
      if (error instanceof AppError && error.code === ErrorCode.UNAUTHENTICATED) this.cookie.clear(req, res);
      throw error;
    }
  }

  /** Ends the cookie's session (an unknown one changes nothing) and clears the cookie. */
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = this.cookie.read(req);
    if (token) await this.sessions.signOut(token);
    this.cookie.clear(req, res);
  }
}
