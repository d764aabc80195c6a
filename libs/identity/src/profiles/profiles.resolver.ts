import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Principal } from '@careers/contracts';
import { CurrentUser } from '@careers/platform';
import { Profile } from './profile.entity.js';
import { UpdateProfileInput } from './profile.inputs.js';
import { ProfilesService } from './profiles.service.js';

@Resolver(() => Profile)
export class ProfilesResolver {
  constructor(private readonly service: ProfilesService) {}

  @Mutation(() => Profile, { description: 'Edit your own profile.' })
  updateProfile(@CurrentUser() caller: Principal, @Args('input', { description: 'The fields to change.' }) input: UpdateProfileInput): Promise<Profile> {
    return this.service.update(caller.id, input);
  }
}
