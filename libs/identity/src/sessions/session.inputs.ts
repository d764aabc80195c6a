import { Field, InputType, Int } from '@nestjs/graphql';
import { Role } from '@careers/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';

const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const lower = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

@InputType({ description: 'The email and password of an account.' })
export class SignInInput {
  @Field({ description: 'The email you signed up with; case and surrounding spaces do not matter.' })
  @lower()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'Your password; each wrong one counts towards the sign-in limit.' })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password: string;
}

@InputType({ description: "A student's or alumnus's new account at the institution of their email domain." })
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

  @Field({ description: 'Your name as others see it, 1 to 100 characters; spaces around it are trimmed.' })
  @trim()
  @Length(1, 100)
  displayName: string;

  @Field(() => Role, { description: 'STUDENT or ALUMNUS. Employers use signUpEmployer; staff accounts are made by an admin.' })
  @IsIn([Role.STUDENT, Role.ALUMNUS], { message: 'role must be STUDENT or ALUMNUS' })
  role: Role;

  @Field(() => Int, { nullable: true, description: '1950 to 2100; kept on your profile, where live chats may be open to certain years only.' })
  @IsOptional()
  @IsInt()
  @Min(1950)
  @Max(2100)
  graduationYear?: number;
}

@InputType({ description: "An employer's new account and the new organisation they recruit for." })
export class SignUpEmployerInput {
  @Field({ description: 'Your work email, up to 254 characters; you sign in with it.' })
  @lower()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: `${PASSWORD_MIN} to ${PASSWORD_MAX} characters.` })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long` })
  password: string;

  @Field({ description: 'Your name as others see it, 1 to 100 characters; spaces around it are trimmed.' })
  @trim()
  @Length(1, 100)
  displayName: string;

  @Field({ description: 'Name of the organisation, 1 to 200 characters; it can act once careers staff approve it.' })
  @trim()
  @Length(1, 200)
  organisationName: string;

  @Field(() => String, { nullable: true, description: "The organisation's website: an address starting with https:// (or http://), up to 500 characters." })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  website?: string;

  @Field({ description: 'The institution whose careers staff should approve the organisation.' })
  @IsUUID()
  institutionId: string;
}

@InputType({ description: 'Your current password and the one to replace it.' })
export class ChangePasswordInput {
  @Field({ description: 'The password you use now; a wrong one is refused (BAD_USER_INPUT).' })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword: string;

  @Field({ description: `${PASSWORD_MIN} to ${PASSWORD_MAX} characters, different from the current one.` })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `newPassword must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long` })
  newPassword: string;
}
