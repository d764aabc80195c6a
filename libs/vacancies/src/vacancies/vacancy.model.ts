import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum VacancyStatus {
  DRAFT = 'DRAFT',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
  CLOSED = 'CLOSED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(VacancyStatus, { name: 'VacancyStatus' });

export enum VacancyType {
  INTERNSHIP = 'INTERNSHIP',
  PLACEMENT = 'PLACEMENT',
  GRADUATE_JOB = 'GRADUATE_JOB',
  PART_TIME = 'PART_TIME',
  VOLUNTEERING = 'VOLUNTEERING',
}
registerEnumType(VacancyType, { name: 'VacancyType' });

export enum RemotePolicy {
  ON_SITE = 'ON_SITE',
  HYBRID = 'HYBRID',
  REMOTE = 'REMOTE',
}
registerEnumType(RemotePolicy, { name: 'RemotePolicy' });

export enum VacancyDecision {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(VacancyDecision, { name: 'VacancyDecision' });

@ObjectType({ description: "One target institution's decision on a vacancy." })
export class VacancyTarget {
  @Field(() => ID)
  institutionId: string;

  @Field(() => VacancyDecision)
  decision: VacancyDecision;

  @Field(() => String, { nullable: true, description: 'Why it was rejected: the employer sees it.' })
  reason: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;
}

@ObjectType()
export class Salary {
  @Field(() => Int, { nullable: true })
  min: number | null;

  @Field(() => Int, { nullable: true })
  max: number | null;

  @Field({ description: 'ISO 4217 code, such as GBP.' })
  currency: string;
}

@ObjectType()
export class Vacancy {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'The organisation on the network, if it is one.' })
  organisationId: string | null;

  @Field()
  employerName: string;

  @Field()
  title: string;

  @Field({ description: 'As written (Markdown).' })
  description: string;

  @Field({ description: 'The description rendered to sanitised HTML.' })
  descriptionHtml: string;

  @Field()
  sector: string;

  @Field()
  location: string;

  @Field(() => RemotePolicy)
  remote: RemotePolicy;

  @Field(() => VacancyType)
  type: VacancyType;

  @Field(() => Salary, { nullable: true })
  salary: Salary | null;

  @Field({ description: 'Applications close at this time.' })
  closesAt: Date;

  @Field({ description: 'The vacancy leaves the network at this time (at most a year out).' })
  expiresAt: Date;

  @Field(() => String, { nullable: true })
  applyUrl: string | null;

  @Field(() => String, { nullable: true })
  applyEmail: string | null;

  @Field(() => VacancyStatus)
  status: VacancyStatus;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  createdBy: string;

  /** The institution whose careers staff posted it (null when an employer or an admin did). */
  posterInstitutionId: string | null;
}

/** Columns of `vacancy` as a Vacancy (a SELECT list, aliased for `toVacancy`). */
export const VACANCY_COLUMNS = `v.id, v.organisation_id, v.employer_name, v.title, v.description, v.description_html, v.sector, v.location,
  v.remote, v.type, v.salary_min, v.salary_max, v.salary_currency, v.closes_at, v.expires_at, v.apply_url, v.apply_email,
  v.status, v.created_by, v.poster_institution_id, v.published_at, v.created_at, v.updated_at`;

export interface VacancyRow {
  id: string;
  organisation_id: string | null;
  employer_name: string;
  title: string;
  description: string;
  description_html: string;
  sector: string;
  location: string;
  remote: RemotePolicy;
  type: VacancyType;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  closes_at: Date;
  expires_at: Date;
  apply_url: string | null;
  apply_email: string | null;
  status: VacancyStatus;
  created_by: string;
  poster_institution_id: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function toVacancy(r: VacancyRow): Vacancy {
  return Object.assign(new Vacancy(), {
    id: r.id,
    organisationId: r.organisation_id,
    employerName: r.employer_name,
    title: r.title,
    description: r.description,
    descriptionHtml: r.description_html,
    sector: r.sector,
    location: r.location,
    remote: r.remote,
    type: r.type,
    salary: r.salary_currency ? { min: r.salary_min, max: r.salary_max, currency: r.salary_currency } : null,
    closesAt: r.closes_at,
    expiresAt: r.expires_at,
    applyUrl: r.apply_url,
    applyEmail: r.apply_email,
    status: r.status,
    createdBy: r.created_by,
    posterInstitutionId: r.poster_institution_id,
    publishedAt: r.published_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}

@ObjectType({ description: 'How many people a vacancy reached through alerts, per channel.' })
export class VacancyAlertFigures {
  @Field(() => Int, { description: 'People whose alerts matched it (each counted once).' })
  matched: number;

  @Field(() => Int)
  inApp: number;

  @Field(() => Int, { description: 'Emails sent with it.' })
  email: number;

  @Field(() => Int, { description: 'Webhook deliveries accepted by the receiver.' })
  webhook: number;

  @Field(() => Int, { description: 'Feeds read since it was added to them.' })
  feed: number;
}
