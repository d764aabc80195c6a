import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Principal, Role } from '@careers/contracts';
import { CurrentUser, IdPipe, Roles } from '@careers/platform';
import { MentorshipMessagesArgs, ProposeMentorshipGoalInput, SendMentorshipMessageInput } from './conversation.inputs.js';
import { MentorshipConversation, MentorshipGoal, MentorshipMessage, MentorshipMessageConnection, MentorshipUnreadCount } from './conversation.models.js';
import { ConversationsService } from './conversations.service.js';

// Staff and admins pass the role check and get NOT_FOUND from the service, like anyone who is not a party.
const PARTIES = [Role.STUDENT, Role.ALUMNUS, Role.STAFF, Role.ADMIN] as const;
const PRIVATE = 'Only the two parties of the mentorship: NOT_FOUND for anyone else, staff and admins included.';

@Resolver(() => MentorshipConversation)
export class ConversationsResolver {
  constructor(private readonly service: ConversationsService) {}

  @Roles(...PARTIES)
  @Query(() => MentorshipConversation, { description: `The private conversation of a mentorship (ACTIVE, or ENDED and read only): the other party, your unread count, receipts and goals. ${PRIVATE}` })
  mentorshipConversation(
    @CurrentUser() caller: Principal,
    @Args('mentorshipId', { type: () => ID, description: 'The mentorship.' }, IdPipe) mentorshipId: string,
  ): Promise<MentorshipConversation> {
    return this.service.conversation(caller, mentorshipId);
  }

  @Roles(...PARTIES)
  @Query(() => [MentorshipUnreadCount], {
    description: 'Your unread message counts, one per mentorship of yours that has unread messages (most first, at most 200); mentorships with none are left out.',
  })
  myMentorshipUnreadCounts(@CurrentUser() caller: Principal): Promise<MentorshipUnreadCount[]> {
    return this.service.unreadCounts(caller);
  }

  @Roles(...PARTIES)
  @Query(() => MentorshipMessageConnection, { description: `A mentorship's messages, newest first: pass endCursor as after for older ones. ${PRIVATE}` })
  mentorshipMessages(@CurrentUser() caller: Principal, @Args() args: MentorshipMessagesArgs) {
    return this.service.messages(caller, args);
  }

  @Roles(...PARTIES)
  @Mutation(() => MentorshipMessage, {
    description: `Send a message to the other party of an ACTIVE mentorship (CONFLICT once it ended). Retrying with the same clientId returns the message stored the first time. Pushed as mentorship:message to both parties. ${PRIVATE}`,
  })
  sendMentorshipMessage(
    @CurrentUser() caller: Principal,
    @Args('input', { description: 'The message.' }) input: SendMentorshipMessageInput,
  ): Promise<MentorshipMessage> {
    return this.service.send(caller, input);
  }

  @Roles(...PARTIES)
  @Mutation(() => MentorshipConversation, {
    description: `You have read the conversation up to this message (never moves back): the other party sees the read tick (pushed as mentorship:read). ${PRIVATE}`,
  })
  markMentorshipRead(
    @CurrentUser() caller: Principal,
    @Args('mentorshipId', { type: () => ID, description: 'The mentorship.' }, IdPipe) mentorshipId: string,
    @Args('upToMessageId', { type: () => ID, description: 'The newest message you have read.' }, IdPipe) upToMessageId: string,
  ): Promise<MentorshipConversation> {
    return this.service.markRead(caller, mentorshipId, upToMessageId);
  }

  @Roles(...PARTIES)
  @Mutation(() => MentorshipGoal, { description: `Propose a goal to the other party of an ACTIVE mentorship (at most 20 goals). ${PRIVATE}` })
  proposeMentorshipGoal(
    @CurrentUser() caller: Principal,
    @Args('input', { description: 'The goal.' }) input: ProposeMentorshipGoalInput,
  ): Promise<MentorshipGoal> {
    return this.service.proposeGoal(caller, input);
  }

  @Roles(...PARTIES)
  @Mutation(() => MentorshipGoal, { description: `Agree to a goal the other party proposed. ${PRIVATE}` })
  agreeMentorshipGoal(@CurrentUser() caller: Principal, @Args('goalId', { type: () => ID, description: 'The goal.' }, IdPipe) goalId: string): Promise<MentorshipGoal> {
    return this.service.agreeGoal(caller, goalId);
  }

  @Roles(...PARTIES)
  @Mutation(() => MentorshipGoal, { description: `Mark an agreed goal complete. ${PRIVATE}` })
  completeMentorshipGoal(@CurrentUser() caller: Principal, @Args('goalId', { type: () => ID, description: 'The goal.' }, IdPipe) goalId: string): Promise<MentorshipGoal> {
    return this.service.completeGoal(caller, goalId);
  }

  @Roles(...PARTIES)
  @Mutation(() => MentorshipGoal, { description: `Remove a goal of an ACTIVE mentorship; returns it as it was. ${PRIVATE}` })
  removeMentorshipGoal(@CurrentUser() caller: Principal, @Args('goalId', { type: () => ID, description: 'The goal.' }, IdPipe) goalId: string): Promise<MentorshipGoal> {
    return this.service.removeGoal(caller, goalId);
  }
}
