import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ConnectionArgs } from '@careers/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsUrl, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { VacancyFilter } from '../vacancies/vacancy.inputs.js';
import { AlertFrequency } from './alert-subscription.model.js';

/** Every field optional, so an edit sends only what changes. */
@InputType({ isAbstract: true })
abstract class AlertSubscriptionFields {
  @Field({ nullable: true, description: 'Your name for the alert, 1 to 100 characters; required to create one.' })
  @IsOptional()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name?: string;

  @Field(() => [String], { nullable: true, description: 'Up to 20 words or phrases; a vacancy matches if it has any of them.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: 'keywords: at most 20' })
  @Length(2, 60, { each: true, message: 'each keyword must be 2 to 60 characters' })
  keywords?: string[];

  @Field(() => VacancyFilter, { nullable: true, description: 'Which vacancies match, besides the keywords; on an edit it replaces the whole filter.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => VacancyFilter)
  filter?: VacancyFilter;

  @Field(() => AlertFrequency, { nullable: true, description: 'How often matches are emailed; INSTANT for a new alert.' })
  @IsOptional()
  @IsEnum(AlertFrequency)
  frequency?: AlertFrequency;

  @Field({ nullable: true, description: 'Matches as in-app notifications; on for a new alert.' })
  @IsOptional()
  @IsBoolean()
  inApp?: boolean;

  @Field({ nullable: true, description: 'Matches by email; on for a new alert.' })
  @IsOptional()
  @IsBoolean()
  email?: boolean;

  @Field(() => String, { nullable: true, description: 'HTTPS address on the public internet that receives each match as a signed POST; null removes it.' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false }, { message: 'webhookUrl must be a web address starting with https://' })
  @MaxLength(1000)
  webhookUrl?: string | null;
}

@InputType({ description: 'A new alert: a name and what to match; the channels have defaults.' })
export class CreateAlertSubscriptionInput extends AlertSubscriptionFields {}

@InputType({ description: 'Changes to one of your alerts: what you leave out stays as it is.' })
export class UpdateAlertSubscriptionInput extends AlertSubscriptionFields {
  @Field(() => ID, { description: "Which of your alerts to change; anyone else's is NOT_FOUND." })
  @IsUUID()
  id: string;

  @Field({ nullable: true, description: 'A paused subscription matches nothing until resumed.' })
  @IsOptional()
  @IsBoolean()
  paused?: boolean;
}

@ArgsType()
export class AlertMatchesArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: "Only the matches that came through this alert of yours (anyone else's is NOT_FOUND); all of them when left out." })
  @IsOptional()
  @IsUUID()
  alertId?: string;
}
