import { Args, Context, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, type Principal } from '@careers/contracts';
import { canManageInstitution, Connection, ConnectionArgs, CurrentUser, type GraphqlContext, IdPipe, Roles } from '@careers/platform';
import { LiveChatsLoaders } from '../live-chats.loaders.js';
import { LiveChatRegistration } from '../registrations/live-chat-registration.entity.js';
import { LiveChatTurnout } from '../registrations/live-chat-turnout.model.js';
import { RegistrationsService } from '../registrations/registrations.service.js';
import { LiveChatAudience, LiveChatEvent } from './live-chat-event.entity.js';
import { CancelLiveChatArgs, DecideLiveChatInput, LiveChatPeriod, LiveChatsAwaitingApprovalArgs, OrganisationLiveChatsArgs, ScheduleLiveChatInput, UpdateLiveChatInput } from './live-chat.inputs.js';
import { LiveChatApprovalsService } from './live-chat-approvals.service.js';
import { LiveChatsService } from './live-chats.service.js';

@ObjectType({ description: 'A page of live chats, in the order of the query that returns it.' })
export class LiveChatEventConnection extends Connection(LiveChatEvent) {}

@ObjectType({ description: "A page of institutions' decisions on live chats, in the order of the query that returns it." })
export class LiveChatAudienceConnection extends Connection(LiveChatAudience) {}

@ObjectType({ description: 'A host of a live chat, as students see them.' })
export class LiveChatHostPerson {
  @Field(() => ID, { description: 'Their user id; use it in `user(id:)`.' })
  id: string;

  @Field({ description: 'Their name as it is shown across the network.' })
  displayName: string;
}

@Resolver(() => LiveChatEvent)
export class LiveChatsResolver {
  constructor(
    private readonly service: LiveChatsService,
    private readonly approvals: LiveChatApprovalsService,
    private readonly loaders: LiveChatsLoaders,
    private readonly registrations: RegistrationsService,
  ) {}

  @Query(() => LiveChatEvent, { description: 'One live chat you may see (NOT_FOUND otherwise).' })
  liveChat(@CurrentUser() caller: Principal, @Args('id', { type: () => ID, description: 'Id of the live chat.' }, IdPipe) id: string): Promise<LiveChatEvent> {
    return this.service.visible(caller, id);
  }

  @Query(() => LiveChatEventConnection, {
    description:
      "Live chats that have not ended, soonest first: for students, those their institution approved and they are eligible for; for staff, those their institution approved; for employers, their organisation's (pending and approved).",
  })
  upcomingLiveChats(@CurrentUser() caller: Principal, @Args() args: ConnectionArgs) {
    return this.service.upcoming(caller, args);
  }

  @Roles(Role.EMPLOYER)
  @Query(() => LiveChatEventConnection, {
    description:
      "Your organisation's live chats in every status (pending, approved, rejected, cancelled): those not over yet soonest first, or with period PAST those over, the most recent first.",
  })
  organisationLiveChats(@CurrentUser() caller: Principal, @Args() args: OrganisationLiveChatsArgs) {
    return this.service.ofOrganisation(caller, args.period === LiveChatPeriod.PAST, args);
  }

  @Roles(Role.STAFF, Role.ADMIN)
  @Query(() => LiveChatAudienceConnection, { description: "Your institution's decisions on live chats: pending ones by default, newest first." })
  liveChatsAwaitingApproval(@CurrentUser() caller: Principal, @Args() args: LiveChatsAwaitingApprovalArgs) {
    return this.approvals.awaitingApproval(caller, args);
  }

  @Roles(Role.EMPLOYER)
  @Mutation(() => LiveChatEvent, { description: 'Schedules a live chat; careers staff of each audience institution then approve it for their students.' })
  scheduleLiveChat(
    @CurrentUser() caller: Principal,
    @Args('input', { description: 'What, when and for which institutions.' }) input: ScheduleLiveChatInput,
  ): Promise<LiveChatEvent> {
    return this.service.schedule(caller, input);
  }

