import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

/** What a mentor offers students. */
export enum MentorOffer {
  QUESTION = 'QUESTION',
  CONVERSATION = 'CONVERSATION',
  CV_FEEDBACK = 'CV_FEEDBACK',
  MENTORSHIP = 'MENTORSHIP',
}
registerEnumType(MentorOffer, {
  name: 'MentorOffer',
  description: 'What a mentor offers students.',
  valuesMap: {
    QUESTION: { description: 'Answers to a question or two.' },
    CONVERSATION: { description: 'A one-off conversation, such as a call about their work.' },
    CV_FEEDBACK: { description: 'Feedback on a CV or an application.' },
    MENTORSHIP: { description: 'A longer mentorship, over weeks or months.' },
  },
});

@ObjectType({
  description:
    "An alumnus who offers mentoring: what they know and offer, and whether they take requests now. Course and graduation year come from their profile as it was when they last saved this.",
})
export class MentorProfile {
  @Field(() => ID, { description: "The mentor's user id." })
  id: string;

  @Field(() => ID, { description: 'The institution the mentor studied at (their account belongs to).' })
  institutionId: string;

  @Field({ description: "The mentor's name as their account shows it." })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'Course or subject they studied, from their profile; null if not given.' })
  course: string | null;

  @Field(() => Int, { nullable: true, description: 'The year they graduated, from their profile; null if not given.' })
  graduationYear: number | null;

  @Field(() => String, { nullable: true, description: 'What they would like students to know, up to 2,000 characters; null if not given.' })
  about: string | null;

  @Field(() => [String], { description: 'Sectors they work or worked in, in their order.' })
  sectors: string[];

  @Field(() => [String], { description: 'Skills they can help with, in their order.' })
  skills: string[];

  @Field(() => [String], { description: 'Organisations they work or worked at, in their order.' })
  organisations: string[];

  @Field(() => [String], { description: 'Languages they can mentor in, in their order.' })
  languages: string[];

  @Field(() => [String], { description: 'Topics they will talk about, in their order.' })
  topics: string[];

  @Field(() => [MentorOffer], { description: 'What they offer; at least one.' })
  offers: MentorOffer[];

  @Field(() => Int, { description: 'The most mentees they take at once (active mentorships), 1 to 50.' })
  capacity: number;

  @Field(() => Int, { description: 'Places free now: capacity less their active mentorships (never below 0).' })
  placesFree: number;

  @Field({ description: 'Whether they take requests now; false while they pause. Paused mentors are left out of the directory and suggestions.' })
  acceptingRequests: boolean;

  @Field({ description: 'Whether they stopped mentoring (opted out). Only they and the staff of their institution see an opted-out profile.' })
  optedOut: boolean;

  @Field({ description: 'When they first offered mentoring.' })
  createdAt: Date;

  @Field({ description: 'When they last changed this profile.' })
  updatedAt: Date;
}

@ObjectType({ description: 'A mentor suggested to a student, with the score it was ranked by and the reasons in words.' })
export class MentorSuggestion {
  @Field(() => MentorProfile, { description: 'The mentor.' })
  mentor: MentorProfile;

  @Field(() => Int, { description: 'The match score suggestions are ranked by (higher first); docs/mentoring.md gives its weights.' })
  score: number;

  @Field(() => [String], {
    description: 'Why this mentor, in words, strongest first, such as "same sector: law", "studied history at your university", "2 of 3 places free".',
  })
  reasons: string[];
}
