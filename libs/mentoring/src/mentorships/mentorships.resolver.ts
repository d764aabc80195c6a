import { Args, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { type Principal, Role } from '@careers/contracts';
import { Connection, ConnectionArgs, CurrentUser, IdPipe, Roles } from '@careers/platform';
import { DeclineMentorshipInput, EndMentorshipInput, MyMentorshipsArgs, RequestMentorshipInput } from './mentorship.inputs.js';
import { Mentorship } from './mentorship.model.js';
import { MentorshipsService } from './mentorships.service.js';

@ObjectType()
export class MentorshipConnection extends Connection(Mentorship) {}

@Resolver(() => Mentorship)
export class MentorshipsResolver {
  constructor(private readonly service: MentorshipsService) {}

  @Roles(Role.STUDENT)
  @Mutation(() => Mentorship, {
    description:
      "Ask a mentor of your network for mentoring. NOT_FOUND for a mentor you cannot see; CONFLICT when they are paused or full, you already have an open request or mentorship with them, or you have MENTORSHIP_PENDING_LIMIT (3) requests waiting. Expires after MENTORSHIP_REQUEST_TTL_DAYS (14) days without a decision.",
  })
  requestMentorship(
    @CurrentUser() caller: Principal,
    @Args('input', { description: 'Whom you ask, for what, and your message.' }) input: RequestMentorshipInput,
  ): Promise<Mentorship> {
    return this.service.request(caller, input);
  }

  @Roles(Role.ALUMNUS)
  @Mutation(() => Mentorship, {
    description: 'Accept a request to you (it becomes ACTIVE). CONFLICT when it is no longer REQUESTED or you are at your capacity. Allowed while paused.',
  })
  acceptMentorship(@CurrentUser() caller: Principal, @Args('id', { type: () => ID, description: 'The request (mentorship id).' }, IdPipe) id: string): Promise<Mentorship> {
    return this.service.accept(caller, id);
  }

  @Roles(Role.ALUMNUS)
  @Mutation(() => Mentorship, { description: 'Decline a request to you, with an optional reason the student reads. CONFLICT when it is no longer REQUESTED.' })
  declineMentorship(@CurrentUser() caller: Principal, @Args('input', { description: 'The request and your reason.' }) input: DeclineMentorshipInput): Promise<Mentorship> {
    return this.service.decline(caller, input);
  }

  @Roles(Role.STUDENT)
  @Mutation(() => Mentorship, { description: 'Take back your request before the mentor decides (it becomes WITHDRAWN). CONFLICT when it is no longer REQUESTED.' })
  withdrawMentorshipRequest(
    @CurrentUser() caller: Principal,
    @Args('id', { type: () => ID, description: 'The request (mentorship id).' }, IdPipe) id: string,
  ): Promise<Mentorship> {
    return this.service.withdraw(caller, id);
  }

  @Roles(Role.STUDENT, Role.ALUMNUS)
  @Mutation(() => Mentorship, { description: 'End an active mentorship (either side), with optional feedback; the other side hears of it. CONFLICT unless ACTIVE.' })
  endMentorship(@CurrentUser() caller: Principal, @Args('input', { description: 'The mentorship and your feedback.' }) input: EndMentorshipInput): Promise<Mentorship> {
    return this.service.end(caller, input);
  }

  @Roles(Role.STUDENT, Role.ALUMNUS)
  @Mutation(() => Boolean, {
    description:
      'Block the other side of one of your mentorships or requests: open ones between you end, and each of you is hidden from the other in mentoring from then on. NOT_FOUND unless you have had a request between you. True when done.',
  })
  blockPerson(@CurrentUser() caller: Principal, @Args('userId', { type: () => ID, description: 'Whom to block (their user id).' }, IdPipe) userId: string): Promise<boolean> {
    return this.service.block(caller, userId);
  }

  @Roles(Role.STUDENT, Role.ALUMNUS)
  @Mutation(() => Boolean, { description: 'Lift your block on a person (ended mentorships stay ended). NOT_FOUND if you had not blocked them. True when done.' })
  unblockPerson(@CurrentUser() caller: Principal, @Args('userId', { type: () => ID, description: 'Whom to unblock (their user id).' }, IdPipe) userId: string): Promise<boolean> {
    return this.service.unblock(caller, userId);
  }

  @Roles(Role.STUDENT, Role.ALUMNUS)
  @Query(() => MentorshipConnection, { description: 'Your mentorships and requests, as mentor or as mentee, newest first.' })
  myMentorships(@CurrentUser() caller: Principal, @Args() args: MyMentorshipsArgs) {
    return this.service.mine(caller, args);
  }

  @Roles(Role.ALUMNUS)
  @Query(() => MentorshipConnection, { description: 'Requests to you waiting for your decision (not expired), oldest first.' })
  mentorRequests(@CurrentUser() caller: Principal, @Args() args: ConnectionArgs) {
    return this.service.inbox(caller, args);
  }

  @Roles(Role.STUDENT, Role.ALUMNUS, Role.STAFF, Role.ADMIN)
  @Query(() => Mentorship, { description: "One mentorship: for its two sides, the careers staff of either side's institution and admins; NOT_FOUND otherwise." })
  mentorship(@CurrentUser() caller: Principal, @Args('id', { type: () => ID, description: 'The mentorship id.' }, IdPipe) id: string): Promise<Mentorship> {
    return this.service.get(caller, id);
  }
}
