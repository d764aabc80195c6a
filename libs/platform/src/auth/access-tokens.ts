import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Role, TrustLevel, type Principal } from '@careers/contracts';
import { SignJWT, jwtVerify, errors } from 'jose';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { unauthenticated } from '../errors/app-error.js';

const ISSUER = 'careers-network';
const ALG = 'HS256';

/**
 * Short-lived access tokens (JWT, HS256). They carry the principal so that a
 * request costs no database look-up to authenticate; what must be fresh (an
 * organisation's approval, a suspension) is checked on the object.
 */
@Injectable()
export class AccessTokens {
  // A KeyObject, made once: given raw bytes, jose would import the key on every call.
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
  }

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL;
  }

  async issue(p: Principal): Promise<string> {
    return new SignJWT({ role: p.role, inst: p.institutionId, org: p.organisationId, trust: p.trustLevel, sid: p.sessionId })
      .setProtectedHeader({ alg: ALG })
      .setSubject(p.id)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.config.ACCESS_TOKEN_TTL}s`)
      .sign(this.key);
  }

  /** The principal a token stands for, and when it expires; UNAUTHENTICATED when it is not valid. */
  async verify(token: string): Promise<{ principal: Principal; expiresAt: Date }> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: [ALG] });
      const role = payload['role'];
      const trust = payload['trust'];
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.exp !== 'number' ||
        typeof payload['sid'] !== 'string' ||
        !Object.values(Role).includes(role as Role) ||
        !Object.values(TrustLevel).includes(trust as TrustLevel)
      ) {
        throw unauthenticated('The access token is malformed. Sign in again.');
      }
      return {
        principal: {
          id: payload.sub,
          role: role as Role,
          institutionId: (payload['inst'] as string | null) ?? null,
          organisationId: (payload['org'] as string | null) ?? null,
          trustLevel: trust as TrustLevel,
          sessionId: payload['sid'],
        },
        expiresAt: new Date(payload.exp * 1000),
      };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('The access token has expired. Refresh the session.');
      if (error instanceof errors.JOSEError) throw unauthenticated('The access token is not valid. Sign in again.');
      throw error;
    }
  }
}
