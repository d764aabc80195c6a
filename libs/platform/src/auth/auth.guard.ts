import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@careers/contracts';
import { forbidden, unauthenticated } from '../errors/app-error.js';
import { AccessTokens } from './access-tokens.js';
import { IS_PUBLIC, ROLES } from './decorators.js';
import { requestOf } from './request-of.js';

/**
 * The global guard: deny by default. A handler is open only with @Public();
 * otherwise it needs a valid bearer token, and with @Roles() one of those roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    // Sockets authenticate once, at the handshake (RealtimeGateway); their messages carry no headers.
    if (ctx.getType() === 'ws') return isPublic || ctx.switchToWs().getClient<{ data?: { principal?: unknown } }>().data?.principal !== undefined;
    const req = requestOf(ctx);
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;

    if (!req.principal && token) {
      try {
        req.principal = (await this.tokens.verify(token)).principal;
      } catch (error) {
        // A stale token on a public operation (sign-in, refresh) is no reason to refuse it.
        if (!isPublic) throw error;
      }
    }
    if (isPublic) return true;
    if (!req.principal) throw unauthenticated();

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(req.principal.role)) {
      throw forbidden(`This needs one of these roles: ${roles.join(', ')}.`);
    }
    return true;
  }
}
