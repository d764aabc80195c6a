import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, Role } from '@careers/contracts';
import { requestOf } from './request-of.js';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

/** Opens a resolver or route to anonymous callers. Everything else needs a signed-in user. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call it (others get FORBIDDEN). Per-object checks still apply in the service. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The signed-in caller. On a @Public() handler it may be undefined. */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | undefined => requestOf(ctx).principal,
);
