import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsUrl, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { ConnectionArgs } from '@careers/platform';
import { ApprovalStatus } from './organisation.entity.js';

@InputType()
export class DecideOrganisationInput {
  @Field(() => ID)
  @IsUUID()
  organisationId: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to your own institution; admins must name one.' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;

  @Field()
  @IsBoolean()
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Required when rejecting: the employer sees it.' })
  @ValidateIf((o: DecideOrganisationInput) => !o.approve || o.reason !== undefined)
  @Length(3, 1000, { message: 'reason must be 3 to 1000 characters: say why, the employer will read it' })
  reason?: string;
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
