import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUrl, IsUUID, Length, MaxLength } from 'class-validator';
import { ConnectionArgs, StaffDecisionInput } from '@careers/platform';
import { ApprovalStatus } from './organisation.entity.js';

@InputType()
export class DecideOrganisationInput extends StaffDecisionInput {
  @Field(() => ID)
  @IsUUID()
  organisationId: string;
}

@InputType()
export class UpdateOrganisationInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  website?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string;
}

@ArgsType()
export class OrganisationApprovalsArgs extends ConnectionArgs {
  @Field(() => ApprovalStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ApprovalStatus)
  status?: ApprovalStatus;

  @Field(() => ID, { nullable: true, description: 'Defaults to your own institution; admins may name any.' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}
