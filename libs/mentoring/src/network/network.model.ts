import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MentorProfile } from '../mentors/mentor.model.js';

/** What a student would like to reach. */
export enum NetworkWantKind {
  SECTOR = 'SECTOR',
  ORGANISATION = 'ORGANISATION',
  ROLE = 'ROLE',
}
registerEnumType(NetworkWantKind, {
  name: 'NetworkWantKind',
  description: 'What a want names: a sector, an organisation or a role (a job).',
  valuesMap: {
    SECTOR: { description: 'A sector, such as "Law"; a contact covers it with the same sector.' },
    ORGANISATION: { description: 'An organisation, such as "Arup"; a contact covers it with the same organisation.' },
    ROLE: { description: 'A role, such as "Solicitor"; a contact covers it with the same role.' },
  },
});

/** Where an introduction request is. */
export enum IntroductionStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(IntroductionStatus, {
  name: 'IntroductionStatus',
  description: 'Where an introduction request is.',
  valuesMap: {
    OPEN: { description: 'Sent; the mentor has not answered yet.' },
    ACCEPTED: { description: 'The mentor accepted: they will be in touch.' },
    DECLINED: { description: 'The mentor declined.' },
  },
});

@ObjectType({ description: 'Someone a student knows, on their network map. Only that student ever sees it.' })
export class NetworkContact {
  @Field(() => ID, { description: 'The contact id.' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'The person on the platform, when the contact is one; null for a name only.' })
  personId: string | null;

  @Field({ description: "The contact's name (a person on the platform: their name when the contact was added)." })
  name: string;

  @Field(() => String, { nullable: true, description: 'The sector they work in, up to 60 characters; null if not given.' })
  sector: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation they work at, up to 100 characters; null if not given.' })
  organisation: string | null;

  @Field(() => String, { nullable: true, description: 'Their role (job), up to 100 characters; null if not given.' })
  role: string | null;

  @Field(() => String, { nullable: true, description: 'How the student knows them, up to 100 characters; null if not given.' })
  relation: string | null;

  @Field(() => String, { nullable: true, description: 'The student\'s notes, up to 500 characters; null if none.' })
  notes: string | null;

  @Field({ description: 'When the contact was added.' })
  createdAt: Date;

  @Field({ description: 'When the contact was last changed.' })
  updatedAt: Date;
}

@ObjectType({ description: 'A sector, organisation or role a student would like to reach. Only that student sees it.' })
export class NetworkWant {
  @Field(() => ID, { description: 'The want id.' })
  id: string;

  @Field(() => NetworkWantKind, { description: 'What it names.' })
  kind: NetworkWantKind;

  @Field({ description: 'The sector, organisation or role, up to 100 characters, as the student wrote it.' })
  value: string;

  @Field({ description: 'When it was added.' })
  createdAt: Date;
}

@ObjectType({ description: 'A mentor who fills a gap in a student\'s network, with why.' })
export class GapSuggestion {
  @Field(() => MentorProfile, { description: 'The mentor (of the student\'s network, taking requests).' })
  mentor: MentorProfile;

  @Field({ description: 'Why, in words, such as "works in Law" or "worked at Arup".' })
  reason: string;
}

@ObjectType({ description: 'A want none of the student\'s contacts covers, with up to 5 mentors who fill it.' })
export class NetworkGap {
  @Field(() => NetworkWant, { description: 'The want no contact covers.' })
  want: NetworkWant;

  @Field(() => [GapSuggestion], { description: 'Up to 5 mentors of the student\'s network who take requests and fill the gap, most places free first.' })
  suggestions: GapSuggestion[];
}

@ObjectType({ description: "A student's network map: who they know, who they would like to know, and the gaps between. Private to the student." })
export class NetworkMap {
  @Field(() => [NetworkContact], { description: 'Their contacts, oldest first (at most 500, so not paged).' })
  contacts: NetworkContact[];

  @Field(() => [NetworkWant], { description: 'Their wants, oldest first (at most 50).' })
  wants: NetworkWant[];

  @Field(() => [NetworkGap], { description: 'The wants no contact covers (same sector, organisation or role, ignoring case and accents), oldest first.' })
  gaps: NetworkGap[];
}

@ObjectType({ description: 'A student asks a mentor for an introduction to their sector, organisation or role. Seen by the two of them only.' })
export class IntroductionRequest {
  @Field(() => ID, { description: 'The request id.' })
  id: string;

  @Field(() => ID, { description: 'The student who asked (their profile is at /people/{studentId}).' })
  studentId: string;

  @Field({ description: "The student's name." })
  studentName: string;

  @Field(() => ID, { description: 'The mentor asked.' })
  mentorId: string;

  @Field({ description: "The mentor's name." })
  mentorName: string;

  @Field(() => NetworkWantKind, { nullable: true, description: 'The kind of want the request was about; null if none was named.' })
  wantKind: NetworkWantKind | null;

  @Field(() => String, { nullable: true, description: 'The want the request was about, as the student wrote it; null if none was named.' })
  wantValue: string | null;

  @Field({ description: "The student's message, up to 1,000 characters." })
  message: string;

  @Field(() => IntroductionStatus, { description: 'Where it is.' })
  status: IntroductionStatus;

  @Field(() => String, { nullable: true, description: "The mentor's note with their answer, up to 1,000 characters; null if none." })
  note: string | null;

  @Field({ description: 'When it was sent.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the mentor answered; null while open.' })
  answeredAt: Date | null;
}
