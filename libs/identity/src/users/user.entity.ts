import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role, TrustLevel } from '@careers/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A person's account. Email and trust level are resolved per viewer (see
 * UsersResolver); the password hash never leaves the service.
 */
@ObjectType({ description: "A person's account: student, alumnus, employer, careers staff or admin." })
@Entity('user_account')
export class User {
  @Field(() => ID, { description: 'Stable id of this person; use it in `user(id:)`.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column()
  email: string;

  @Column()
  passwordHash: string;

  @Field({ description: 'The name shown to others, up to 100 characters.' })
  @Column()
  displayName: string;

  @Field(() => Role, { description: 'What kind of account this is; it decides what the person may do.' })
  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role: Role;

  @Column('uuid', { nullable: true })
  institutionId: string | null;

  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @Column({ type: 'enum', enum: TrustLevel, enumName: 'trust_level', default: TrustLevel.NEW })
  trustLevel: TrustLevel;

  @Field({ description: 'When the account was made.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
