import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The host's sign-off of a chat's Q&A page, then its publication by staff. */
@ObjectType('LiveChatQaPublication')
@Entity('live_chat_publication')
export class LiveChatPublication {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  eventId: string;

  @Column('uuid')
  signedOffById: string;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  signedOffAt: Date;

  @Column('uuid', { nullable: true })
  publishedById: string | null;

  @Field(() => Date, { nullable: true, description: 'Null until staff publish it.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;
}

/** One answered question of a chat, copied onto its Q&A page when it was published (a snapshot). */
@ObjectType()
@Entity('live_chat_qa_item')
export class LiveChatQaItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid')
  eventId: string;

  @Field(() => Int, { description: 'Order on the page, from 1.' })
  @Column('int')
  position: number;

  @Field()
  @Column()
  question: string;

  @Field()
  @Column()
  answer: string;

  @Column('uuid', { nullable: true })
  askedById: string | null;

  @Column('uuid', { nullable: true })
  answeredById: string | null;
}

/** A student's question on a published Q&A page, answered by a host later. */
@ObjectType('LiveChatFollowUp')
@Entity('live_chat_follow_up')
export class LiveChatFollowUp {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid')
  eventId: string;

  @Column('uuid')
  askedById: string;

  @Field()
  @Column()
  question: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  answer: string | null;

  @Column('uuid', { nullable: true })
  answeredById: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
