import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One in-app notification of one person; at most one per (event, person). */
@ObjectType()
@Entity('notification')
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Field({ description: 'What it is about, such as "organisation-decided": clients pick an icon by it.' })
  @Column()
  kind: string;

  @Field()
  @Column()
  title: string;

  @Field()
  @Column()
  body: string;

  @Field(() => String, { nullable: true, description: 'Where in the app it leads.' })
  @Column('text', { nullable: true })
  link: string | null;

  @Column('uuid')
  eventId: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  readAt: Date | null;
}
