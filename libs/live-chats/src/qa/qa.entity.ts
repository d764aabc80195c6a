import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The host's sign-off of a chat's Q&A page, then its publication by staff. */
@ObjectType('LiveChatQaPublication', { description: "A live chat's Q&A page: signed off by a host, then published by careers staff." })
@Entity('live_chat_publication')
export class LiveChatPublication {
  @Field(() => ID, { description: 'The live chat the page is about.' })
  @PrimaryColumn('uuid')
  eventId: string;

  @Column('uuid')
  signedOffById: string;

  @Field({ description: 'When a host first signed off the page.' })
  @Column({ type: 'timestamptz', precision: 3 })
  signedOffAt: Date;

  @Column('uuid', { nullable: true })
  publishedById: string | null;

  @Field(() => Date, { nullable: true, description: 'Null until staff publish it.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;
}

/** One answered question of a chat, copied onto its Q&A page when it was published (a snapshot). */
@ObjectType({ description: 'One answered question on a published Q&A page, as it was when the page was published.' })
@Entity('live_chat_qa_item')
export class LiveChatQaItem {
  @Field(() => ID, { description: 'Stable id of this item.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The live chat it comes from.' })
  @Column('uuid')
  eventId: string;

  @Field(() => Int, { description: 'Order on the page, from 1.' })
  @Column('int')
  position: number;

  @Field({ description: 'The question as asked in the room.' })
  @Column()
  question: string;

  @Field({ description: "The host's answer as given in the room." })
  @Column()
  answer: string;

  @Column('uuid', { nullable: true })
  askedById: string | null;

  @Column('uuid', { nullable: true })
  answeredById: string | null;
}

/** A student's question on a published Q&A page, answered by a host later. */
@ObjectType('LiveChatFollowUp', { description: "A student's question on a published Q&A page, for a host to answer later." })
@Entity('live_chat_follow_up')
export class LiveChatFollowUp {
  @Field(() => ID, { description: 'Stable id of this follow-up; use it in `answerLiveChatFollowUp(id:)`.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The live chat whose Q&A page it was asked on.' })
  @Column('uuid')
  eventId: string;

  @Column('uuid')
  askedById: string;

  @Field({ description: 'The question, 5 to 2,000 characters.' })
  @Column()
  question: string;

  @Field(() => String, { nullable: true, description: "A host's answer; null until one answers." })
  @Column('text', { nullable: true })
  answer: string | null;

  @Column('uuid', { nullable: true })
  answeredById: string | null;

  @Field(() => Date, { nullable: true, description: 'When a host answered it; null until then.' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;

  @Field({ description: 'When it was asked.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
