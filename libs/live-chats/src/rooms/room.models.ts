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
registerEnumType(LiveChatQuestionStatus, {
  name: 'LiveChatQuestionStatus',
  description: 'Where an audience question stands in the room.',
  valuesMap: {
    OPEN: { description: 'Waiting for a host; it can be upvoted.' },
    ANSWERING: { description: 'A host is answering it now (one question at a time).' },
    ANSWERED: { description: 'A host answered it with a message in the room (see answerSeq).' },
    DISMISSED: { description: 'Set aside by a host or staff; only they still see it.' },
  },
});

@ObjectType({ description: 'An audience question of a live chat; ranked by upvotes.' })
export class LiveChatQuestion {
  @Field(() => ID, { description: 'Stable id of this question; use it in `upvoteLiveChatQuestion(questionId:)`.' }) id: string;
  @Field(() => ID, { description: 'The live chat it was asked in.' }) eventId: string;
  @Field(() => ID, { description: 'The person who asked it.' }) authorId: string;
  @Field({ description: 'Display name of the person who asked it, as it was when they asked.' }) authorName: string;
  @Field({ description: 'The question, 1 to 1,000 characters.' }) body: string;
  @Field(() => LiveChatQuestionStatus, { description: 'Where it stands: open, being answered, answered or dismissed.' }) status: LiveChatQuestionStatus;
  @Field(() => Int, { description: 'How many other people upvoted it.' }) upvotes: number;
  @Field({ description: 'Whether you upvoted it.' }) upvotedByMe: boolean;
  @Field(() => Int, { nullable: true, description: 'Sequence number of the message that answered it.' }) answerSeq: number | null;
  @Field({ description: 'When it was asked.' }) createdAt: Date;
}

@ObjectType({ description: 'A message of a live chat room, with its place (seq) in the room.' })
export class LiveChatMessage {
  @Field(() => Int, { description: 'Its place in the room: numbers run from 1 without gaps, in the order messages were sent.' }) seq: number;
  @Field(() => ID, { description: 'The person who sent it.' }) authorId: string;
  @Field({ description: 'Display name of the sender, as it was when they sent it.' }) authorName: string;
  @Field({ description: 'HOST, STAFF or REGISTERED.' }) authorRole: string;
  @Field(() => String, { nullable: true, description: 'What was said; null once the message was deleted.' }) body: string | null;
  @Field(() => ID, { nullable: true, description: 'The question it answers.' }) questionId: string | null;
  @Field({ description: 'When it was sent.' }) createdAt: Date;
}

@ObjectType({ description: 'An answered question of a live chat, with the answer given in the room.' })
export class LiveChatAnsweredQuestion {
  @Field(() => LiveChatQuestion, { description: 'The question as it is now.' }) question: LiveChatQuestion;
  @Field(() => String, { nullable: true, description: 'The answer given in the room (null if that message was deleted).' }) answer: string | null;
  @Field(() => String, { nullable: true, description: 'Display name of whoever answered it in the room, as it was then (null if that message was deleted).' }) answeredBy: string | null;
}

@ObjectType({ description: 'What was said in a live chat, for its hosts and careers staff: a page of messages (deleted ones left out) and every answered question.' })
export class LiveChatTranscript {
  @Field(() => [LiveChatMessage], { description: 'Messages after afterSeq, by seq, at most `first` of them.' }) messages: LiveChatMessage[];
  @Field({ description: 'More messages after the last one: ask again with afterSeq set to its seq.' }) hasMore: boolean;
  @Field(() => [LiveChatAnsweredQuestion], { description: 'Every answered question, in the order they were answered (the same on every page).' }) answeredQuestions: LiveChatAnsweredQuestion[];
}

@ArgsType()
export class LiveChatTranscriptArgs {
  @Field(() => ID, { description: 'The live chat.' }) @IsUUID() eventId: string;
  @Field(() => Int, { defaultValue: 0, description: 'Messages after this seq: 0 for the first page, then the seq of the last message you have.' }) @IsInt() @Min(0) afterSeq: number;
  @Field(() => Int, { defaultValue: 100, description: "At most 200 messages a page." }) @IsInt() @Min(1) @Max(200) first: number;
}

@InputType({ description: 'A question for the hosts of a live chat.' })
export class AskLiveChatQuestionInput {
  @Field(() => ID, { description: 'The live chat to ask in.' }) @IsUUID() eventId: string;
  @Field(() => ID, { description: 'An id of your choosing (UUID): asking again with it returns the first question.' }) @IsUUID() clientId: string;
  @Field({ description: 'The question, 1 to 1,000 characters once trimmed.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(1)
  @MaxLength(1000)
  body: string;
}
