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
registerEnumType(ProfileVisibility, {
  name: 'ProfileVisibility',
  description: "Who may see a person's profile and their place in the network; the staff of their institution always may.",
  valuesMap: {
    PUBLIC: { description: 'Everyone signed in to the network.' },
    INSTITUTION: { description: "Members and staff of the person's own institution." },
    PRIVATE: { description: 'Only the person (and the staff of their institution, who moderate).' },
  },
});

@ObjectType({ description: 'A labelled web link on a profile.' })
export class ProfileLink {
  @Field({ description: 'Text to show for the link, up to 50 characters.' })
  label: string;

  @Field({ description: 'An http or https address, up to 500 characters.' })
  url: string;
}

@ObjectType({ description: 'What a person tells the network about themselves; its visibility decides who sees it.' })
@Entity('profile')
export class Profile {
  @PrimaryColumn('uuid')
  userId: string;

  @Field(() => String, { nullable: true, description: 'A one-line summary, up to 160 characters; null if not given.' })
  @Column('text', { nullable: true })
  headline: string | null;

  @Field(() => String, { nullable: true, description: 'About them in their own words, up to 5000 characters; null if not given.' })
  @Column('text', { nullable: true })
  bio: string | null;

  @Field(() => String, { nullable: true, description: 'Course or subject studied.' })
  @Column('text', { nullable: true })
  course: string | null;

  @Field(() => Int, { nullable: true, description: 'The year they graduate or graduated; live chats may be open to certain years only. Null if not given.' })
  @Column('int', { nullable: true })
  graduationYear: number | null;

  @Field(() => [String], { description: 'Sectors of work they name, as free-text tags in their order; empty if none.' })
  @Column('text', { array: true, default: () => "'{}'" })
  sectors: string[];

  @Field(() => [String], { description: 'Skills they name, as free-text tags in their order; empty if none.' })
  @Column('text', { array: true, default: () => "'{}'" })
  skills: string[];

  @Field(() => [String], { description: 'Interests they name, as free-text tags in their order; empty if none.' })
  @Column('text', { array: true, default: () => "'{}'" })
  interests: string[];

  @Field(() => [ProfileLink], { description: 'Up to 10 web links, in their order.' })
  @Column('jsonb', { default: () => "'[]'" })
  links: ProfileLink[];

  @Field(() => ProfileVisibility, { description: 'Who may see this profile; INSTITUTION unless they changed it.' })
  @Column({ type: 'enum', enum: ProfileVisibility, enumName: 'profile_visibility', default: ProfileVisibility.INSTITUTION })
  visibility: ProfileVisibility;

  @Field({ description: 'When it was last saved.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
