import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Transform } from 'class-transformer';

export enum LiveChatQuestionStatus {
  OPEN = 'OPEN',
  /** A host is answering it now. */
  ANSWERING = 'ANSWERING',
  ANSWERED = 'ANSWERED',
  DISMISSED = 'DISMISSED',
}
registerEnumType(LiveChatQuestionStatus, { name: 'LiveChatQuestionStatus' });

@ObjectType({ description: 'An audience question of a live chat; ranked by upvotes.' })
export class LiveChatQuestion {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field(() => ID) authorId: string;
  @Field() authorName: string;
  @Field() body: string;
  @Field(() => LiveChatQuestionStatus) status: LiveChatQuestionStatus;
  @Field(() => Int) upvotes: number;
  @Field({ description: 'Whether you upvoted it.' }) upvotedByMe: boolean;
  @Field(() => Int, { nullable: true, description: 'Sequence number of the message that answered it.' }) answerSeq: number | null;
  @Field() createdAt: Date;
}

@ObjectType({ description: 'A message of a live chat room, with its place (seq) in the room.' })
export class LiveChatMessage {
  @Field(() => Int) seq: number;
  @Field(() => ID) authorId: string;
  @Field() authorName: string;
  @Field({ description: 'HOST, STAFF or REGISTERED.' }) authorRole: string;
  @Field(() => String, { nullable: true }) body: string | null;
  @Field(() => ID, { nullable: true, description: 'The question it answers.' }) questionId: string | null;
  @Field() createdAt: Date;
}

@ObjectType()
export class LiveChatAnsweredQuestion {
  @Field(() => LiveChatQuestion) question: LiveChatQuestion;
  @Field(() => String, { nullable: true, description: 'The answer given in the room (null if that message was deleted).' }) answer: string | null;
  @Field(() => String, { nullable: true }) answeredBy: string | null;
}

@ObjectType({ description: 'What was said in a live chat, for its hosts and careers staff: a page of messages (deleted ones left out) and every answered question.' })
export class LiveChatTranscript {
  @Field(() => [LiveChatMessage]) messages: LiveChatMessage[];
  @Field({ description: 'More messages after the last one: ask again with afterSeq set to its seq.' }) hasMore: boolean;
  @Field(() => [LiveChatAnsweredQuestion]) answeredQuestions: LiveChatAnsweredQuestion[];
}

@ArgsType()
export class LiveChatTranscriptArgs {
  @Field(() => ID) @IsUUID() eventId: string;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) afterSeq: number;
  @Field(() => Int, { defaultValue: 100, description: "At most 200 messages a page." }) @IsInt() @Min(1) @Max(200) first: number;
}

@InputType()
export class AskLiveChatQuestionInput {
  @Field(() => ID) @IsUUID() eventId: string;
  @Field(() => ID, { description: 'An id of your choosing (UUID): asking again with it returns the first question.' }) @IsUUID() clientId: string;
  @Field()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(1)
  @MaxLength(1000)
  body: string;
}
