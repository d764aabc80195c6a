import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID, Length, ValidateIf } from 'class-validator';

/**
 * Careers staff approving or rejecting something for their institution (an
 * organisation, a vacancy, a live chat): the domains' inputs extend it with
 * the id of what is decided.
 */
@InputType({ isAbstract: true })
export abstract class StaffDecisionInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to your own institution; admins must name one.' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;

  @Field({ description: "True approves it for the institution's students; false rejects it, with a reason." })
  @IsBoolean()
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Required when rejecting: the employer sees it.' })
  @ValidateIf((o: StaffDecisionInput) => !o.approve || o.reason !== undefined)
  @Length(3, 1000, { message: 'reason must be 3 to 1000 characters: say why, the employer will read it' })
  reason?: string;
}
