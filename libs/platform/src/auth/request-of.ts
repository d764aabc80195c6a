import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from '@careers/contracts';
import type { Request } from 'express';

export type AuthedRequest = Request & { principal?: Principal };

/** The HTTP request behind a GraphQL resolver or a REST route. */
export function requestOf(ctx: ExecutionContext): AuthedRequest {
  if (ctx.getType<string>() === 'graphql') return GqlExecutionContext.create(ctx).getContext<{ req: AuthedRequest }>().req;
  return ctx.switchToHttp().getRequest<AuthedRequest>();
}
