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
registerEnumType(RegistrationStatus, {
  name: 'LiveChatRegistrationStatus',
  description: "Where a person's registration for a live chat stands.",
  valuesMap: {
    REGISTERED: { description: 'Has a place.' },
    WAITLISTED: { description: 'Waits for a place; moves up automatically, first come first served.' },
    CANCELLED: { description: 'Gave up their place (or their waitlist spot).' },
  },
});

/** One person's registration for one event (at most one row per pair; re-registering reuses it). */
@ObjectType('LiveChatRegistration', { description: "A student's registration for one live chat: a place, a waitlist spot, or one given up." })
@Entity('live_chat_registration')
export class LiveChatRegistration {
  @Field(() => ID, { description: 'Stable id of this registration; registering again after cancelling keeps it.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'Id of the live chat; the same as `event { id }`.' })
  @Column('uuid')
  eventId: string;

  @Column('uuid')
  userId: string;

  @Field(() => RegistrationStatus, { description: 'Whether you hold a place, wait for one, or gave it up.' })
  @Column('text')
  status: RegistrationStatus;

  /** Waitlist order (lower first); taken afresh from a sequence when the person joins again. */
  @Column('bigint')
  position: string;

  @Field({ description: 'When you first registered for this chat.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field({ description: 'When the status last changed: registered again, moved up from the waitlist, or cancelled.' })
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
