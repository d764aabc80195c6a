import { Args, Field, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@careers/contracts';
import { CurrentUser } from '@careers/platform';
import { IsBoolean, IsOptional, Length } from 'class-validator';
import { PreferencesService } from './preferences.service.js';
import { NotificationSettings, UpdateNotificationSettingsInput } from './settings.js';

@ObjectType()
export class NotificationPreference {
  @Field()
  kind: string;

  @Field({ description: 'In the inbox, pushed to open sockets.' })
  inApp: boolean;

  @Field()
  email: boolean;
}

@InputType()
export class SetNotificationPreferenceInput {
  @Field()
  @Length(1, 60)
  kind: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  inApp?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  email?: boolean;
}

@Resolver(() => NotificationPreference)
export class PreferencesResolver {
  constructor(private readonly service: PreferencesService) {}

  @Query(() => [NotificationPreference], { description: 'Your preferences, for every kind of notification.' })
  notificationPreferences(@CurrentUser() caller: Principal) {
    return this.service.list(caller.id);
  }

  @Query(() => NotificationSettings, { description: 'How often email comes, and your quiet hours.' })
  notificationSettings(@CurrentUser() caller: Principal) {
    return this.service.settings(caller.id);
  }

  @Mutation(() => NotificationSettings)
  updateNotificationSettings(@CurrentUser() caller: Principal, @Args('input') input: UpdateNotificationSettingsInput) {
    return this.service.updateSettings(caller.id, input);
  }

  @Mutation(() => [NotificationPreference])
  async setNotificationPreference(@CurrentUser() caller: Principal, @Args('input') input: SetNotificationPreferenceInput) {
    if (input.inApp !== undefined) await this.service.set(caller.id, input.kind, 'IN_APP', input.inApp);
    if (input.email !== undefined) await this.service.set(caller.id, input.kind, 'EMAIL', input.email);
    return this.service.list(caller.id);
  }
}
