import { Args, ArgsType, Context, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, type Principal } from '@careers/contracts';
import { Connection, ConnectionArgs, CurrentUser, type GraphqlContext, IdPipe, Roles } from '@careers/platform';
import { LiveChatEvent } from '../events/live-chat-event.entity.js';
import { LiveChatsLoaders } from '../live-chats.loaders.js';
import { LiveChatRegistration, RegistrationStatus } from './live-chat-registration.entity.js';
import { RegistrationsService } from './registrations.service.js';
import { IsIn, IsUUID } from 'class-validator';

@ObjectType({ description: "Someone registered or waitlisted for a live chat, as its hosts and the audience institutions' staff see them." })
export class LiveChatRegistrant {
  @Field(() => ID, { description: 'Id of the registration.' })
  id: string;

  @Field(() => ID, { description: 'The person; use it in `user(id:)` (their profile shows as its visibility lets you).' })
  userId: string;

  @Field(() => String, { nullable: true, description: 'Their name as shown across the network; null if their account is gone.' })
  displayName: string | null;

  @Field(() => RegistrationStatus, { description: 'REGISTERED (has a place) or WAITLISTED.' })
  status: RegistrationStatus;

  @Field({ description: 'When they first registered for this chat.' })
  createdAt: Date;

  @Field({ description: 'When they took this place in the queue: registered (again), joined the waitlist, or moved up from it.' })
  updatedAt: Date;

  @Field(() => Int, { nullable: true, description: 'Place on the waitlist (1 = next to move up); null for people registered.' })
  waitlistPlace: number | null;
}

@ObjectType({ description: "A page of a live chat's registrants, in queue order (registration order; the waitlist in the order places go)." })
export class LiveChatRegistrantConnection extends Connection(LiveChatRegistrant) {}

@ArgsType()
export class LiveChatRegistrantsArgs extends ConnectionArgs {
  @Field(() => ID, { description: "A live chat of your organisation (employers) or aimed at your institution (staff); anyone else's is NOT_FOUND." })
  @IsUUID()
  eventId: string;

  @Field(() => RegistrationStatus, { defaultValue: RegistrationStatus.REGISTERED, description: 'REGISTERED for those with a place, WAITLISTED for the waitlist; CANCELLED is BAD_USER_INPUT.' })
  @IsIn([RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED], { message: 'status must be REGISTERED or WAITLISTED' })
  status: RegistrationStatus.REGISTERED | RegistrationStatus.WAITLISTED;
}

@ObjectType({ description: 'A page of your live chat registrations, soonest chat first.' })
export class LiveChatRegistrationConnection extends Connection(LiveChatRegistration) {}

/** Students' own registrations: every operation is scoped to the caller. */
@Resolver(() => LiveChatRegistration)
export class RegistrationsResolver {
  constructor(
    private readonly service: RegistrationsService,
    private readonly loaders: LiveChatsLoaders,
  ) {}

  @Roles(Role.STUDENT)
  @Mutation(() => LiveChatRegistration, {
    description: 'Registers you, or puts you on the waitlist when the chat is full (you move up automatically). Registering again changes nothing.',
  })
  registerForLiveChat(
    @CurrentUser() caller: Principal,
    @Args('eventId', { type: () => ID, description: 'A live chat approved by your institution, not over, whose year and subject filters you meet.' }, IdPipe)
    eventId: string,
  ) {
    return this.service.register(caller, eventId);
  }

  @Roles(Role.STUDENT)
  @Mutation(() => LiveChatRegistration, { description: 'Gives up your place (or waitlist spot); the first person waiting moves up.' })
  cancelLiveChatRegistration(
    @CurrentUser() caller: Principal,
    @Args('eventId', { type: () => ID, description: 'The live chat you registered for.' }, IdPipe) eventId: string,
  ) {
    return this.service.cancel(caller, eventId);
  }

  @Roles(Role.STUDENT)
  @Query(() => LiveChatRegistrationConnection, { description: 'Your registrations (registered or waitlisted) for chats that have not ended, soonest first.' })
  myLiveChatRegistrations(@CurrentUser() caller: Principal, @Args() args: ConnectionArgs) {
    return this.service.mine(caller, args);
  }

  // No @Roles: a student or alumnus gets NOT_FOUND from the service, as for a chat they may not see.
  @Query(() => LiveChatRegistrantConnection, {
    description:
      "Who registered for a live chat, or waits for a place: for the organisation's employers, the staff of its audience institutions and admins (NOT_FOUND for anyone else), in queue order.",
  })
  liveChatRegistrations(@CurrentUser() caller: Principal, @Args() args: LiveChatRegistrantsArgs) {
    return this.service.ofEvent(caller, args.eventId, args.status, args);
  }

  @ResolveField(() => LiveChatEvent, { description: 'The live chat registered for.' })
  event(@Parent() registration: LiveChatRegistration, @Context() ctx: GraphqlContext) {
    return this.loaders.event(ctx, registration.eventId);
  }

  @ResolveField(() => Int, { nullable: true, description: 'Your place on the waitlist (1 = next), when waitlisted.' })
  waitlistPlace(@Parent() registration: LiveChatRegistration, @Context() ctx: GraphqlContext) {
    if (registration.status !== RegistrationStatus.WAITLISTED) return null;
    return this.loaders.waitlistPlace(ctx, registration.id);
  }
}
