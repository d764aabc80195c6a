import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApprovalDecision } from '@careers/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'An employer. Its members can act once careers staff of an institution approve it.' })
@Entity('organisation')
export class Organisation {
  @Field(() => ID, { description: 'Stable id of this organisation.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Display name, as its employers gave it.' })
  @Column()
  name: string;

  @Field(() => String, { nullable: true, description: 'Its website (an http or https URL); null if none was given.' })
  @Column('text', { nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true, description: 'What the organisation does, in its own words (up to 5,000 characters); null if none was given.' })
  @Column('text', { nullable: true })
  description: string | null;

  @Field({ description: 'When its first employer signed it up.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One institution's decision about one organisation: staff powers stop at their own institution. */
@ObjectType({ description: "One institution's decision about one organisation: asked for, approved or rejected." })
@Entity('organisation_approval')
export class OrganisationApproval {
  @Field(() => ID, { description: 'Stable id of this request for approval.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organisationId: string;

  @Column('uuid')
  institutionId: string;

  @Field(() => ApprovalDecision, { description: 'Where the decision stands; back to PENDING when the employer asks again after a rejection.' })
  @Column({ type: 'enum', enum: ApprovalDecision, enumName: 'approval_status' })
  status: ApprovalDecision;

  @Field(() => String, { nullable: true, description: 'Why it was rejected; the employer sees it.' })
  @Column('text', { nullable: true })
  reason: string | null;

  @Column('uuid', { nullable: true })
  decidedById: string | null;

  @Field(() => Date, { nullable: true, description: 'When staff approved or rejected it; null while it is pending.' })
  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Field({ description: 'When the organisation first asked this institution.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
