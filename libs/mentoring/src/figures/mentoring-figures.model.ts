import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A mentor at or above 80% of their capacity: their active mentorships against it.' })
export class MentorLoad {
  @Field(() => ID, { description: "The mentor's user id." })
  mentorId: string;

  @Field({ description: "The mentor's name." })
  displayName: string;

  @Field(() => Int, { description: 'Active mentorships now.' })
  active: number;

  @Field(() => Int, { description: 'The most they take at once.' })
  capacity: number;
}

@ObjectType({
  description:
    "Staff figures of mentoring at one institution over a period: its students' questions, and its mentors' requests and mentorships. Staff of the institution and admins only.",
})
export class MentoringFigures {
  @Field(() => ID, { description: 'The institution.' })
  institutionId: string;

  @Field(() => Int, { description: 'The period, in days back from now: 30, 90 or 365.' })
  days: number;

  @Field({ description: 'The start of the period.' })
  since: Date;

  @Field(() => Int, { description: "Questions the institution's students asked in the period." })
  questionsAsked: number;

  @Field(() => Int, { description: 'Of those, the questions with at least one answer.' })
  questionsAnswered: number;

  @Field(() => Float, { nullable: true, description: 'Median hours from a question to its first answer, over the answered ones; null when none was answered.' })
  medianHoursToFirstAnswer: number | null;

  @Field(() => Int, { description: "Mentorship requests to the institution's mentors made in the period." })
  mentorRequests: number;

  @Field(() => Int, { description: 'Of those, the requests the mentor accepted (active now, or ended since).' })
  requestsAccepted: number;

  @Field(() => Int, { description: 'Of those, the requests declined.' })
  requestsDeclined: number;

  @Field(() => Int, { description: 'Of those, the requests that expired unanswered.' })
  requestsExpired: number;

  @Field(() => Int, { description: 'Of those, the requests still waiting for an answer.' })
  requestsOpen: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Accepted ÷ answered (accepted, declined or expired) requests of the period, 0 to 1; null when none was answered yet.',
  })
  acceptanceRate: number | null;

  @Field(() => Int, { description: "Active mentorships of the institution's mentors now (whatever the period)." })
  activeMentorships: number;

  @Field(() => Int, { description: 'Mentors of the institution now (not opted out, paused included).' })
  mentors: number;

  @Field(() => Int, { description: 'Mentors now at or above 80% of their capacity.' })
  mentorsNearCapacity: number;

  @Field(() => [MentorLoad], { description: 'Those mentors, fullest first (at most 20).' })
  nearCapacity: MentorLoad[];
}
