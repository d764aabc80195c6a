import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, Role, TrustLevel } from '@careers/contracts';
import {
  AccessTokens,
  APP_CONFIG,
  type AppConfig,
  badInput,
  conflict,
  RateLimiter,
  unauthenticated,
} from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { ProfileRepository } from '../profiles/profile.repository.js';
import type { User } from '../users/user.entity.js';
import { UserRepository } from '../users/user.repository.js';
import type { IssuedSession } from './auth-payload.model.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import type { ChangePasswordInput, SignInInput, SignUpEmployerInput, SignUpInput } from './session.inputs.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const invalidRefresh = () => unauthenticated('The refresh token is not valid. Sign in again.');

export interface NewAccount {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  institutionId: string | null;
  organisationId: string | null;
  trustLevel?: TrustLevel;
  graduationYear?: number | null;
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: AccessTokens,
    private readonly limiter: RateLimiter,
    private readonly institutions: InstitutionsService,
    private readonly organisations: OrganisationsService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    private readonly profiles: ProfileRepository,
  ) {}

  async signUp(input: SignUpInput): Promise<IssuedSession> {
    const institution = await this.institutions.findByEmail(input.email);
    if (!institution) {
      throw badInput(
        `No institution on this platform uses the email domain ${input.email.split('@')[1]}. Sign up with your university email address.`,
        { field: 'email' },
      );
    }
    const user = await this.db.transaction((tx) =>
      this.createAccount(tx, { ...input, institutionId: institution.id, organisationId: null }),
    );
    return this.startSession(user);
  }

  /**
   * An employer signs up with a new organisation, which staff of the chosen
   * institution must approve before it can act; they are told
   * (`identity.organisation-submitted`).
   */
  async signUpEmployer(input: SignUpEmployerInput): Promise<IssuedSession> {
    if (!(await this.institutions.exists(input.institutionId))) {
      throw badInput('There is no institution with that id.', { field: 'institutionId' });
    }
    const user = await this.db.transaction(async (tx) => {
      const organisation = await this.organisations.create(tx, { name: input.organisationName, website: input.website ?? null });
      const user = await this.createAccount(tx, { ...input, role: Role.EMPLOYER, institutionId: null, organisationId: organisation.id });
      await this.organisations.askApproval(tx, organisation, input.institutionId);
      return user;
    });
    return this.startSession(user);
  }

  /** Creates a user and an empty profile in `tx`; CONFLICT when the email is taken. */
  async createAccount(tx: EntityManager, account: NewAccount): Promise<User> {
    const email = account.email.toLowerCase();
    if (await this.users.emailTaken(tx, email)) throw conflict('An account with this email already exists. Sign in instead.');
    const user = await this.users.insert(tx, {
      email,
      passwordHash: await hashPassword(account.password),
      displayName: account.displayName,
      role: account.role,
      institutionId: account.institutionId,
      organisationId: account.organisationId,
      trustLevel: account.trustLevel ?? TrustLevel.NEW,
    });
    await this.profiles.insertEmpty(tx, user.id, account.graduationYear ?? null);
    return user;
  }

  async signIn(input: SignInInput, ip: string): Promise<IssuedSession> {
    const windowSeconds = this.config.SIGNIN_LIMIT_WINDOW;
    const accountKey = `signin:account:${sha256(input.email)}`;
    const message = 'Too many sign-in attempts.';
    await this.limiter.hit([{ key: `signin:ip:${ip}`, max: this.config.SIGNIN_LIMIT_PER_IP, windowSeconds }], message);
    await this.limiter.assertBelow({ key: accountKey, max: this.config.SIGNIN_LIMIT_PER_ACCOUNT, windowSeconds }, message);

    const user = await this.users.byEmail(this.db.manager, input.email);
    if (!(await verifyPassword(user?.passwordHash, input.password)) || !user) {
      await this.limiter.hit([{ key: accountKey, max: this.config.SIGNIN_LIMIT_PER_ACCOUNT, windowSeconds }], message);
      throw unauthenticated('The email or password is not right.');
    }
    await this.limiter.reset(accountKey);
    return this.startSession(user);
  }

  /** Uses up a refresh token and returns the next one. A token used twice revokes its whole family. */
  async refresh(token: string): Promise<IssuedSession> {
    const [id, secret] = token.split('.');
    if (!id || !secret || !UUID.test(id)) throw invalidRefresh();
    const outcome = await this.db.transaction(async (tx) => {
      const row = await this.refreshTokens.lock(tx, id);
      if (!row || !safeEqual(row.secretHash, sha256(secret))) throw invalidRefresh();
      if (row.revokedAt) throw invalidRefresh();
      if (row.usedAt && !(await this.withinReuseGrace(tx, row))) {
        // Reuse: the revocation must commit, so it is reported after the transaction, not thrown inside it.
        await this.refreshTokens.revokeFamily(tx, row.familyId);
        return 'reused' as const;
      }
      if (row.expiresAt <= new Date()) throw unauthenticated('The session has expired. Sign in again.');
      const user = await this.users.get(tx, row.userId);
      const next = await this.issueRefreshToken(tx, user.id, row.familyId);
      await this.refreshTokens.markUsed(tx, row.id, next.id);
      return { user, next };
    });
    if (outcome === 'reused') {
      throw unauthenticated(
        'This refresh token was already used, so it may have been stolen: every session from that sign-in has been signed out. Sign in again.',
      );
    }
    return this.payload(outcome.user, outcome.next);
  }

  /**
   * A used token presented again soon after its use, while the token it was exchanged for is unspent, is a client
   * whose answer never arrived (a page load aborted by the next one drops its Set-Cookie), not a thief: that unspent
   * successor is revoked here and the caller issues another. Once the successor has been used, or after
   * REFRESH_REUSE_GRACE seconds, it is reuse.
   */
  private async withinReuseGrace(tx: EntityManager, row: { usedAt: Date | null; replacedBy: string | null }): Promise<boolean> {
    const graceEnds = (row.usedAt?.getTime() ?? 0) + this.config.REFRESH_REUSE_GRACE * 1000;
    if (Date.now() >= graceEnds || !row.replacedBy) return false;
    return this.refreshTokens.revokeUnspent(tx, row.replacedBy);
  }

  /** Ends the session the refresh token belongs to. Unknown or already ended tokens are fine. */
  async signOut(token: string): Promise<void> {
    const [id, secret] = token.split('.');
    if (!id || !secret || !UUID.test(id)) return;
    const row = await this.refreshTokens.find(this.db.manager, id);
    if (!row || !safeEqual(row.secretHash, sha256(secret))) return;
    await this.revokeFamily(row.familyId);
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.refreshTokens.revokeFamily(this.db.manager, familyId);
  }

  /** Changing the password signs out every session and starts a new one. */
  async changePassword(userId: string, input: ChangePasswordInput): Promise<IssuedSession> {
    const user = await this.users.get(this.db.manager, userId);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw badInput('The current password is not right.', { field: 'currentPassword' });
    }
    if (input.newPassword === input.currentPassword) {
      throw badInput('The new password must differ from the current one.', { field: 'newPassword' });
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (tx) => {
      await this.users.setPasswordHash(tx, userId, passwordHash);
      await this.refreshTokens.revokeAllOf(tx, userId);
    });
    return this.startSession(user);
  }

  async startSession(user: User): Promise<IssuedSession> {
    return this.payload(user, await this.issueRefreshToken(this.db.manager, user.id, randomUUID()));
  }

  private async payload(user: User, refresh: { token: string; familyId: string }): Promise<IssuedSession> {
    const principal: Principal = {
      id: user.id,
      role: user.role,
      institutionId: user.institutionId,
      organisationId: user.organisationId,
      trustLevel: user.trustLevel,
      sessionId: refresh.familyId,
    };
    return {
      accessToken: await this.tokens.issue(principal),
      expiresIn: this.tokens.ttlSeconds,
      refreshToken: refresh.token,
      user,
      principal,
    };
  }

  private async issueRefreshToken(tx: EntityManager, userId: string, familyId: string) {
    const secret = randomBytes(32).toString('base64url');
    const id = randomUUID();
    await this.refreshTokens.insert(tx, {
      id,
      userId,
      familyId,
      secretHash: sha256(secret),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL * 1000),
    });
    return { id, token: `${id}.${secret}`, familyId };
  }

  /** Drops refresh tokens that can no longer be used (run on a schedule by the worker). */
  async pruneExpired(olderThan: Date = new Date()): Promise<number> {
    return this.refreshTokens.deleteExpired(this.db.manager, olderThan);
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
