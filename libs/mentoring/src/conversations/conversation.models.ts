import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '@careers/platform';

/** Where a goal the pair set themselves stands. */
export enum MentorshipGoalStatus {
  PROPOSED = 'PROPOSED',
  AGREED = 'AGREED',
  COMPLETED = 'COMPLETED',
}
registerEnumType(MentorshipGoalStatus, {
  name: 'MentorshipGoalStatus',
  description: 'Where a goal of a mentorship stands.',
  valuesMap: {
    PROPOSED: { description: 'One party proposed it; the other has yet to agree.' },
    AGREED: { description: 'Both parties agreed on it.' },
    COMPLETED: { description: 'Done: either party marked it complete.' },
  },
});

/** Your side of a mentorship. */
export enum MentorshipSide {
  MENTOR = 'MENTOR',
  MENTEE = 'MENTEE',
}
registerEnumType(MentorshipSide, {
  name: 'MentorshipSide',
  description: 'Which side of a mentorship a person is on.',
  valuesMap: { MENTOR: { description: 'The alumnus who mentors.' }, MENTEE: { description: 'The student who is mentored.' } },
});

@ObjectType({ description: "A message of a mentorship's private conversation. Only the two parties of the mentorship ever see it." })
export class MentorshipMessage {
  @Field(() => ID, { description: 'The message id.' })
  id: string;

  @Field(() => ID, { description: 'The mentorship it belongs to.' })
  mentorshipId: string;

  @Field(() => ID, { description: 'Who wrote it (one of the two parties).' })
  senderId: string;

  @Field({ description: 'Whether you wrote it.' })
  sentByYou: boolean;

  @Field({ description: 'The text as written, 1 to 4,000 characters (plain text: show it escaped).' })
  body: string;

  @Field({ description: 'The id the sender\'s client gave it: a retry with the same id stores no second message.' })
  clientId: string;

  @Field({ description: 'Whether the party who did not write it has read it (read receipts).' })
  readByRecipient: boolean;

  @Field({ description: 'When the server stored it.' })
  createdAt: Date;

  /** The order within the mentorship (not served: cursors carry it). */
  seq: string;
}

@ObjectType()
export class MentorshipMessageConnection extends Connection(MentorshipMessage) {}

@ObjectType({ description: 'A goal the two parties of a mentorship set themselves: proposed by one, agreed by the other, then completed.' })
export class MentorshipGoal {
  @Field(() => ID, { description: 'The goal id.' })
  id: string;

  @Field(() => ID, { description: 'The mentorship it belongs to.' })
  mentorshipId: string;

  @Field({ description: 'What the goal is, 1 to 300 characters (plain text: show it escaped).' })
  text: string;

  @Field(() => ID, { description: 'Who proposed it.' })
  proposedById: string;

  @Field({ description: 'Whether you proposed it (the other party agrees to it).' })
  proposedByYou: boolean;

  @Field(() => MentorshipGoalStatus, { description: 'Proposed, agreed or completed.' })
  status: MentorshipGoalStatus;

  @Field({ description: 'When it was proposed.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the other party agreed to it; null while proposed.' })
  agreedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was marked complete; null until then.' })
  completedAt: Date | null;
}

@ObjectType({
  description: "A mentorship's private conversation as one of its two parties sees it: who the other is, what is unread, and the goals. Nobody else may read it.",
})
export class MentorshipConversation {
  @Field(() => ID, { description: 'The mentorship id.' })
  mentorshipId: string;

  @Field({ description: "The mentorship's status: ACTIVE (messages can be sent) or ENDED (read only)." })
  status: string;

  @Field({ description: 'Whether messages and goals can be changed now (the mentorship is ACTIVE).' })
  writable: boolean;

  @Field(() => MentorshipSide, { description: 'Your side of the mentorship.' })
  yourSide: MentorshipSide;

  @Field(() => ID, { description: "The other party's user id." })
  otherPartyId: string;

  @Field({ description: "The other party's name as their account shows it." })
  otherPartyName: string;

  @Field(() => Int, { description: 'Messages of the other party you have not read yet.' })
  unreadCount: number;

  @Field(() => ID, { nullable: true, description: 'The newest message the other party has read; null if none yet.' })
  otherReadUpToId: string | null;

  @Field(() => [MentorshipGoal], { description: 'The goals, oldest first; at most 20.' })
  goals: MentorshipGoal[];
}

@ObjectType({ description: 'How many messages of one of your mentorships you have not read.' })
export class MentorshipUnreadCount {
  @Field(() => ID, { description: 'The mentorship.' })
  mentorshipId: string;

  @Field(() => Int, { description: 'Messages of the other party you have not read yet; at least 1.' })
  unreadCount: number;
}
