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

@InputType()
export class ProfileLinkInput {
  @Field()
  @Length(1, 50)
  label: string;

  @Field()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'url must be a web address starting with https://' })
  @MaxLength(500)
  url: string;
}

/** Every field is optional: what is left out stays as it is; null clears it. */
@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(160)
  headline?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  bio?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  course?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1950)
  @Max(2100)
  graduationYear?: number | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @tags()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  sectors?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @tags()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  skills?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @tags()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  interests?: string[];

  @Field(() => [ProfileLinkInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ProfileLinkInput)
  links?: ProfileLinkInput[];

  @Field(() => ProfileVisibility, { nullable: true })
  @IsOptional()
  @IsEnum(ProfileVisibility)
  visibility?: ProfileVisibility;
}
