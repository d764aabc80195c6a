import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ConnectionArgs } from '@careers/platform';
import { MentorOffer } from './mentor.model.js';

/** The limits of a mentor profile (docs/mentoring.md lists them). */
export const MENTOR_LIMITS = {
  capacity: { min: 1, max: 50 },
  tags: 20,
  tagLength: 60,
  organisations: 20,
  organisationLength: 100,
  languages: 10,
  languageLength: 40,
  topics: 20,
  topicLength: 100,
  about: 2000,
} as const;

/** Trims each entry and drops blanks and repeats (ignoring case), keeping the first spelling. */
const tags = () =>
  Transform(({ value }: { value: unknown }) => {
    if (!Array.isArray(value)) return value;
    const seen = new Set<string>();
    return value
      .map((v) => (typeof v === 'string' ? v.trim() : v))
      .filter((v) => {
        if (v === '') return false;
        if (typeof v !== 'string') return true;
        const key = v.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  });

/** An optional list of short texts: tidied as `tags()` does, then at most `max` entries of `length` characters. */
const tagList = (max: number, length: number) =>
  applyDecorators(IsOptional(), tags(), IsArray(), ArrayMaxSize(max), IsString({ each: true }), MaxLength(length, { each: true }));

const L = MENTOR_LIMITS;

/** A mentor profile's fields; every one optional so an edit sends only what changes. */
@InputType({ isAbstract: true })
abstract class MentorProfileFields {
  @Field(() => [String], { nullable: true, description: `Sectors you work or worked in: up to ${L.tags} of ${L.tagLength} characters; replaces the list.` })
  @tagList(L.tags, L.tagLength)
  sectors?: string[];

  @Field(() => [String], { nullable: true, description: `Skills you can help with: up to ${L.tags} of ${L.tagLength} characters; replaces the list.` })
  @tagList(L.tags, L.tagLength)
  skills?: string[];

  @Field(() => [String], {
    nullable: true,
    description: `Organisations you work or worked at: up to ${L.organisations} of ${L.organisationLength} characters; replaces the list.`,
  })
  @tagList(L.organisations, L.organisationLength)
  organisations?: string[];

  @Field(() => [String], { nullable: true, description: `Languages you can mentor in: up to ${L.languages} of ${L.languageLength} characters; replaces the list.` })
  @tagList(L.languages, L.languageLength)
  languages?: string[];

  @Field(() => [String], { nullable: true, description: `Topics you will talk about: up to ${L.topics} of ${L.topicLength} characters; replaces the list.` })
  @tagList(L.topics, L.topicLength)
  topics?: string[];

  @Field(() => String, { nullable: true, description: `What you would like students to know, up to ${L.about} characters; null or empty clears it.` })
  @IsOptional()
  @IsString()
  @MaxLength(L.about)
  about?: string | null;

  @Field(() => [MentorOffer], { nullable: true, description: 'What you offer: at least one; replaces the list.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'offers must name at least one thing you offer' })
  @ArrayMaxSize(4)
  @IsEnum(MentorOffer, { each: true })
  offers?: MentorOffer[];

  @Field(() => Int, { nullable: true, description: `The most mentees you take at once (active mentorships), ${L.capacity.min} to ${L.capacity.max}.` })
  @IsOptional()
  @IsInt()
  @Min(L.capacity.min, { message: `capacity must be ${L.capacity.min} to ${L.capacity.max}` })
  @Max(L.capacity.max, { message: `capacity must be ${L.capacity.min} to ${L.capacity.max}` })
  capacity?: number;
}

@InputType({ description: 'Your mentor profile, to start mentoring: offers and capacity are required, the rest may follow.' })
export class BecomeMentorInput extends MentorProfileFields {}

@InputType({ description: 'Changes to your mentor profile; fields left out stay as they are.' })
export class UpdateMentorProfileInput extends MentorProfileFields {
  @Field(() => Boolean, { nullable: true, description: 'false pauses: you leave the directory and suggestions, and active mentorships go on; true takes requests again.' })
  @IsOptional()
  @IsBoolean()
  acceptingRequests?: boolean;
}

@InputType({ description: 'Narrows the mentor directory down; every filter given must match.' })
export class MentorFilter {
  @Field({ nullable: true, description: 'Mentors in this sector, ignoring case and accents.' })
  @IsOptional()
  @Length(1, L.tagLength)
  sector?: string;

  @Field({ nullable: true, description: 'Mentors with this skill, ignoring case and accents.' })
  @IsOptional()
  @Length(1, L.tagLength)
  skill?: string;

  @Field({ nullable: true, description: 'Mentors who mentor in this language, ignoring case and accents.' })
  @IsOptional()
  @Length(1, L.languageLength)
  language?: string;

  @Field(() => MentorOffer, { nullable: true, description: 'Mentors who offer this.' })
  @IsOptional()
  @IsEnum(MentorOffer)
  offer?: MentorOffer;

  @Field({ nullable: true, description: 'Words to look for in names, sectors, skills, organisations, topics, course and about; partial words match too.' })
  @IsOptional()
  @MaxLength(200)
  search?: string;
}

@ArgsType()
export class MentorsArgs extends ConnectionArgs {
  @Field(() => MentorFilter, { nullable: true, description: 'Narrows the directory down; none: every mentor open to you.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MentorFilter)
  filter?: MentorFilter;
}

export const MAX_SUGGESTIONS = 20;

@ArgsType()
export class MentorSuggestionsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 10, description: `How many suggestions, 1 to ${MAX_SUGGESTIONS} (default 10).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SUGGESTIONS, { message: `first must be at most ${MAX_SUGGESTIONS}` })
  first?: number;
}
