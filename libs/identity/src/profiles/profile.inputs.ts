import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ProfileVisibility } from './profile.entity.js';

const tags = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? [...new Set(value.map((v) => (typeof v === 'string' ? v.trim() : v)))].filter((v) => v !== '') : value,
  );

@InputType({ description: 'A labelled web link for your profile.' })
export class ProfileLinkInput {
  @Field({ description: 'Text to show for the link, 1 to 50 characters.' })
  @Length(1, 50)
  label: string;

  @Field({ description: 'A web address starting with https:// (or http://), up to 500 characters.' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'url must be a web address starting with https://' })
  @MaxLength(500)
  url: string;
}

/** Every field is optional: what is left out stays as it is; null clears it. */
@InputType({ description: 'What to change in your profile; fields left out stay as they are, and null clears one (a list becomes empty).' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: 'A one-line summary, up to 160 characters.' })
  @IsOptional()
  @MaxLength(160)
  headline?: string | null;

  @Field(() => String, { nullable: true, description: 'About you in your own words, up to 5000 characters.' })
  @IsOptional()
  @MaxLength(5000)
  bio?: string | null;

  @Field(() => String, { nullable: true, description: 'Course or subject studied, up to 200 characters; live chats may be open to certain subjects only.' })
  @IsOptional()
  @MaxLength(200)
  course?: string | null;

  @Field(() => Int, { nullable: true, description: '1950 to 2100; live chats may be open to certain graduation years only.' })
  @IsOptional()
  @IsInt()
  @Min(1950)
  @Max(2100)
  graduationYear?: number | null;

  @Field(() => [String], { nullable: true, description: 'Up to 20 tags of 60 characters; replaces the list, with blanks and repeats dropped.' })
  @IsOptional()
  @tags()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  sectors?: string[];

  @Field(() => [String], { nullable: true, description: 'Up to 50 tags of 60 characters; replaces the list, with blanks and repeats dropped.' })
  @IsOptional()
  @tags()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  skills?: string[];

  @Field(() => [String], { nullable: true, description: 'Up to 50 tags of 60 characters; replaces the list, with blanks and repeats dropped.' })
  @IsOptional()
  @tags()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  interests?: string[];

  @Field(() => [ProfileLinkInput], { nullable: true, description: 'Up to 10 links; replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ProfileLinkInput)
  links?: ProfileLinkInput[];

  @Field(() => ProfileVisibility, { nullable: true, description: 'Who may see your profile; null leaves it as it is.' })
  @IsOptional()
  @IsEnum(ProfileVisibility)
  visibility?: ProfileVisibility;
}
