import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { ConnectionArgs } from '@careers/platform';
import { MentorOffer } from '../mentors/mentor.model.js';
import { MentorshipStatus } from './mentorship.model.js';

/** The limits of what mentorships take (docs/mentoring.md lists them). */
export const MENTORSHIP_LIMITS = { message: 2000, declineReason: 1000, feedback: 2000 } as const;

const trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

@InputType({ description: 'A request for mentoring, from a student to a mentor of their network.' })
export class RequestMentorshipInput {
  @Field(() => ID, { description: "The mentor's id (their user id, as MentorProfile.id)." })
  @IsUUID('all', { message: 'mentorId must be a mentor id' })
  mentorId: string;

  @Field({ description: `What you would like from them and why, 1 to ${MENTORSHIP_LIMITS.message} characters (plain text).` })
  @trimmed()
  @IsString()
  @Length(1, MENTORSHIP_LIMITS.message, { message: `message must be 1 to ${MENTORSHIP_LIMITS.message} characters` })
  message: string;

  @Field(() => MentorOffer, { description: "What you ask for: one of the mentor's offers." })
  @IsEnum(MentorOffer)
  asksFor: MentorOffer;
}

@InputType({ description: 'Declining a mentorship request.' })
export class DeclineMentorshipInput {
  @Field(() => ID, { description: 'The request (mentorship id).' })
  @IsUUID('all', { message: 'id must be a mentorship id' })
  id: string;

  @Field(() => String, { nullable: true, description: `Why, for the student, up to ${MENTORSHIP_LIMITS.declineReason} characters; optional.` })
  @IsOptional()
  @trimmed()
  @IsString()
  @MaxLength(MENTORSHIP_LIMITS.declineReason)
  reason?: string | null;
}

@InputType({ description: 'Ending an active mentorship.' })
export class EndMentorshipInput {
  @Field(() => ID, { description: 'The mentorship id.' })
  @IsUUID('all', { message: 'id must be a mentorship id' })
  id: string;

  @Field(() => String, { nullable: true, description: `Feedback for the other side, up to ${MENTORSHIP_LIMITS.feedback} characters; optional.` })
  @IsOptional()
  @trimmed()
  @IsString()
  @MaxLength(MENTORSHIP_LIMITS.feedback)
  feedback?: string | null;
}

@ArgsType()
export class MyMentorshipsArgs extends ConnectionArgs {
  @Field(() => MentorshipStatus, { nullable: true, description: 'Only mentorships in this status (as read: a request past its expiry is EXPIRED); all when left out.' })
  @IsOptional()
  @IsEnum(MentorshipStatus)
  status?: MentorshipStatus;
}
