import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { ConnectionArgs } from '@careers/platform';

/** The limits of a conversation (docs/mentoring.md lists them). */
export const CONVERSATION_LIMITS = { body: 4000, clientId: 100, goalText: 300, goals: 20 } as const;

const trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

@InputType({ description: 'A message to the other party of an active mentorship.' })
export class SendMentorshipMessageInput {
  @Field(() => ID, { description: 'The mentorship.' })
  @IsUUID('all', { message: 'mentorshipId must be a mentorship id' })
  mentorshipId: string;

  @Field({ description: `The text, 1 to ${CONVERSATION_LIMITS.body} characters (blank space around it is dropped).` })
  @trimmed()
  @IsString()
  @Length(1, CONVERSATION_LIMITS.body, { message: `body must be 1 to ${CONVERSATION_LIMITS.body} characters` })
  body: string;

  @Field({
    description: `An id your client makes for this message (1 to ${CONVERSATION_LIMITS.clientId} letters, digits, - or _): send the same one when you retry, and no second message is stored.`,
  })
  @IsString()
  @Length(1, CONVERSATION_LIMITS.clientId, { message: `clientId must be 1 to ${CONVERSATION_LIMITS.clientId} characters` })
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'clientId may hold only letters, digits, - and _' })
  clientId: string;
}

@InputType({ description: 'A goal proposed to the other party of an active mentorship.' })
export class ProposeMentorshipGoalInput {
  @Field(() => ID, { description: 'The mentorship.' })
  @IsUUID('all', { message: 'mentorshipId must be a mentorship id' })
  mentorshipId: string;

  @Field({ description: `What the goal is, 1 to ${CONVERSATION_LIMITS.goalText} characters.` })
  @trimmed()
  @IsString()
  @Length(1, CONVERSATION_LIMITS.goalText, { message: `text must be 1 to ${CONVERSATION_LIMITS.goalText} characters` })
  text: string;
}

@ArgsType()
export class MentorshipMessagesArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The mentorship.' })
  @IsUUID('all', { message: 'mentorshipId must be a mentorship id' })
  @MaxLength(36)
  mentorshipId: string;
}
