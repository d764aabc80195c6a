import { Injectable } from '@nestjs/common';
import type { Role } from '@careers/contracts';
import type { EntityManager } from 'typeorm';
import { Profile, type ProfileVisibility } from '../profiles/profile.entity.js';
import { User } from './user.entity.js';

/** Which people a page of users holds: all conditions are optional and combined with AND. */
export interface UserFilter {
  institutionId?: string | null;
  role?: Role | null;
  /** Part of the display name or email, compared case-insensitively; `%`, `_` and `\` match themselves. */
  search?: string | null;
}

/** What a new account is stored with. */
export type NewUser = Pick<User, 'email' | 'passwordHash' | 'displayName' | 'role' | 'institutionId' | 'organisationId' | 'trustLevel'>;

/**
 * The user aggregate's reads and writes (`user_account`, with the profile joined where a read needs it). Dialect: the
 * rule of CONTRIBUTING ("Repositories hold the SQL"): what returns the `User` entity GraphQL serves, or writes one by
 * key, goes through the caller's EntityManager's entity calls (the query builder for pages and joins, `save`), so
 * TypeORM's column mapping stays the only mapping of a user; flags and lists of ids are raw parameterised SQL.
 */
@Injectable()
export class UserRepository {
  /** A user with their profile (null when they have none), in one statement; undefined when there is no such user. */
  async withProfile(m: EntityManager, id: string): Promise<{ user: User; profile: Profile | null } | undefined> {
    const user = await m
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoinAndMapOne('u.profile', Profile, 'p', 'p.user_id = u.id')
      .where('u.id = :id', { id })
      .getOne();
    if (!user) return undefined;
    const { profile = null, ...rest } = user as User & { profile?: Profile };
    return { user: Object.assign(new User(), rest), profile };
  }

  /** A user who has a profile, with that profile's visibility; undefined when there is no such user or profile. */
  async withVisibility(m: EntityManager, id: string): Promise<{ user: User; visibility: ProfileVisibility } | undefined> {
    const row = await m
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin(Profile, 'p', 'p.user_id = u.id')
      .addSelect('p.visibility', 'visibility')
      .where('u.id = :id', { id })
      .getRawAndEntities();
    const user = row.entities[0];
    return user ? { user, visibility: row.raw[0]?.visibility } : undefined;
  }

  /** At most `limit` users matching `filter`, newest first (created_at, then id, descending), from after (createdAt, id). */
  page(m: EntityManager, filter: UserFilter, limit: number, after?: [createdAt: unknown, id: string]): Promise<User[]> {
    const qb = m.getRepository(User).createQueryBuilder('u').orderBy('u.created_at', 'DESC').addOrderBy('u.id', 'DESC').take(limit);
    if (filter.institutionId) qb.andWhere('u.institution_id = :institutionId', { institutionId: filter.institutionId });
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.search) {
      const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(u.display_name ILIKE :like OR u.email ILIKE :like)', { like });
    }
    if (after) {
      const [createdAt, id] = after;
      qb.andWhere('(u.created_at, u.id) < (:createdAt, :id)', { createdAt, id });
    }
    return qb.getMany();
  }

  /** The user `id`; throws TypeORM's EntityNotFoundError when there is none. */
  get(m: EntityManager, id: string): Promise<User> {
    return m.findOneByOrFail(User, { id });
  }

  /** The user whose email is `email` (compared as stored: lower-cased), or null. */
  byEmail(m: EntityManager, email: string): Promise<User | null> {
    return m.findOneBy(User, { email });
  }

  /** Whether an account has the email `email` (compared as stored: lower-cased). */
  async emailTaken(m: EntityManager, email: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM user_account WHERE email = $1`, [email]);
    return rows.length > 0;
  }

  /** Stores a new account; returns it. */
  insert(m: EntityManager, user: NewUser): Promise<User> {
    return m.save(m.create(User, user));
  }

  async setPasswordHash(m: EntityManager, id: string, passwordHash: string): Promise<void> {
    await m.update(User, { id }, { passwordHash });
  }

  /** The ids of the careers staff of `institutionId`, oldest account first. */
  async staffIds(m: EntityManager, institutionId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM user_account WHERE role = 'STAFF' AND institution_id = $1 ORDER BY created_at, id`,
      [institutionId],
    );
    return rows.map((r) => r.id);
  }

  /** The ids of the members (employers) of `organisationId`, oldest account first. */
  async memberIds(m: EntityManager, organisationId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM user_account WHERE organisation_id = $1 ORDER BY created_at, id`, [organisationId]);
    return rows.map((r) => r.id);
  }

  /** The members (employers) of `organisationId` with their names, by name; at most `limit`. */
  async members(m: EntityManager, organisationId: string, limit: number): Promise<{ id: string; displayName: string }[]> {
    return m.query(
      `SELECT id, display_name AS "displayName" FROM user_account WHERE organisation_id = $1 AND role = 'EMPLOYER' ORDER BY display_name, id LIMIT $2`,
      [organisationId, limit],
    );
  }

  /** Stores the user's changed fields; returns the user. */
  save(m: EntityManager, user: User): Promise<User> {
    return m.save(user);
  }
}
