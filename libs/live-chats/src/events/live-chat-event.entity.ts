import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

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
registerEnumType(LiveChatStatus, { name: 'LiveChatStatus' });

export enum LiveChatApprovalStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(LiveChatApprovalStatus, { name: 'LiveChatApprovalStatus' });

/** An employer's live web chat with students: scheduled, approved per institution, then joined by registrants. */
@ObjectType()
@Entity('live_chat_event')
export class LiveChatEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid')
  organisationId: string;

  @Column('uuid')
  createdById: string;

  @Field()
  @Column()
  title: string;

  @Field({ description: 'Plain text or Markdown, as the employer wrote it. Clients render it as untrusted Markdown (no raw HTML).' })
  @Column()
  description: string;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  endsAt: Date;

  @Field(() => Int)
  @Column('int')
  capacity: number;

  @Field(() => LiveChatStatus)
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

  @Field()
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
@ObjectType()
@Entity('live_chat_audience')
export class LiveChatAudience {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  eventId: string;

  @Field(() => ID)
  @PrimaryColumn('uuid')
  institutionId: string;

  @Field(() => LiveChatApprovalStatus)
  @Column('text')
  status: LiveChatApprovalStatus;

  @Field(() => String, { nullable: true, description: 'Why it was rejected; the employer sees it.' })
  @Column('text', { nullable: true })
  reason: string | null;

  @Column('uuid', { nullable: true })
  decidedById: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
