import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ConnectionArgs } from '@careers/platform';
import { IsUUID, Length } from 'class-validator';

export const MAX_QUESTION = 2000;
export const MAX_ANSWER = 10_000;

@ArgsType()
export class SearchLiveChatQaArgs extends ConnectionArgs {
  @Field({ description: 'Words or parts of words, e.g. "intern" finds "internships".' })
  @Length(2, 200, { message: 'query must be 2 to 200 characters' })
  query: string;
}

@ArgsType()
export class AskFollowUpArgs {
  @Field(() => ID, { description: 'The live chat whose published Q&A page you ask on.' })
  @IsUUID()
  eventId: string;

  @Field({ description: 'Your question, 5 to 2,000 characters.' })
  @Length(5, MAX_QUESTION, { message: `question must be 5 to ${MAX_QUESTION} characters` })
  question: string;
}

@ArgsType()
export class AnswerFollowUpArgs {
  @Field(() => ID, { description: 'The follow-up question to answer; it can be answered once.' })
  @IsUUID()
  id: string;

  @Field({ description: 'Your answer, 1 to 10,000 characters.' })
  @Length(1, MAX_ANSWER, { message: `answer must be 1 to ${MAX_ANSWER} characters` })
  answer: string;
}
