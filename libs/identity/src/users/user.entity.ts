import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role, TrustLevel } from '@careers/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A person's account. Email and trust level are resolved per viewer (see
 * UsersResolver); the password hash never leaves the service.
 */
@ObjectType()
@Entity('user_account')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column()
  email: string;

  @Column()
  passwordHash: string;

  @Field()
  @Column()
  displayName: string;

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role: Role;

  @Column('uuid', { nullable: true })
  institutionId: string | null;

  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @Column({ type: 'enum', enum: TrustLevel, enumName: 'trust_level', default: TrustLevel.NEW })
  trustLevel: TrustLevel;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
