import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One in-app notification of one person; at most one per (event, person). */
@ObjectType({ description: 'One of your in-app notifications: something that happened that concerns you.' })
@Entity('notification')
export class Notification {
  @Field(() => ID, { description: 'Stable id of this notification; pass it to `markNotificationRead`.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Field({ description: 'What it is about, such as "organisation-decided": clients pick an icon by it.' })
  @Column()
  kind: string;

  @Field({ description: 'One line on what happened, such as "Vacancy approved: Data analyst"; also heads its email.' })
  @Column()
  title: string;

  @Field({ description: 'Plain text on what it means for you and what to do next.' })
  @Column()
  body: string;

  @Field(() => String, { nullable: true, description: 'Where in the app it leads.' })
  @Column('text', { nullable: true })
  link: string | null;

  @Column('uuid')
  eventId: string;

  @Field({ description: 'When it was made; lists are newest first by it.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When you marked it read; null while it is unread.' })
  @Column('timestamptz', { nullable: true })
  readAt: Date | null;
}
