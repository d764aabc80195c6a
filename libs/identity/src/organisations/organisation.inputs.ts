import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUrl, IsUUID, Length, MaxLength } from 'class-validator';
import { ApprovalDecision } from '@careers/contracts';
import { ConnectionArgs, StaffDecisionInput } from '@careers/platform';

@InputType({ description: 'Staff approve or reject an organisation that asked their institution.' })
export class DecideOrganisationInput extends StaffDecisionInput {
  @Field(() => ID, { description: 'The organisation to decide on.' })
  @IsUUID()
  organisationId: string;
}

@InputType({ description: "Changes to your organisation's details; fields left out stay as they are." })
export class UpdateOrganisationInput {
  @Field(() => String, { nullable: true, description: 'New display name, 1 to 200 characters.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Website: an http or https URL of up to 500 characters.' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  website?: string;

  @Field(() => String, { nullable: true, description: 'What the organisation does, up to 5,000 characters.' })
  @IsOptional()
  @MaxLength(5000)
  description?: string;
}

@ArgsType()
export class OrganisationApprovalsArgs extends ConnectionArgs {
  @Field(() => ApprovalDecision, { nullable: true, description: 'Only requests in this state; all of them when left out.' })
  @IsOptional()
  @IsEnum(ApprovalDecision)
  status?: ApprovalDecision;

  @Field(() => ID, { nullable: true, description: 'Defaults to your own institution; admins may name any.' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}
