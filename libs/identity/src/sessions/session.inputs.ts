import { Field, InputType, Int } from '@nestjs/graphql';
import { Role } from '@careers/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';

const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const lower = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

@InputType()
export class SignInInput {
  @Field()
  @lower()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password: string;
}

@InputType()
export class SignUpInput {
  @Field({ description: 'Your university email: it decides which institution you join.' })
  @lower()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: `At least ${PASSWORD_MIN} characters.` })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long` })
  password: string;

  @Field()
  @trim()
  @Length(1, 100)
  displayName: string;

  @Field(() => Role, { description: 'STUDENT or ALUMNUS. Employers use signUpEmployer; staff accounts are made by an admin.' })
  @IsIn([Role.STUDENT, Role.ALUMNUS], { message: 'role must be STUDENT or ALUMNUS' })
  role: Role;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1950)
  @Max(2100)
  graduationYear?: number;
}

@InputType()
export class SignUpEmployerInput {
  @Field()
  @lower()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long` })
  password: string;

  @Field()
  @trim()
  @Length(1, 100)
  displayName: string;

  @Field()
  @trim()
  @Length(1, 200)
  organisationName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  website?: string;

  @Field({ description: 'The institution whose careers staff should approve the organisation.' })
  @IsUUID()
  institutionId: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword: string;

  @Field()
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `newPassword must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long` })
  newPassword: string;
}
