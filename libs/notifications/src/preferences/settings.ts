import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Length, Max, Min, ValidateIf } from 'class-validator';

export enum EmailFrequency {
  INSTANT = 'INSTANT',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
}
registerEnumType(EmailFrequency, {
  name: 'EmailFrequency',
  description: 'How often notification emails go out; none goes out during your quiet hours.',
  valuesMap: {
    INSTANT: { description: 'Each notification in an email of its own as it happens, held while quiet hours last.' },
    DAILY: { description: 'One digest a day of what arrived (at most 50 notifications; the rest wait for the next), none when nothing did.' },
    WEEKLY: { description: 'One digest a week of what arrived (at most 50 notifications; the rest wait for the next), none when nothing did.' },
  },
});

@ObjectType({ description: 'How often your notification emails come, and when they wait: the defaults until you change them.' })
export class NotificationSettings {
  @Field(() => EmailFrequency, { description: 'INSTANT by default. Vacancy alert emails go as often as each alert says instead.' })
  emailFrequency: EmailFrequency;

  @Field({ description: 'IANA time zone, such as Europe/London: quiet hours are in it.' })
  timeZone: string;

  @Field(() => Int, { nullable: true, description: 'Quiet hours start, in minutes after local midnight (22:00 is 1320); null when you have none.' })
  quietStart: number | null;

  @Field(() => Int, { nullable: true, description: 'Quiet hours end (exclusive), in minutes after local midnight; null when you have none.' })
  quietEnd: number | null;
}

@InputType({ description: 'Changes to your notification settings: what you leave out stays as it is.' })
export class UpdateNotificationSettingsInput {
  @Field(() => EmailFrequency, { nullable: true, description: 'How often notification emails go out.' })
  @IsOptional()
  @IsEnum(EmailFrequency)
  emailFrequency?: EmailFrequency;

  @Field({ nullable: true, description: 'An IANA time zone, such as Europe/London; quiet hours are in it.' })
  @IsOptional()
  @Length(1, 64)
  timeZone?: string;

  @Field(() => Int, { nullable: true, description: 'Minutes after local midnight, 0 to 1439. Give both ends, or null for both to have no quiet hours.' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsInt()
  @Min(0)
  @Max(1439)
  quietStart?: number | null;

  @Field(() => Int, { nullable: true, description: 'Quiet hours end (exclusive), in minutes after local midnight, 0 to 1439; below quietStart, they span midnight.' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsInt()
  @Min(0)
  @Max(1439)
  quietEnd?: number | null;
}
