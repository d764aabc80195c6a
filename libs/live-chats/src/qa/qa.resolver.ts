import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, type Principal } from '@careers/contracts';
import { Connection, ConnectionArgs, CurrentUser, type GraphqlContext, IdPipe, Roles, toConnection } from '@careers/platform';
import { LiveChatEvent } from '../events/live-chat-event.entity.js';
import { LiveChatsLoaders } from '../live-chats.loaders.js';
import { LiveChatFollowUp, LiveChatPublication, LiveChatQaItem } from './qa.entity.js';
import { AnswerFollowUpArgs, AskFollowUpArgs, SearchLiveChatQaArgs } from './qa.inputs.js';
import { LiveChatQaService } from './qa.service.js';

@ObjectType()
export class LiveChatQaItemConnection extends Connection(LiveChatQaItem) {}

@ObjectType()
export class LiveChatFollowUpConnection extends Connection(LiveChatFollowUp) {}

@Resolver(() => LiveChatPublication)
export class LiveChatQaResolver {
  constructor(
    private readonly service: LiveChatQaService,
    private readonly loaders: LiveChatsLoaders,
  ) {}

  @Query(() => LiveChatPublication, { description: "A chat's Q&A page once published (its hosts and staff also see it signed off, before publication)." })
  liveChatQaPage(@CurrentUser() caller: Principal, @Args('eventId', { type: () => ID, description: 'The live chat.' }, IdPipe) eventId: string) {
    return this.service.page(caller, eventId);
  }

  @Query(() => LiveChatQaItemConnection, { description: 'Searches the published Q&A pages you may see, best matches first.' })
  searchLiveChatQa(@CurrentUser() caller: Principal, @Args() args: SearchLiveChatQaArgs) {
    return this.service.search(caller, args.query, args);
  }

  @Roles(Role.EMPLOYER)
  @Mutation(() => LiveChatPublication, { description: "A host agrees that the chat's answered questions may be published as a Q&A page." })
  signOffLiveChatQa(@CurrentUser() caller: Principal, @Args('eventId', { type: () => ID, description: 'The approved live chat you host; signing off again changes nothing.' }, IdPipe) eventId: string) {
    return this.service.signOff(caller, eventId);
  }

  @Roles(Role.STAFF, Role.ADMIN)
  @Mutation(() => LiveChatPublication, { description: 'Publishes the Q&A page of a signed-off chat that is over, with its answered questions as they are now.' })
  publishLiveChatQa(@CurrentUser() caller: Principal, @Args('eventId', { type: () => ID, description: 'The live chat, approved by your institution; publishing again changes nothing.' }, IdPipe) eventId: string) {
    return this.service.publish(caller, eventId);
  }

  @Roles(Role.STUDENT)
  @Mutation(() => LiveChatFollowUp, { description: 'Asks a follow-up question on a published Q&A page; a host answers later and you are told.' })
  askLiveChatFollowUp(@CurrentUser() caller: Principal, @Args() args: AskFollowUpArgs) {
    return this.service.ask(caller, args.eventId.toLowerCase(), args.question);
  }

  @Roles(Role.EMPLOYER)
  @Mutation(() => LiveChatFollowUp, { description: 'A host answers a follow-up question; the student who asked is told.' })
  answerLiveChatFollowUp(@CurrentUser() caller: Principal, @Args() args: AnswerFollowUpArgs) {
    return this.service.answer(caller, args.id.toLowerCase(), args.answer);
  }

  @ResolveField(() => LiveChatEvent, { description: 'The live chat the page is about.' })
  event(@Parent() publication: LiveChatPublication, @Context() ctx: GraphqlContext) {
    return this.loaders.event(ctx, publication.eventId);
  }

  @ResolveField(() => LiveChatQaItemConnection, { description: 'The answered questions, in order (none before publication).' })
  async items(@Parent() publication: LiveChatPublication, @Args() args: ConnectionArgs) {
    if (!publication.publishedAt) return toConnection([], 0, () => '');
    return this.service.items(publication.eventId, args);
  }

  @ResolveField(() => LiveChatFollowUpConnection, { description: 'Follow-up questions, oldest first.' })
  followUps(@Parent() publication: LiveChatPublication, @Args() args: ConnectionArgs) {
    return this.service.followUps(publication.eventId, args);
  }
}

@Resolver(() => LiveChatQaItem)
export class LiveChatQaItemResolver {
  constructor(private readonly loaders: LiveChatsLoaders) {}

  @ResolveField(() => LiveChatEvent, { description: 'The live chat it comes from.' })
  event(@Parent() item: LiveChatQaItem, @Context() ctx: GraphqlContext) {
    return this.loaders.event(ctx, item.eventId);
  }
}

@Resolver(() => LiveChatFollowUp)
export class LiveChatFollowUpResolver {
  constructor(private readonly loaders: LiveChatsLoaders) {}

  @ResolveField(() => String, { nullable: true, description: 'Display name of the student who asked; null if their account is gone.' })
  async askerName(@Parent() followUp: LiveChatFollowUp, @Context() ctx: GraphqlContext) {
    return (await this.loaders.person(ctx, followUp.askedById))?.displayName ?? null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Display name of the host who answered; null until answered, or if their account is gone.' })
  async answererName(@Parent() followUp: LiveChatFollowUp, @Context() ctx: GraphqlContext) {
    return followUp.answeredById ? ((await this.loaders.person(ctx, followUp.answeredById))?.displayName ?? null) : null;
  }
}
