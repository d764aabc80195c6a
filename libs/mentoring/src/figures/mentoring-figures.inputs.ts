import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsUUID } from 'class-validator';

/** The periods staff figures cover, in days. */
export const FIGURE_PERIODS = [30, 90, 365] as const;

@ArgsType()
export class MentoringFiguresArgs {
  @Field(() => ID, { nullable: true, description: "The institution: staff may leave it out (their own); admins name one." })
  @IsOptional()
  @IsUUID('all')
  institutionId?: string;

  @Field(() => Int, { nullable: true, description: 'The period in days back from now: 30, 90 or 365 (default 30).' })
  @IsOptional()
  @IsInt()
  @IsIn(FIGURE_PERIODS, { message: 'days must be 30, 90 or 365' })
  days?: number;
}
