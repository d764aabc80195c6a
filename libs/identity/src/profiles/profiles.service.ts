import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@careers/contracts';
import { byKeys, canManageInstitution, Outbox } from '@careers/platform';
import { DataSource } from 'typeorm';
import type { User } from '../users/user.entity.js';
import { type Profile, ProfileVisibility } from './profile.entity.js';
import { ProfileRepository } from './profile.repository.js';
import type { UpdateProfileInput } from './profile.inputs.js';

/** The person themselves, or the staff of their institution (who moderate): they see everything of a person. */
export function isSelfOrManager(viewer: Principal, owner: Pick<User, 'id' | 'institutionId'>): boolean {
  return viewer.id === owner.id || canManageInstitution(viewer, owner.institutionId);
}

/**
 * Whether `viewer` may see `owner` (their profile and their place in the
 * network). Their own staff always may: they moderate.
 */
export function canSee(viewer: Principal, owner: Pick<User, 'id' | 'institutionId'>, visibility: ProfileVisibility): boolean {
  if (isSelfOrManager(viewer, owner)) return true;
  switch (visibility) {
    case ProfileVisibility.PUBLIC:
      return true;
    case ProfileVisibility.INSTITUTION:
      return owner.institutionId !== null && viewer.institutionId === owner.institutionId;
    case ProfileVisibility.PRIVATE:
      return false;
  }
}

@Injectable()
export class ProfilesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly profiles: ProfileRepository,
    private readonly outbox: Outbox,
  ) {}

  async byUserIds(userIds: readonly string[]): Promise<(Profile | null)[]> {
    return byKeys(userIds, await this.profiles.ofUsers(this.db.manager, userIds), (p) => p.userId);
  }

  /** Saves the changes; a change of course or graduation year is told to the domains that keep a copy of them. */
  async update(userId: string, input: UpdateProfileInput): Promise<Profile> {
    return this.db.transaction(async (tx) => {
      const profile = await this.profiles.ofUser(tx, userId);
      const before = [profile.course, profile.graduationYear];
      this.apply(profile, input);
      const saved = await this.profiles.save(tx, profile);
      if (before[0] !== saved.course || before[1] !== saved.graduationYear) {
        await this.outbox.append(tx, { type: 'identity.profile-updated', aggregateType: 'user', aggregateId: userId, payload: { userId } });
      }
      return saved;
    });
  }

  private apply(profile: Profile, input: UpdateProfileInput): void {
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined || (key === 'visibility' && value === null)) continue;
      // Lists cannot be null: null empties them.
      const list = key === 'sectors' || key === 'skills' || key === 'interests' || key === 'links';
      (profile as unknown as Record<string, unknown>)[key] = value === null && list ? [] : value;
    }
  }
}
