import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsDefined,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ApprovalDecision } from '@careers/contracts';
import { ConnectionArgs, StaffDecisionInput } from '@careers/platform';
import { RemotePolicy, VacancyStatus, VacancyType } from './vacancy.model.js';

const MAX_SALARY = 10_000_000;

/** Fields a vacancy is written with; every one optional so an edit can send only what changes. */
@InputType({ isAbstract: true })
abstract class VacancyFields {
  @Field({ nullable: true, description: 'Job title, 3 to 200 characters.' })
  @IsOptional()
  @Length(3, 200, { message: 'title must be 3 to 200 characters' })
  title?: string;

  @Field({ nullable: true, description: 'Markdown, up to 20,000 characters; shown as sanitised HTML.' })
  @IsOptional()
  @Length(20, 20_000, { message: 'description must be 20 to 20,000 characters' })
  description?: string;

  @Field({ nullable: true, description: 'Such as "Finance" or "Data and analytics".' })
  @IsOptional()
  @Length(2, 100)
  sector?: string;

  @Field({ nullable: true, description: 'Town or city first, such as "Leeds, West Yorkshire".' })
  @IsOptional()
  @Length(2, 200)
  location?: string;

  @Field(() => RemotePolicy, { nullable: true, description: 'Whether the work is on site, hybrid or remote.' })
  @IsOptional()
  @IsEnum(RemotePolicy)
  remote?: RemotePolicy;

  @Field(() => VacancyType, { nullable: true, description: 'The kind of opportunity.' })
  @IsOptional()
  @IsEnum(VacancyType)
  type?: VacancyType;

  @Field(() => Int, { nullable: true, description: 'Yearly (or total, for short roles) pay, lower bound.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SALARY)
  salaryMin?: number;

  @Field(() => Int, { nullable: true, description: 'Upper bound of the pay, 0 to 10,000,000; at least salaryMin.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SALARY)
  salaryMax?: number;

  @Field({ nullable: true, description: 'ISO 4217 code, such as GBP; required with a salary.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'salaryCurrency must be a 3-letter ISO 4217 code such as GBP' })
  salaryCurrency?: string;

  @Field({ nullable: true, description: 'When applications close: in the future.' })
  @IsOptional()
  @IsDate()
  closesAt?: Date;

  @Field({ nullable: true, description: 'When the vacancy leaves the network: after it closes, at most a year from now. Defaults to 30 days after closing.' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date;

  @Field({ nullable: true, description: 'Web page to apply on (http or https, up to 1,000 characters); give this or applyEmail.' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'applyUrl must be a web address starting with https://' })
  @MaxLength(1000)
  applyUrl?: string;

  @Field({ nullable: true, description: 'Email address to apply to (up to 320 characters); give this or applyUrl.' })
  @IsOptional()
  @IsEmail({}, { message: 'applyEmail must be an email address' })
  @MaxLength(320)
  applyEmail?: string;

  @Field(() => [ID], { nullable: true, description: "Institutions whose students should see it; each one's careers staff approve it." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  targetInstitutionIds?: string[];
}

@InputType({ description: 'A new vacancy: title, description, sector, location, remote, type and closesAt are required, and a way to apply.' })
export class PostVacancyInput extends VacancyFields {
  @Field(() => ID, { nullable: true, description: 'Staff: the organisation on the network it is for (employers post for their own).' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @Field({ nullable: true, description: 'Staff: the employer, when it is not an organisation on the network.' })
  @IsOptional()
  @Length(2, 200)
  employerName?: string;

  @Field({ defaultValue: true, description: 'Submit it for approval at once (staff: publish it for your institution); false keeps a draft.' })
  @IsBoolean()
  submit: boolean;
}

@InputType({ description: 'Changes to a vacancy; fields left out stay as they are.' })
export class UpdateVacancyInput extends VacancyFields {
  @Field(() => ID, { description: 'The vacancy to edit.' })
  @IsUUID()
  id: string;
}

@InputType({ description: "Staff approve or reject a vacancy for their institution's students." })
export class DecideVacancyInput extends StaffDecisionInput {
  @Field(() => ID, { description: 'The vacancy to decide on.' })
  @IsUUID()
  vacancyId: string;
}

@InputType({ description: 'New dates for a published, closed or expired vacancy.' })
export class RenewVacancyInput {
  @Field(() => ID, { description: 'The vacancy to renew.' })
  @IsUUID()
  id: string;

  @Field({ description: 'The new closing time, in the future.' })
  @IsDate()
  closesAt: Date;

  @Field({ nullable: true, description: 'At most a year from now; defaults to 30 days after closing.' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date;
}

/** Filters shared by search and alert subscriptions. */
@InputType({ description: 'Narrows vacancies down; every filter given must match.' })
export class VacancyFilter {
  @Field({ nullable: true, description: 'This sector only, ignoring case and accents.' })
  @IsOptional()
  @Length(2, 100)
  sector?: string;

  @Field({ nullable: true, description: 'A town or city, matched against each part of the vacancy\'s location.' })
  @IsOptional()
  @Length(2, 100)
  location?: string;

  @Field(() => [RemotePolicy], { nullable: true, description: 'Any of these (none: any).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(RemotePolicy, { each: true })
  remote?: RemotePolicy[];

  @Field(() => [VacancyType], { nullable: true, description: 'Any of these (none: any).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsEnum(VacancyType, { each: true })
  types?: VacancyType[];

  @Field(() => Int, { nullable: true, description: 'Vacancies that may pay at least this (their top of range), in salaryCurrency.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SALARY)
  salaryMin?: number;

  @Field({ nullable: true, description: 'Required with salaryMin.' })
  @ValidateIf((f: VacancyFilter) => f.salaryMin != null || f.salaryCurrency != null)
  @IsDefined({ message: 'Give salaryCurrency with salaryMin.' })
  @Matches(/^[A-Z]{3}$/, { message: 'salaryCurrency must be a 3-letter ISO 4217 code such as GBP' })
  salaryCurrency?: string;
}

@ArgsType()
export class SearchVacanciesArgs extends ConnectionArgs {
  @Field({ nullable: true, description: 'Words to look for; partial words match titles and employers too.' })
  @IsOptional()
  @MaxLength(200)
  query?: string;

  @Field(() => VacancyFilter, { nullable: true, description: 'Narrows the results down; none: every vacancy open to you.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => VacancyFilter)
  filter?: VacancyFilter;
}

@ArgsType()
export class OrganisationVacanciesArgs extends ConnectionArgs {
  @Field(() => VacancyStatus, { nullable: true, description: 'Only vacancies in this status; every status when left out.' })
  @IsOptional()
  @IsEnum(VacancyStatus)
  status?: VacancyStatus;
}

@ArgsType()
export class VacancyApprovalsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Defaults to your own institution.' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;

  @Field(() => ApprovalDecision, { nullable: true, defaultValue: ApprovalDecision.PENDING, description: "Only vacancies with this decision by the institution; waiting ones by default." })
  @IsOptional()
  @IsEnum(ApprovalDecision)
  decision?: ApprovalDecision;
}
