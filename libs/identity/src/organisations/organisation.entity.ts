import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum ApprovalStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(ApprovalStatus, { name: 'ApprovalStatus' });

@ObjectType({ description: 'An employer. Its members can act once careers staff of an institution approve it.' })
@Entity('organisation')
export class Organisation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  name: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One institution's decision about one organisation: staff powers stop at their own institution. */
@ObjectType()
@Entity('organisation_approval')
export class OrganisationApproval {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organisationId: string;

  @Column('uuid')
  institutionId: string;

  @Field(() => ApprovalStatus)
  @Column({ type: 'enum', enum: ApprovalStatus, enumName: 'approval_status' })
  status: ApprovalStatus;

  @Field(() => String, { nullable: true, description: 'Why it was rejected; the employer sees it.' })
  @Column('text', { nullable: true })
  reason: string | null;

  @Column('uuid', { nullable: true })
  decidedById: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
