import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokens } from './access-tokens.js';
import { AuthGuard } from './auth.guard.js';

/** Issuing and verifying access tokens, for any process. */
@Global()
@Module({
  providers: [AccessTokens],
  exports: [AccessTokens],
})
export class TokensModule {}

/** The api's global guard (deny by default) on top of the tokens. */
@Module({
  imports: [TokensModule],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
