import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ConnectionArgs } from '@careers/platform';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN } from '../sessions/session.inputs.js';

const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export const NOTE_MAX = 1000;

@InputType({ description: 'Whom careers staff invite to mentor for their institution.' })
export class InviteMentorInput {
  @Field({ description: 'Their email, up to 254 characters; stored lower-cased. It need not be of the institution.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'Their name, 1 to 100 characters.' })
  @trim()
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters long' })
  displayName: string;

  @Field(() => String, { nullable: true, description: `A note for them in the email, up to ${NOTE_MAX} characters.` })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(NOTE_MAX, { message: `note must be at most ${NOTE_MAX} characters long` })
  note?: string | null;

  @Field(() => ID, { nullable: true, description: "The institution they will mentor for: staff's own by default; admins name one." })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}

@ArgsType()
export class MentorInvitationsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: "Staff's own institution by default; admins name one." })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}

@InputType({ description: 'Accepting a mentor invitation: the account it makes.' })
export class AcceptMentorInvitationInput {
  @Field({ description: "The token of the invitation's link (the last part of /invitations/<token>)." })
  @IsString()
  @MaxLength(500)
  token: string;

  @Field({ description: `A password of ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.` })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long` })
  password: string;

  @Field({ description: 'Your name as others see it, 1 to 100 characters.' })
  @trim()
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters long' })
  displayName: string;
}
