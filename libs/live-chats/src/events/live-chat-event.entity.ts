import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ApprovalDecision } from '@careers/contracts';

export enum LiveChatStatus {
  /** Waiting for careers staff of the audience institutions. */
  PENDING = 'PENDING',
  /** At least one audience institution approved it: its students can see it and register. */
  APPROVED = 'APPROVED',
  /** Every audience institution rejected it. */
  REJECTED = 'REJECTED',
  /** The employer cancelled it; registrants were told. */
  CANCELLED = 'CANCELLED',
}
registerEnumType(LiveChatStatus, {
  name: 'LiveChatStatus',
  description: "Where a live chat stands overall, from its audience institutions' decisions and the employer.",
  valuesMap: {
    PENDING: { description: 'Waiting for careers staff of the audience institutions: none has approved it yet.' },
    APPROVED: { description: 'At least one audience institution approved it: its students can see it and register.' },
    REJECTED: { description: 'Every audience institution rejected it.' },
    CANCELLED: { description: 'The employer cancelled it; registrants were told, with the reason.' },
  },
});

/** An employer's live web chat with students: scheduled, approved per institution, then joined by registrants. */
@ObjectType({ description: "An employer's live web chat with students: scheduled, approved per institution, then joined by registrants." })
@Entity('live_chat_event')
export class LiveChatEvent {
  @Field(() => ID, { description: 'Stable id of this live chat; use it in `liveChat(id:)`.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'Id of the employer organisation running it.' })
  @Column('uuid')
  organisationId: string;

  @Column('uuid')
  createdById: string;

  @Field({ description: 'Plain text, 3 to 200 characters.' })
  @Column()
  title: string;

  @Field({ description: 'Plain text or Markdown, as the employer wrote it. Clients render it as untrusted Markdown (no raw HTML).' })
  @Column()
  description: string;

  @Field({ description: 'When it starts; upcoming lists are ordered by it, soonest first.' })
  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Field({ description: 'When it ends: after startsAt, at most 4 hours later; from then on it is over.' })
  @Column({ type: 'timestamptz', precision: 3 })
  endsAt: Date;

  @Field(() => Int, { description: 'Places for registrants; people who register once it is full are waitlisted.' })
  @Column('int')
  capacity: number;

  @Field(() => LiveChatStatus, { description: "Where it stands overall, from its audience institutions' decisions and the employer." })
  @Column('text')
  status: LiveChatStatus;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled (or rejected overall).' })
  @Column('text', { nullable: true })
  statusReason: string | null;

  @Field(() => [Int], { description: 'Only students graduating in these years may join; empty: any year.' })
  @Column('int', { array: true })
  graduationYears: number[];

  @Field(() => [String], { description: 'Only students whose course contains one of these (case-insensitive); empty: any subject.' })
  @Column('text', { array: true })
  subjects: string[];

  @Field(() => Int, { description: 'Goes up on each reschedule (the iCalendar SEQUENCE).' })
  @Column('int')
  sequence: number;

  @Field(() => Int, { description: 'Registered (not waitlisted) people.' })
  @Column('int')
  registeredCount: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  cancelledAt: Date | null;

  @Field({ description: 'When the employer scheduled it.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** A host of an event: a member of the organisation who answers in the room. */
@Entity('live_chat_host')
export class LiveChatHost {
  @PrimaryColumn('uuid')
  eventId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** One audience institution's decision on one event; staff powers stop at their own institution. */
@ObjectType({ description: "One audience institution's decision on one live chat; staff decide only for their own institution." })
@Entity('live_chat_audience')
export class LiveChatAudience {
  @Field(() => ID, { description: 'Id of the live chat decided on; the same as `event { id }`.' })
  @PrimaryColumn('uuid')
  eventId: string;

  @Field(() => ID, { description: 'Id of the audience institution whose careers staff decide.' })
  @PrimaryColumn('uuid')
  institutionId: string;

  @Field(() => ApprovalDecision, { description: "This institution's decision; its staff may change it until the chat is cancelled or over." })
  @Column('text')
  status: ApprovalDecision;

  @Field(() => String, { nullable: true, description: 'Why it was rejected; the employer sees it.' })
  @Column('text', { nullable: true })
  reason: string | null;

  @Column('uuid', { nullable: true })
  decidedById: string | null;

  @Field(() => Date, { nullable: true, description: 'When its staff last decided; null while pending.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Field({ description: 'When the chat was put to this institution; the approval queue is ordered by it, newest first.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
