import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum RegistrationStatus {
  /** Has a place. */
  REGISTERED = 'REGISTERED',
  /** Waits for a place; moves up automatically, first come first served. */
  WAITLISTED = 'WAITLISTED',
  /** Gave up their place (or their waitlist spot). */
  CANCELLED = 'CANCELLED',
}
registerEnumType(RegistrationStatus, { name: 'LiveChatRegistrationStatus' });

/** One person's registration for one event (at most one row per pair; re-registering reuses it). */
@ObjectType('LiveChatRegistration')
@Entity('live_chat_registration')
export class LiveChatRegistration {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid')
  eventId: string;

  @Column('uuid')
  userId: string;

  @Field(() => RegistrationStatus)
  @Column('text')
  status: RegistrationStatus;

  /** Waitlist order (lower first); taken afresh from a sequence when the person joins again. */
  @Column('bigint')
  position: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
