import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ApprovalDecision } from '@careers/contracts';
import { ConnectionArgs, StaffDecisionInput } from '@careers/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';

export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 10_000;
export const MAX_CAPACITY = 10_000;
export const MAX_HOSTS = 10;
export const MAX_AUDIENCE = 50;

@InputType({ description: 'A new live chat; it waits for the careers staff of each institution named to approve it.' })
export class ScheduleLiveChatInput {
  @Field({ description: `3 to ${MAX_TITLE} characters; spaces around it are trimmed.` })
  @Length(3, MAX_TITLE, { message: `title must be 3 to ${MAX_TITLE} characters` })
  title: string;

  @Field({ description: `Plain text or Markdown, up to ${MAX_DESCRIPTION} characters.` })
  @Length(1, MAX_DESCRIPTION, { message: `description must be 1 to ${MAX_DESCRIPTION} characters` })
  description: string;

  @Field({ description: 'In the future, at most a year from now.' })
  @Type(() => Date)
  @IsDate()
  startsAt: Date;

  @Field({ description: 'After startsAt, at most 4 hours later.' })
  @Type(() => Date)
  @IsDate()
  endsAt: Date;

  @Field(() => Int, { description: `Places, 1 to ${MAX_CAPACITY}; later registrants are waitlisted.` })
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY, { message: `capacity must be at most ${MAX_CAPACITY}` })
  capacity: number;

  @Field(() => [ID], { nullable: true, description: 'Members of your organisation who host with you; you are always a host.' })
  @IsOptional()
  @ArrayMaxSize(MAX_HOSTS, { message: `at most ${MAX_HOSTS} hosts` })
  @ArrayUnique()
  @IsUUID('all', { each: true })
  hostIds?: string[];

  @Field(() => [ID], { description: 'Institutions whose students may join; each must have approved your organisation. Their staff approve the event.' })
  @ArrayMinSize(1, { message: 'name at least one institution' })
  @ArrayMaxSize(MAX_AUDIENCE, { message: `at most ${MAX_AUDIENCE} institutions` })
  @ArrayUnique()
  @IsUUID('all', { each: true })
  institutionIds: string[];

  @Field(() => [Int], { nullable: true, description: 'Only students graduating in these years; leave empty for any year.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1950, { each: true })
  @Max(2100, { each: true })
  graduationYears?: number[];

  @Field(() => [String], { nullable: true, description: "Only students whose course contains one of these (case-insensitive, e.g. \"law\"); leave empty for any subject." })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Length(2, 100, { each: true, message: 'each subject must be 2 to 100 characters' })
  subjects?: string[];
}

@InputType({ description: 'What to change; fields left out stay as they are. Moving the start or end is a reschedule: registrants are told.' })
export class UpdateLiveChatInput {
  @Field(() => String, { nullable: true, description: `3 to ${MAX_TITLE} characters; spaces around it are trimmed.` })
  @IsOptional()
  @Length(3, MAX_TITLE, { message: `title must be 3 to ${MAX_TITLE} characters` })
  title?: string;

  @Field(() => String, { nullable: true, description: `Plain text or Markdown, up to ${MAX_DESCRIPTION} characters.` })
  @IsOptional()
  @Length(1, MAX_DESCRIPTION, { message: `description must be 1 to ${MAX_DESCRIPTION} characters` })
  description?: string;

  @Field(() => Date, { nullable: true, description: 'A new start, in the future and at most a year from now; registrants are told.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  startsAt?: Date;

  @Field(() => Date, { nullable: true, description: 'A new end: after the start, at most 4 hours later.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  endsAt?: Date;

  @Field(() => Int, { nullable: true, description: 'Not below the number registered; more places move the waitlist up.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY, { message: `capacity must be at most ${MAX_CAPACITY}` })
  capacity?: number;

  @Field(() => [ID], { nullable: true, description: 'The full list of hosts (members of your organisation).' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'an event needs at least one host' })
  @ArrayMaxSize(MAX_HOSTS, { message: `at most ${MAX_HOSTS} hosts` })
  @ArrayUnique()
  @IsUUID('all', { each: true })
  hostIds?: string[];
}

@InputType({ description: 'A careers staff decision on one live chat for one institution; the hosts are told.' })
export class DecideLiveChatInput extends StaffDecisionInput {
  @Field(() => ID, { description: 'The live chat to decide on; it must be neither cancelled nor over.' })
  @IsUUID()
  eventId: string;
}

@ArgsType()
export class LiveChatsAwaitingApprovalArgs extends ConnectionArgs {
  @Field(() => ApprovalDecision, {
    nullable: true,
    defaultValue: ApprovalDecision.PENDING,
    description: 'Which decisions to list: PENDING for the queue, APPROVED or REJECTED for those already made.',
  })
  @IsOptional()
  @IsEnum(ApprovalDecision)
  status?: ApprovalDecision;

  @Field(() => ID, { nullable: true, description: 'Defaults to your own institution; admins must name one.' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}

@ArgsType()
export class CancelLiveChatArgs {
  @Field(() => String, { description: 'Registrants see it.' })
  @Length(3, 1000, { message: 'reason must be 3 to 1000 characters: registrants will read it' })
  reason: string;
}


/** Which of an organisation's live chats a list shows: those not yet over, or those that are. */
export enum LiveChatPeriod {
  UPCOMING = 'UPCOMING',
  PAST = 'PAST',
}
registerEnumType(LiveChatPeriod, {
  name: 'LiveChatPeriod',
  description: "Which of an organisation's live chats to list, by their end.",
  valuesMap: {
    UPCOMING: { description: 'Not yet over (on now, or to come), whatever their status: soonest first.' },
    PAST: { description: 'Over, whatever their status: the most recent first.' },
  },
});

@ArgsType()
export class OrganisationLiveChatsArgs extends ConnectionArgs {
  @Field(() => LiveChatPeriod, { defaultValue: LiveChatPeriod.UPCOMING, description: 'UPCOMING (the default, soonest first) or PAST (most recent first).' })
  @IsEnum(LiveChatPeriod, { message: 'period must be UPCOMING or PAST' })
  period: LiveChatPeriod;
}
