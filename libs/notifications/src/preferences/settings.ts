import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Length, Max, Min, ValidateIf } from 'class-validator';

export enum EmailFrequency {
  /** Each notification as it happens (held during quiet hours). */
  INSTANT = 'INSTANT',
  /** One email a day with what arrived, if anything did. */
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
}
registerEnumType(EmailFrequency, { name: 'EmailFrequency' });

@ObjectType()
export class NotificationSettings {
  @Field(() => EmailFrequency)
  emailFrequency: EmailFrequency;

  @Field({ description: 'IANA time zone, such as Europe/London: quiet hours are in it.' })
  timeZone: string;

  @Field(() => Int, { nullable: true, description: 'Quiet hours start, in minutes after local midnight (22:00 is 1320).' })
  quietStart: number | null;

  @Field(() => Int, { nullable: true, description: 'Quiet hours end (exclusive), in minutes after local midnight.' })
  quietEnd: number | null;
}

@InputType()
export class UpdateNotificationSettingsInput {
  @Field(() => EmailFrequency, { nullable: true })
  @IsOptional()
  @IsEnum(EmailFrequency)
  emailFrequency?: EmailFrequency;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 64)
  timeZone?: string;

  @Field(() => Int, { nullable: true, description: 'Give both ends, or null for both to have no quiet hours.' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsInt()
  @Min(0)
  @Max(1439)
  quietStart?: number | null;

  @Field(() => Int, { nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsInt()
  @Min(0)
  @Max(1439)
  quietEnd?: number | null;
}
