import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

/** Who may see a question. */
export enum QuestionVisibility {
  COMMUNITY = 'COMMUNITY',
  PRIVATE = 'PRIVATE',
}
registerEnumType(QuestionVisibility, {
  name: 'QuestionVisibility',
  description: 'Who may see a question.',
  valuesMap: {
    COMMUNITY: { description: "The alumni community of the asker's network (today: their own institution), and its careers staff." },
    PRIVATE: { description: "Only the asker, the mentor they chose, the careers staff of the asker's institution and admins." },
  },
});

@ObjectType({ description: 'A person as questions and answers show them: their name only.' })
export class QuestionPerson {
  @Field(() => ID, { description: "The person's user id." })
  id: string;

  @Field({ description: "The person's name as their account shows it; \"A former member\" when the account is gone." })
  displayName: string;
}

@ObjectType({ description: 'An earlier version of a question, as it read before an edit.' })
export class QuestionRevision {
  @Field({ description: 'The title then.' })
  title: string;

  @Field({ description: 'The body then (plain text).' })
  body: string;

  @Field(() => [String], { description: 'The tags then (folded: lower case, no accents).' })
  tags: string[];

  @Field({ description: 'When this version was written (asked, or edited into this).' })
  writtenAt: Date;
}

@ObjectType({ description: 'An earlier version of an answer, as it read before an edit.' })
export class AnswerRevision {
  @Field({ description: 'The body then (plain text).' })
  body: string;

  @Field({ description: 'When this version was written (answered, or edited into this).' })
  writtenAt: Date;
}

@ObjectType({ description: 'An answer to a question, by an alumnus or staff member of its audience, or by the chosen mentor of a private question.' })
export class Answer {
  @Field(() => ID, { description: "The answer's id." })
  id: string;

  questionId: string;
  authorId: string;

  @Field(() => QuestionPerson, { description: 'Who wrote it.' })
  author: QuestionPerson;

  @Field({ description: 'The answer, plain text up to 10,000 characters (shown as text, never as markup).' })
  body: string;

  @Field(() => Int, { description: 'Up votes less down votes.' })
  score: number;

  @Field(() => Boolean, { nullable: true, description: 'Your vote: true up, false down, null if you have not voted.' })
  myVote: boolean | null;

  @Field({ description: 'Whether the asker accepted this answer (at most one per question).' })
  accepted: boolean;

  @Field({ description: 'Whether you wrote it (you may edit it, and may not vote on it).' })
  mine: boolean;

  @Field({ description: 'When it was written.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was last edited; null if never. Earlier versions are in revisions.' })
  editedAt: Date | null;
}

@ObjectType({ description: 'A question a student asked the alumni community or privately one mentor.' })
export class Question {
  @Field(() => ID, { description: "The question's id." })
  id: string;

  institutionId: string;
  askerId: string;
  mentorId: string | null;

  @Field({ description: 'The title, 5 to 200 characters.' })
  title: string;

  @Field({ description: 'The question, plain text up to 10,000 characters (shown as text, never as markup).' })
  body: string;

  @Field(() => [String], { description: 'Up to 5 tags, folded (lower case, no accents).' })
  tags: string[];

  @Field(() => QuestionVisibility, { description: 'Community or private to one mentor.' })
  visibility: QuestionVisibility;

  @Field(() => QuestionPerson, { description: 'The student who asked.' })
  author: QuestionPerson;

  @Field(() => QuestionPerson, { nullable: true, description: 'The mentor a private question is for; null for a community question.' })
  mentor: QuestionPerson | null;

  @Field(() => Int, { description: 'How many answers it has.' })
  answerCount: number;

  @Field({ description: 'Whether the asker accepted an answer.' })
  hasAcceptedAnswer: boolean;

  @Field(() => Int, { description: 'How many people viewed it (each person counted once).' })
  viewCount: number;

  @Field({ description: 'Whether you asked it (you may edit it and accept an answer).' })
  mine: boolean;

  @Field({ description: 'Whether you may answer it: alumni and staff of its audience, or the chosen mentor of a private question.' })
  canAnswer: boolean;

  @Field({ description: 'When it was asked.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was last edited; null if never. Earlier versions are in revisions.' })
  editedAt: Date | null;
}

@ObjectType({ description: 'A tag of the questions you can see, with how many of them carry it.' })
export class QuestionTag {
  @Field({ description: 'The tag (folded: lower case, no accents).' })
  tag: string;

  @Field(() => Int, { description: 'How many questions you can see carry it.' })
  count: number;
}
