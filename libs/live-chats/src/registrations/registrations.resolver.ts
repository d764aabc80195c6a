import { Args, Context, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, type Principal } from '@careers/contracts';
import { Connection, ConnectionArgs, CurrentUser, type GraphqlContext, IdPipe, Roles } from '@careers/platform';
import { LiveChatEvent } from '../events/live-chat-event.entity.js';
import { LiveChatsLoaders } from '../live-chats.loaders.js';
import { LiveChatRegistration, RegistrationStatus } from './live-chat-registration.entity.js';
import { RegistrationsService } from './registrations.service.js';

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
