import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Role, TrustLevel } from '@careers/contracts';
import { ConnectionArgs } from '@careers/platform';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN } from '../sessions/session.inputs.js';

@ArgsType()
export class UsersArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Defaults to your own institution; admins may name any, or none for everyone.' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;

  @Field(() => Role, { nullable: true, description: 'Only people with this role; every role when left out.' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => String, { nullable: true, description: 'Part of a name or email.' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

@InputType({ description: 'A new careers staff or admin account, made by an admin.' })
export class CreateStaffAccountInput {
  @Field({ description: 'Their sign-in email, up to 254 characters; stored lower-cased.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'A first password the person changes after signing in.' })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long` })
  password: string;

  @Field({ description: 'The name shown to others, 1 to 100 characters.' })
  @Length(1, 100)
  displayName: string;

  @Field(() => Role, { description: 'STAFF or ADMIN.' })
  @IsIn([Role.STAFF, Role.ADMIN], { message: 'role must be STAFF or ADMIN' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for STAFF: the institution they work for.' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}

@InputType({ description: "A person's new trust level." })
export class SetTrustLevelInput {
  @Field(() => ID, { description: 'The person whose trust level changes.' })
  @IsUUID()
  userId: string;

  @Field(() => TrustLevel, { description: 'The trust level they get.' })
  @IsEnum(TrustLevel)
  trustLevel: TrustLevel;
}
