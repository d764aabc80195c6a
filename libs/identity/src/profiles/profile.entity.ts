import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export enum ProfileVisibility {
  /** Everyone signed in to the network. */
  PUBLIC = 'PUBLIC',
  /** Members and staff of the person's own institution. */
  INSTITUTION = 'INSTITUTION',
  /** Only the person (and the staff of their institution, who moderate). */
  PRIVATE = 'PRIVATE',
}
registerEnumType(ProfileVisibility, { name: 'ProfileVisibility' });

@ObjectType()
export class ProfileLink {
  @Field()
  label: string;

  @Field()
  url: string;
}

@ObjectType()
@Entity('profile')
export class Profile {
  @PrimaryColumn('uuid')
  userId: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  headline: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  bio: string | null;

  @Field(() => String, { nullable: true, description: 'Course or subject studied.' })
  @Column('text', { nullable: true })
  course: string | null;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  graduationYear: number | null;

  @Field(() => [String])
  @Column('text', { array: true, default: () => "'{}'" })
  sectors: string[];

  @Field(() => [String])
  @Column('text', { array: true, default: () => "'{}'" })
  skills: string[];

  @Field(() => [String])
  @Column('text', { array: true, default: () => "'{}'" })
  interests: string[];

  @Field(() => [ProfileLink])
  @Column('jsonb', { default: () => "'[]'" })
  links: ProfileLink[];

  @Field(() => ProfileVisibility)
  @Column({ type: 'enum', enum: ProfileVisibility, enumName: 'profile_visibility', default: ProfileVisibility.INSTITUTION })
  visibility: ProfileVisibility;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
