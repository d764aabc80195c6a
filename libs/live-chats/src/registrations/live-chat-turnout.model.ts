import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "How many people signed up for a live chat and how many came: for its organisation's employers, the staff of its audience institutions and admins." })
export class LiveChatTurnout {
  @Field(() => Int, { description: 'People with a place now (as registeredCount).' })
  registered: number;

  @Field(() => Int, { description: 'People waiting for a place now.' })
  waitlisted: number;

  @Field(() => Int, { description: 'People who registered and then gave up their place or waitlist spot.' })
  cancelled: number;

  @Field(() => Int, { description: 'Registrants who entered the live room at least once (hosts and staff not counted).' })
  attended: number;
}
