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

/**
 * The user aggregate's reads and writes (`"user"`, with the profile joined where a read needs it). Dialect: the
 * entity rule of CONTRIBUTING ("Repositories hold the SQL"): what it returns is the `User` entity GraphQL serves,
 * so it goes through the caller's EntityManager's entity calls (the query builder for pages and joins, `save`),
 * and TypeORM's column mapping stays the only mapping of a user.
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

  /** Stores the user's changed fields; returns the user. */
  save(m: EntityManager, user: User): Promise<User> {
    return m.save(user);
  }
}
