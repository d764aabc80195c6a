import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '@careers/platform';
import { QuestionVisibility } from './question.model.js';

/** The limits of questions and answers (docs/mentoring.md lists them). */
export const QUESTION_LIMITS = {
  title: { min: 5, max: 200 },
  body: 10_000,
  tags: 5,
  tagLength: 40,
  follows: 50,
  search: 200,
} as const;
const L = QUESTION_LIMITS;

const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const titleRule = () => Length(L.title.min, L.title.max, { message: `title must be ${L.title.min} to ${L.title.max} characters` });
const bodyRule = () => Length(1, L.body, { message: `body must be 1 to ${L.body} characters` });
const tagsRule = () => [
  IsArray(),
  ArrayMaxSize(L.tags, { message: `at most ${L.tags} tags` }),
  IsString({ each: true }),
  MaxLength(L.tagLength, { each: true, message: `each tag must be at most ${L.tagLength} characters` }),
];
const apply = (ds: PropertyDecorator[]): PropertyDecorator => (target, key) => ds.forEach((d) => d(target, key));

@InputType({ description: 'A new question.' })
export class AskQuestionInput {
  @Field({ description: `The title, ${L.title.min} to ${L.title.max} characters.` })
  @trim()
  @IsString()
  @titleRule()
  title: string;

  @Field({ description: `The question, plain text, 1 to ${L.body} characters.` })
  @trim()
  @IsString()
  @bodyRule()
  body: string;

  @Field(() => [String], { nullable: true, description: `Up to ${L.tags} tags of ${L.tagLength} characters; folded (lower case, no accents), repeats dropped.` })
  @IsOptional()
  @apply(tagsRule())
  tags?: string[];

  @Field(() => QuestionVisibility, { description: 'COMMUNITY for the alumni of your network, PRIVATE for one mentor (mentorId).' })
  @IsEnum(QuestionVisibility)
  visibility: QuestionVisibility;

  @Field(() => ID, { nullable: true, description: 'For a PRIVATE question (required then): a mentor of your network who takes requests.' })
  @IsOptional()
  @IsUUID()
  mentorId?: string;
}

@InputType({ description: 'Changes to your question; fields left out stay as they are. The version it replaces is kept.' })
export class EditQuestionInput {
  @Field(() => ID, { description: 'Your question.' })
  @IsUUID()
  id: string;

  @Field({ nullable: true, description: `The new title, ${L.title.min} to ${L.title.max} characters.` })
  @IsOptional()
  @trim()
  @IsString()
  @titleRule()
  title?: string;

  @Field({ nullable: true, description: `The new question, 1 to ${L.body} characters.` })
  @IsOptional()
  @trim()
  @IsString()
  @bodyRule()
  body?: string;

  @Field(() => [String], { nullable: true, description: `The new tags (replaces the list): up to ${L.tags} of ${L.tagLength} characters.` })
  @IsOptional()
  @apply(tagsRule())
  tags?: string[];
}

@ArgsType()
export class AnswerQuestionArgs {
  @Field(() => ID, { description: 'The question to answer.' })
  @IsUUID()
  questionId: string;

  @Field({ description: `Your answer, plain text, 1 to ${L.body} characters.` })
  @trim()
  @IsString()
  @bodyRule()
  body: string;
}

@ArgsType()
export class EditAnswerArgs {
  @Field(() => ID, { description: 'Your answer.' })
  @IsUUID()
  id: string;

  @Field({ description: `The new answer, 1 to ${L.body} characters. The version it replaces is kept.` })
  @trim()
  @IsString()
  @bodyRule()
  body: string;
}

@ArgsType()
export class VoteAnswerArgs {
  @Field(() => ID, { description: 'The answer to vote on (not your own).' })
  @IsUUID()
  answerId: string;

  @Field({ description: 'true for an up vote, false for a down vote.' })
  @IsBoolean()
  up: boolean;
}

@InputType({ description: 'Narrows the questions down; every filter given must match.' })
export class QuestionFilter {
  @Field({ nullable: true, description: 'Questions with this tag (compared folded).' })
  @IsOptional()
  @IsString()
  @Length(1, L.tagLength)
  tag?: string;

  @Field({ nullable: true, description: 'Words to look for in titles, tags and bodies; partial words match titles and tags. Ranks by relevance.' })
  @IsOptional()
  @IsString()
  @MaxLength(L.search)
  search?: string;

  @Field({ nullable: true, description: 'true: only questions without an answer yet.' })
  @IsOptional()
  @IsBoolean()
  unanswered?: boolean;

  @Field({ nullable: true, description: 'true: only the questions you asked.' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;
}

@ArgsType()
export class QuestionsArgs extends ConnectionArgs {
  @Field(() => QuestionFilter, { nullable: true, description: 'Narrows the list down; none: every question you can see.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuestionFilter)
  filter?: QuestionFilter;
}

@ArgsType()
export class QuestionTagsArgs {
  @Field({ nullable: true, description: 'The start of the tags to find (folded); none: the most used.' })
  @IsOptional()
  @IsString()
  @MaxLength(L.tagLength)
  search?: string;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'How many tags, 1 to 50 (default 20), most used first.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  first?: number;
}

@ArgsType()
export class QuestionTagArgs {
  @Field({ description: `The tag, up to ${L.tagLength} characters (folded).` })
  @IsString()
  @Length(1, L.tagLength)
  tag: string;
}
