import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { MentoringAudience } from './audience.model.js';

@InputType({ description: "Careers staff set how far their institution's mentoring reaches." })
export class SetMentoringAudienceInput {
  @Field(() => MentoringAudience, { description: 'Within the institution, or shared with the whole network.' })
  @IsEnum(MentoringAudience, { message: 'audience must be OWN_INSTITUTION or WHOLE_NETWORK' })
  audience: MentoringAudience;

  @Field(() => ID, { nullable: true, description: "Staff's own institution by default; admins name one." })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}
