import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
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
import { DataSource, Repository } from 'typeorm';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { Profile } from '../profiles/profile.entity.js';
import { canSee } from '../profiles/profiles.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { User } from './user.entity.js';
import type { CreateStaffAccountInput, SetTrustLevelInput, UsersArgs } from './user.inputs.js';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly institutions: InstitutionsService,
  ) {}

  /** The caller with their profile, in one statement: `me { profile }` is the most frequent query there is. */
  async me(caller: Principal): Promise<{ user: User; profile: Profile | null }> {
    const user = await this.users
      .createQueryBuilder('u')
      .leftJoinAndMapOne('u.profile', Profile, 'p', 'p.user_id = u.id')
      .where('u.id = :id', { id: caller.id })
      .getOne();
    if (!user) throw notFound('Your account');
    const { profile = null, ...rest } = user as User & { profile?: Profile };
    return { user: Object.assign(new User(), rest), profile };
  }

  /** A person the caller may see; NOT_FOUND otherwise, so ids cannot be probed. */
  async visibleUser(caller: Principal, id: string): Promise<User> {
    const row = await this.users
      .createQueryBuilder('u')
      .innerJoin(Profile, 'p', 'p.user_id = u.id')
      .addSelect('p.visibility', 'visibility')
      .where('u.id = :id', { id })
      .getRawAndEntities();
    const user = row.entities[0];
    const visibility = row.raw[0]?.visibility;
    if (!user || !canSee(caller, user, visibility)) throw notFound('The person');
    return user;
  }

  /** Staff see the people of their institution; admins anyone. Newest first. */
  async list(caller: Principal, args: UsersArgs): Promise<ConnectionShape<User>> {
    const institutionId = args.institutionId ?? (caller.role === Role.ADMIN ? undefined : caller.institutionId);
    if (institutionId) assertCanManageInstitution(caller, institutionId);
    else if (caller.role !== Role.ADMIN) throw forbidden();
    const first = pageSize(args);
    const qb = this.users.createQueryBuilder('u').orderBy('u.created_at', 'DESC').addOrderBy('u.id', 'DESC').take(first + 1);
    if (institutionId) qb.andWhere('u.institution_id = :institutionId', { institutionId });
    if (args.role) qb.andWhere('u.role = :role', { role: args.role });
    if (args.search) {
      const like = `%${args.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(u.display_name ILIKE :like OR u.email ILIKE :like)', { like });
    }
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after);
      qb.andWhere('(u.created_at, u.id) < (:createdAt, :id)', { createdAt, id });
    }
    return toConnection(await qb.getMany(), first, (u) => encodeCursor(u.createdAt.toISOString(), u.id));
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
    return this.users.save(user);
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
