import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'A university or college whose careers service runs on the platform.' })
@Entity('institution')
export class Institution {
  @Field(() => ID, { description: 'Stable id of this institution; use it wherever an `institutionId` is asked for.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Display name, such as "University of Leeds"; not necessarily unique.' })
  @Column()
  name: string;

  @Field(() => [String], { description: 'Students and alumni with an email at one of these domains (or a subdomain) join this institution.' })
  @Column('text', { array: true })
  emailDomains: string[];

  @Field({ description: 'When it was added to this installation.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