  @Roles(Role.EMPLOYER)
  @Mutation(() => LiveChatEvent, { description: 'Edits or reschedules a live chat of your organisation; registrants are told of a new time.' })
  updateLiveChat(
    @CurrentUser() caller: Principal,
    @Args('id', { type: () => ID, description: 'A live chat of your organisation that has neither started nor been cancelled.' }, IdPipe) id: string,
    @Args('input', { description: 'What to change.' }) input: UpdateLiveChatInput,
  ): Promise<LiveChatEvent> {
    return this.service.update(caller, id, input);
  }

  @Roles(Role.EMPLOYER)
  @Mutation(() => LiveChatEvent, { description: 'Cancels a live chat of your organisation; registrants are told, with the reason.' })
  cancelLiveChat(
    @CurrentUser() caller: Principal,
    @Args('id', { type: () => ID, description: 'A live chat of your organisation that has neither started nor been cancelled.' }, IdPipe) id: string,
    @Args() args: CancelLiveChatArgs,
  ): Promise<LiveChatEvent> {
    return this.service.cancel(caller, id, args.reason);
  }

  @Roles(Role.STAFF, Role.ADMIN)
  @Mutation(() => LiveChatAudience, { description: 'Approves or rejects a live chat for your institution; the employer sees the reason.' })
  decideLiveChat(
    @CurrentUser() caller: Principal,
    @Args('input', { description: 'Which chat, for which institution, and the decision.' }) input: DecideLiveChatInput,
  ): Promise<LiveChatAudience> {
    return this.approvals.decide(caller, input);
  }

  @ResolveField(() => String, { nullable: true, description: 'Name of the organisation running it; null if that organisation cannot be found.' })
  async organisationName(@Parent() event: LiveChatEvent, @Context() ctx: GraphqlContext): Promise<string | null> {
    return (await this.loaders.organisation(ctx, event.organisationId))?.name ?? null;
  }

  @ResolveField(() => [LiveChatHostPerson], { description: 'Members of the organisation who host it and answer in the room.' })
  async hosts(@Parent() event: LiveChatEvent, @Context() ctx: GraphqlContext): Promise<LiveChatHostPerson[]> {
    const ids = await this.loaders.hostIds(ctx, event.id);
    const people = await Promise.all(ids.map((id) => this.loaders.person(ctx, id)));
    return people.flatMap((p) => (p ? [{ id: p.userId, displayName: p.displayName }] : []));
  }

  @ResolveField(() => [LiveChatAudience], {
    description: "The organisation's employers see every institution's decision; staff their own institution's; students none.",
  })
  async audience(@Parent() event: LiveChatEvent, @CurrentUser() caller: Principal, @Context() ctx: GraphqlContext): Promise<LiveChatAudience[]> {
    const all = await this.loaders.audience(ctx, event.id);
    if (caller.role === Role.EMPLOYER && caller.organisationId === event.organisationId) return all;
    return all.filter((a) => canManageInstitution(caller, a.institutionId));
  }

  @ResolveField(() => Int, { description: 'Places not yet taken.' })
  placesLeft(@Parent() event: LiveChatEvent): number {
    return Math.max(event.capacity - event.registeredCount, 0);
  }

  @ResolveField(() => LiveChatTurnout, {
    description: "Registered, waitlisted, cancelled and attended (registrants who entered the room): for the organisation's employers, the audience institutions' staff and admins (FORBIDDEN for anyone else).",
  })
  async turnout(@Parent() event: LiveChatEvent, @CurrentUser() caller: Principal, @Context() ctx: GraphqlContext): Promise<LiveChatTurnout> {
    this.registrations.assertMaySeeTurnout(caller, event, await this.loaders.audience(ctx, event.id));
    return this.loaders.turnout(ctx, event.id);
  }

  @ResolveField(() => LiveChatRegistration, { nullable: true, description: 'Your registration, if you registered.' })
  myRegistration(@Parent() event: LiveChatEvent, @CurrentUser() caller: Principal, @Context() ctx: GraphqlContext) {
    return this.loaders.myRegistration(ctx, caller.id, event.id);
  }
}

@Resolver(() => LiveChatAudience)
export class LiveChatAudienceResolver {
  constructor(private readonly loaders: LiveChatsLoaders) {}

  @ResolveField(() => LiveChatEvent, { description: 'The live chat decided on.' })
  event(@Parent() audience: LiveChatAudience, @Context() ctx: GraphqlContext) {
    return this.loaders.event(ctx, audience.eventId);
  }
}
