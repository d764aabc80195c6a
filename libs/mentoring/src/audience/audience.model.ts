import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

/** How far an institution's mentoring reaches. */
export enum MentoringAudience {
  OWN_INSTITUTION = 'OWN_INSTITUTION',
  WHOLE_NETWORK = 'WHOLE_NETWORK',
}
registerEnumType(MentoringAudience, {
  name: 'MentoringAudience',
  description: "How far an institution's mentoring reaches: its mentors, and its students' community questions.",
  valuesMap: {
    OWN_INSTITUTION: {
      description: "Within the institution (the default): its students find its own mentors, and its students' community questions reach its own alumni and staff.",
    },
    WHOLE_NETWORK: {
      description:
        "Shared with every institution that chose the whole network: their students find each other's mentors, and community questions reach the alumni and staff of all of them. Staff still moderate their own institution's questions only.",
    },
  },
});

@ObjectType({ description: "An institution's mentoring settings." })
export class MentoringSettings {
  @Field(() => ID, { description: 'The institution.' })
  institutionId: string;

  @Field(() => MentoringAudience, { description: "How far its mentors and its students' community questions reach." })
  audience: MentoringAudience;

  @Field(() => Date, { nullable: true, description: 'When staff last changed it; null while it is the default.' })
  updatedAt: Date | null;
}
