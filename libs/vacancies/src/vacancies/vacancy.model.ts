import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApprovalDecision } from '@careers/contracts';

export enum VacancyStatus {
  DRAFT = 'DRAFT',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
  CLOSED = 'CLOSED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(VacancyStatus, {
  name: 'VacancyStatus',
  description: 'Where a vacancy is in its life, from draft to expiry.',
  valuesMap: {
    DRAFT: { description: 'Not yet submitted for approval; no institution\'s staff or students see it.' },
    PENDING_APPROVAL: { description: 'Submitted; no target institution has approved it yet, and at least one has not rejected it.' },
    PUBLISHED: { description: "Approved by at least one target institution: that institution's students see it and can apply." },
    REJECTED: { description: 'Every target institution rejected it; the poster may edit it and submit it again.' },
    CLOSED: { description: 'Applications have closed (at closesAt, or closed early by the poster); it can be renewed.' },
    EXPIRED: { description: 'Past expiresAt: it has left the network; it can be renewed.' },
  },
});

export enum VacancyType {
  INTERNSHIP = 'INTERNSHIP',
  PLACEMENT = 'PLACEMENT',
  GRADUATE_JOB = 'GRADUATE_JOB',
  PART_TIME = 'PART_TIME',
  VOLUNTEERING = 'VOLUNTEERING',
}
registerEnumType(VacancyType, {
  name: 'VacancyType',
  description: 'The kind of opportunity a vacancy offers.',
  valuesMap: {
    INTERNSHIP: { description: 'An internship: a fixed stretch of work experience.' },
    PLACEMENT: { description: 'A placement taken as part of a course, such as a sandwich year.' },
    GRADUATE_JOB: { description: 'A job or scheme for graduates.' },
    PART_TIME: { description: 'Part-time work, such as alongside study.' },
    VOLUNTEERING: { description: 'Volunteering, usually unpaid.' },
  },
});

export enum RemotePolicy {
  ON_SITE = 'ON_SITE',
  HYBRID = 'HYBRID',
  REMOTE = 'REMOTE',
}
registerEnumType(RemotePolicy, {
  name: 'RemotePolicy',
  description: 'Where the work is done.',
  valuesMap: {
    ON_SITE: { description: 'At the location given.' },
    HYBRID: { description: 'Partly at the location given, partly remotely.' },
    REMOTE: { description: 'Remotely.' },
  },
});

@ObjectType({ description: "One target institution's decision on a vacancy." })
export class VacancyTarget {
  @Field(() => ID, { description: 'The target institution.' })
  institutionId: string;

  @Field(() => ApprovalDecision, { description: "Where that institution's decision stands." })
  decision: ApprovalDecision;

  @Field(() => String, { nullable: true, description: 'Why it was rejected: the employer sees it.' })
  reason: string | null;

  @Field(() => Date, { nullable: true, description: 'When its staff decided; null while pending.' })
  decidedAt: Date | null;
}

@ObjectType({ description: 'Pay for a vacancy: yearly, or the total for short roles, in whole units of its currency.' })
export class Salary {
  @Field(() => Int, { nullable: true, description: 'Lower end of the range; null when only a top figure was given.' })
  min: number | null;

  @Field(() => Int, { nullable: true, description: 'Upper end of the range; null when only a lower figure was given.' })
  max: number | null;

  @Field({ description: 'ISO 4217 code, such as GBP.' })
  currency: string;
}

@ObjectType({ description: 'A job, placement, internship or volunteering role posted for the students of one or more institutions.' })
export class Vacancy {
  @Field(() => ID, { description: 'Stable id of this vacancy; use it in `vacancy(id:)`.' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'The organisation on the network, if it is one.' })
  organisationId: string | null;

  @Field({ description: "The employer's name as shown to students: its organisation's name, or the name staff gave." })
  employerName: string;

  @Field({ description: 'Job title, 3 to 200 characters.' })
  title: string;

  @Field({ description: 'As written (Markdown).' })
  description: string;

  @Field({ description: 'The description rendered to sanitised HTML.' })
  descriptionHtml: string;

  @Field({ description: 'The sector it is in, such as "Finance", as the poster wrote it.' })
  sector: string;

  @Field({ description: 'Where the work is, town or city first, such as "Leeds, West Yorkshire".' })
  location: string;

  @Field(() => RemotePolicy, { description: 'Whether the work is on site, hybrid or remote.' })
  remote: RemotePolicy;

  @Field(() => VacancyType, { description: 'The kind of opportunity.' })
  type: VacancyType;

  @Field(() => Salary, { nullable: true, description: 'Pay; null when the poster gave none.' })
  salary: Salary | null;

  @Field({ description: 'Applications close at this time.' })
  closesAt: Date;

  @Field({ description: 'The vacancy leaves the network at this time (at most a year out).' })
  expiresAt: Date;

  @Field(() => String, { nullable: true, description: 'Web page to apply on; null when applications go by email only (at least one of the two is set).' })
  applyUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Email address to apply to; null when applications go through applyUrl only.' })
  applyEmail: string | null;

  @Field(() => VacancyStatus, { description: 'Where it is in its life, from draft to expiry.' })
  status: VacancyStatus;

  @Field(() => Date, { nullable: true, description: 'When a target institution first approved it; null while none has.' })
  publishedAt: Date | null;

  @Field({ description: 'When it was posted.' })
  createdAt: Date;

  @Field({ description: 'When it last changed, including its status.' })
  updatedAt: Date;

  createdBy: string;

  /** The institution whose careers staff posted it (null when an employer or an admin did). */
  posterInstitutionId: string | null;
}

@ObjectType({ description: 'How many people a vacancy reached through alerts, per channel.' })
export class VacancyAlertFigures {
  @Field(() => Int, { description: 'People whose alerts matched it (each counted once).' })
  matched: number;

  @Field(() => Int, { description: 'People told about it in the app.' })
  inApp: number;

  @Field(() => Int, { description: 'Emails sent with it.' })
  email: number;

  @Field(() => Int, { description: 'Webhook deliveries accepted by the receiver.' })
  webhook: number;

  @Field(() => Int, { description: 'Feeds read since it was added to them.' })
  feed: number;
}
