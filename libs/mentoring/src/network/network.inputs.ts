import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { ConnectionArgs } from '@careers/platform';
import { NetworkWantKind } from './network.model.js';

/** The limits of the network map and introductions (docs/mentoring.md lists them). */
export const NETWORK_LIMITS = {
  contacts: 500,
  wants: 50,
  name: 100,
  sector: 60,
  organisation: 100,
  role: 100,
  relation: 100,
  notes: 500,
  want: 100,
  message: 1000,
  note: 1000,
  openIntroductions: 5,
  suggestionsPerGap: 5,
} as const;

const L = NETWORK_LIMITS;
const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A contact's fields; on an edit, what is left out stays as it is and null (or empty) clears it. */
@InputType({ isAbstract: true })
abstract class NetworkContactFields {
  @Field(() => String, { nullable: true, description: `The sector they work in, up to ${L.sector} characters.` })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(L.sector)
  sector?: string | null;

  @Field(() => String, { nullable: true, description: `The organisation they work at, up to ${L.organisation} characters.` })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(L.organisation)
  organisation?: string | null;

  @Field(() => String, { nullable: true, description: `Their role (job), up to ${L.role} characters.` })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(L.role)
  role?: string | null;

  @Field(() => String, { nullable: true, description: `How you know them, up to ${L.relation} characters.` })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(L.relation)
  relation?: string | null;

  @Field(() => String, { nullable: true, description: `Your notes, up to ${L.notes} characters.` })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(L.notes)
  notes?: string | null;
}

@InputType({ description: 'Someone you know: a person on the platform (personId) or just a name, and what they do.' })
export class AddNetworkContactInput extends NetworkContactFields {
  @Field(() => ID, { nullable: true, description: 'A person on the platform you can see (of your institution); give this or name.' })
  @IsOptional()
  @IsUUID('all')
  personId?: string | null;

  @Field(() => String, { nullable: true, description: `Their name, up to ${L.name} characters, when they are not on the platform; give this or personId.` })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(L.name)
  name?: string | null;
}

@InputType({ description: 'Changes to one of your contacts: what is left out stays, null or empty clears it.' })
export class UpdateNetworkContactInput extends NetworkContactFields {
  @Field(() => ID, { description: 'The contact to change.' })
  @IsUUID('all')
  id: string;

  @Field(() => String, { nullable: true, description: `A new name, up to ${L.name} characters (contacts not on the platform only).` })
  @IsOptional()
  @trim()
  @IsString()
  @Length(1, L.name)
  name?: string;
}

@InputType({ description: 'A sector, organisation or role you would like to reach.' })
export class AddNetworkWantInput {
  @Field(() => NetworkWantKind, { description: 'What it names.' })
  @IsEnum(NetworkWantKind)
  kind: NetworkWantKind;

  @Field({ description: `The sector, organisation or role, 1 to ${L.want} characters.` })
  @trim()
  @IsString()
  @Length(1, L.want)
  value: string;
}

@InputType({ description: 'Ask a mentor who fills a gap in your network for an introduction.' })
export class RequestIntroductionInput {
  @Field(() => ID, { description: 'The mentor (of your network, taking requests).' })
  @IsUUID('all')
  mentorId: string;

  @Field(() => ID, { nullable: true, description: 'The want (gap) it is about, one of yours; optional.' })
  @IsOptional()
  @IsUUID('all')
  wantId?: string | null;

  @Field({ description: `What you would like, 1 to ${L.message} characters; the mentor reads it.` })
  @trim()
  @IsString()
  @Length(1, L.message)
  message: string;
}

@InputType({ description: 'A mentor answers an introduction request.' })
export class AnswerIntroductionInput {
  @Field(() => ID, { description: 'The request, one sent to you and still open.' })
  @IsUUID('all')
  id: string;

  @Field({ description: 'true to accept, false to decline.' })
  @IsBoolean()
  accept: boolean;

  @Field(() => String, { nullable: true, description: `A note for the student, up to ${L.note} characters.` })
  @IsOptional()
  @trim()
  @IsString()
  @MaxLength(L.note)
  note?: string | null;
}

@ArgsType()
export class IntroductionsArgs extends ConnectionArgs {}
