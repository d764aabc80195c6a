import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { Profile } from './profile.entity.js';

/**
 * The profile aggregate's reads and writes (`profile`, one per user). Dialect: the entity rule of CONTRIBUTING
 * ("Repositories hold the SQL"): it returns the `Profile` entity GraphQL serves, so it goes through the caller's
 * EntityManager's entity calls.
 */
@Injectable()
export class ProfileRepository {
  /** The profiles of those of `userIds` who have one, in no particular order. */
  ofUsers(m: EntityManager, userIds: readonly string[]): Promise<Profile[]> {
    return m.findBy(Profile, { userId: In([...userIds]) });
  }

  /** The profile of `userId`; throws TypeORM's EntityNotFoundError when they have none. */
  ofUser(m: EntityManager, userId: string): Promise<Profile> {
    return m.findOneByOrFail(Profile, { userId });
  }

  /** Stores an empty profile for the new account `userId`. */
  async insertEmpty(m: EntityManager, userId: string, graduationYear: number | null): Promise<void> {
    await m.insert(Profile, { userId, graduationYear });
  }

  /** Stores the profile's changed fields; returns the profile. */
  save(m: EntityManager, profile: Profile): Promise<Profile> {
    return m.save(profile);
  }
}
