import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MentorOffer } from '../mentors/mentor.model.js';

/** Where a mentorship is in its lifecycle. */
export enum MentorshipStatus {
  REQUESTED = 'REQUESTED',
  ACTIVE = 'ACTIVE',
  DECLINED = 'DECLINED',
  ENDED = 'ENDED',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(MentorshipStatus, {
  name: 'MentorshipStatus',
  description: 'Where a mentorship is: requested, then active or declined (or expired, or withdrawn), then ended.',
  valuesMap: {
    REQUESTED: { description: 'The student asked; the mentor has not decided yet (and the request has not expired).' },
    ACTIVE: { description: 'The mentor accepted: it counts against their capacity until either side ends it.' },
    DECLINED: { description: 'The mentor declined the request, perhaps with a reason.' },
    ENDED: { description: 'Either side ended it (or blocked the other, which ends it too).' },
    EXPIRED: { description: 'The mentor did not decide in time (MENTORSHIP_REQUEST_TTL_DAYS, 14 days by default).' },
    WITHDRAWN: { description: 'The student took the request back before the mentor decided.' },
  },
});

/** The caller's side of a mentorship. */
export enum MentorshipRole {
  MENTOR = 'MENTOR',
  MENTEE = 'MENTEE',
}
registerEnumType(MentorshipRole, {
  name: 'MentorshipRole',
  description: "The caller's side of a mentorship.",
  valuesMap: {
    MENTOR: { description: 'The caller is the mentor.' },
    MENTEE: { description: 'The caller is the student who asked.' },
  },
});

@ObjectType({ description: 'One side of a mentorship: who they are, as the mentorship shows them.' })
export class MentorshipParty {
  @Field(() => ID, { description: "The person's user id (a mentor's is also their mentor profile's id)." })
  id: string;

  @Field({ description: "Their name: the mentor's as their mentor profile shows it, the student's as it was when they asked." })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'The course they study or studied, from their profile; null if not given.' })
  course: string | null;
}

@ObjectType({
  description:
    'A mentorship between a mentor and a student, from the request on. Seen only by the two of them, the careers staff of either institution and admins.',
})
export class Mentorship {
  @Field(() => ID, { description: 'The mentorship id.' })
  id: string;

  @Field(() => MentorshipStatus, { description: 'Where it is now; a request past its expiry time reads as EXPIRED.' })
  status: MentorshipStatus;

  @Field(() => MentorshipRole, { nullable: true, description: "The caller's side of it; null for staff and admins, who are neither." })
  myRole: MentorshipRole | null;

  @Field(() => MentorshipParty, { description: 'The mentor.' })
  mentor: MentorshipParty;

  @Field(() => MentorshipParty, { description: 'The student who asked (the mentee).' })
  mentee: MentorshipParty;

  @Field(() => String, { nullable: true, description: "The student's request message, up to 2,000 characters (plain text)." })
  message: string | null;

  @Field(() => MentorOffer, { nullable: true, description: "What the student asked for: one of the mentor's offers." })
  asksFor: MentorOffer | null;

  @Field({ description: 'When the student asked.' })
  requestedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When an open request expires unless the mentor decides first; null once decided.' })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the mentor accepted or declined; null before.' })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the mentor declined, if they said (up to 1,000 characters); null otherwise.' })
  declineReason: string | null;

  @Field(() => Date, { nullable: true, description: 'When it became active (the mentor accepted); null before.' })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it ended, was withdrawn or expired; null while open.' })
  endedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who ended it (either side); null unless ENDED.' })
  endedById: string | null;

  @Field(() => String, { nullable: true, description: 'Feedback left by whoever ended it, up to 2,000 characters; null if none.' })
  endFeedback: string | null;
}
