import { Args, Field, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@careers/contracts';
import { CurrentUser } from '@careers/platform';
import { IsBoolean, IsOptional, Length } from 'class-validator';
import { PreferencesService } from './preferences.service.js';
import { NotificationSettings, UpdateNotificationSettingsInput } from './settings.js';

@ObjectType({ description: 'Whether one kind of notification reaches you in the app and by email: both are on until you turn them off.' })
export class NotificationPreference {
  @Field({ description: 'The kind of notification, such as "vacancy-decided", as in `Notification.kind`.' })
  kind: string;

  @Field({ description: 'In the inbox, pushed to open sockets.' })
  inApp: boolean;

  @Field({ description: 'By email, as often as your notification settings say.' })
  email: boolean;
}

@InputType({ description: 'Turns one kind of notification on or off on each channel: a channel you leave out stays as it is.' })
export class SetNotificationPreferenceInput {
  @Field({ description: 'A kind listed by `notificationPreferences`, or "all" for every kind; any other is BAD_USER_INPUT.' })
  @Length(1, 60)
  kind: string;

  @Field({ nullable: true, description: 'On or off in the inbox and pushes to open sockets.' })
  @IsOptional()
  @IsBoolean()
  inApp?: boolean;

  @Field({ nullable: true, description: 'On or off by email.' })
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

  @Mutation(() => NotificationSettings, { description: 'Changes how often email comes and your quiet hours; returns the settings now in force.' })
  updateNotificationSettings(
    @CurrentUser() caller: Principal,
    @Args('input', { description: 'What to change.' }) input: UpdateNotificationSettingsInput,
  ) {
    return this.service.updateSettings(caller.id, input);
  }

  @Mutation(() => [NotificationPreference], { description: 'Turns one kind of notification (or all) on or off per channel; returns your preferences for every kind.' })
  async setNotificationPreference(
    @CurrentUser() caller: Principal,
    @Args('input', { description: 'The kind and the channels to set.' }) input: SetNotificationPreferenceInput,
  ) {
    if (input.inApp !== undefined) await this.service.set(caller.id, input.kind, 'IN_APP', input.inApp);
    if (input.email !== undefined) await this.service.set(caller.id, input.kind, 'EMAIL', input.email);
    return this.service.list(caller.id);
  }
}
