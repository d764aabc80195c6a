import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, TrustLevel, type Principal } from '@careers/contracts';
import {
  assertCanManageInstitution,
  badInput,
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  forbidden,
  notFound,
  pageSize,
  toConnection,
} from '@careers/platform';
import { DataSource } from 'typeorm';
import { InstitutionsService } from '../institutions/institutions.service.js';
import type { Profile } from '../profiles/profile.entity.js';
import { canSee } from '../profiles/profiles.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import type { User } from './user.entity.js';
import { UserRepository } from './user.repository.js';
import type { CreateStaffAccountInput, SetTrustLevelInput, UsersArgs } from './user.inputs.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly institutions: InstitutionsService,
  ) {}

  /** The caller with their profile, in one statement: `me { profile }` is the most frequent query there is. */
  async me(caller: Principal): Promise<{ user: User; profile: Profile | null }> {
    const found = await this.users.withProfile(this.db.manager, caller.id);
    if (!found) throw notFound('Your account');
    return found;
  }

  /** A person the caller may see; NOT_FOUND otherwise, so ids cannot be probed. */
  async visibleUser(caller: Principal, id: string): Promise<User> {
    const found = await this.users.withVisibility(this.db.manager, id);
    if (!found || !canSee(caller, found.user, found.visibility)) throw notFound('The person');
    return found.user;
  }

  /** Staff see the people of their institution; admins anyone. Newest first. */
  async list(caller: Principal, args: UsersArgs): Promise<ConnectionShape<User>> {
    const institutionId = args.institutionId ?? (caller.role === Role.ADMIN ? undefined : caller.institutionId);
    if (institutionId) assertCanManageInstitution(caller, institutionId);
    else if (caller.role !== Role.ADMIN) throw forbidden();
    const first = pageSize(args);
    const filter = { institutionId, role: args.role, search: args.search };
    const rows = await this.users.page(this.db.manager, filter, first + 1, args.after ? decodeCursor(args.after) : undefined);
    return toConnection(rows, first, (u) => encodeCursor(u.createdAt.toISOString(), u.id));
  }

  /**
   * Staff set the trust of their own institution's people. Someone the caller
   * may not see is NOT_FOUND, as an unknown id is (ids cannot be probed); only
   * someone they can see, of another institution, is FORBIDDEN.
   */
  async setTrustLevel(caller: Principal, input: SetTrustLevelInput): Promise<User> {
    const user = await this.visibleUser(caller, input.userId);
    assertCanManageInstitution(caller, user.institutionId);
    user.trustLevel = input.trustLevel;
    return this.users.save(this.db.manager, user);
  }

  /** Admins create staff (for an institution) and other admins. */
  async createStaffAccount(input: CreateStaffAccountInput): Promise<User> {
    if (input.role === Role.STAFF && !input.institutionId) {
      throw badInput('Staff belong to an institution: give institutionId.', { field: 'institutionId' });
    }
    if (input.institutionId && !(await this.institutions.exists(input.institutionId))) {
      throw badInput('There is no institution with that id.', { field: 'institutionId' });
    }
    return this.db.transaction((tx) =>
      this.sessions.createAccount(tx, {
        ...input,
        institutionId: input.institutionId ?? null,
        organisationId: null,
        trustLevel: TrustLevel.TRUSTED,
      }),
    );
  }
}
