import { Args, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { type Principal, Role } from '@careers/contracts';
import { Connection, CurrentUser, IdPipe, Roles } from '@careers/platform';
import { IntroductionsService } from './introductions.service.js';
import {
  AddNetworkContactInput,
  AddNetworkWantInput,
  AnswerIntroductionInput,
  IntroductionsArgs,
  RequestIntroductionInput,
  UpdateNetworkContactInput,
} from './network.inputs.js';
import { IntroductionRequest, NetworkContact, NetworkMap, NetworkWant } from './network.model.js';
import { NetworkService } from './network.service.js';

@ObjectType()
export class IntroductionRequestConnection extends Connection(IntroductionRequest) {}

/** The network map (students) and introduction requests (students send them, mentors answer them). */
@Resolver()
export class NetworkResolver {
  constructor(
    private readonly network: NetworkService,
    private readonly introductions: IntroductionsService,
  ) {}

  @Roles(Role.STUDENT)
  @Query(() => NetworkMap, {
    description: 'Your network map: your contacts and wants, and the gaps (wants no contact covers) with mentors who fill them. Only you see it.',
  })
  myNetworkMap(@CurrentUser() caller: Principal): Promise<NetworkMap> {
    return this.network.map(caller);
  }

  @Roles(Role.STUDENT)
  @Mutation(() => NetworkContact, { description: 'Add someone you know to your network map (at most 500 contacts). Only you see it.' })
  addNetworkContact(@CurrentUser() caller: Principal, @Args('input', { description: 'The contact.' }) input: AddNetworkContactInput): Promise<NetworkContact> {
    return this.network.addContact(caller, input);
  }

  @Roles(Role.STUDENT)
  @Mutation(() => NetworkContact, { description: 'Change one of your contacts; NOT_FOUND for anyone else\'s.' })
  updateNetworkContact(
    @CurrentUser() caller: Principal,
    @Args('input', { description: 'The contact and what to change.' }) input: UpdateNetworkContactInput,
  ): Promise<NetworkContact> {
    return this.network.updateContact(caller, input);
  }

  @Roles(Role.STUDENT)
  @Mutation(() => ID, { description: 'Remove one of your contacts; answers its id. NOT_FOUND for anyone else\'s.' })
  removeNetworkContact(@CurrentUser() caller: Principal, @Args('id', { type: () => ID, description: 'The contact id.' }, IdPipe) id: string): Promise<string> {
    return this.network.removeContact(caller, id);
  }

  @Roles(Role.STUDENT)
  @Mutation(() => NetworkWant, { description: 'Add a sector, organisation or role you would like to reach (at most 50). CONFLICT if you already want it.' })
  addNetworkWant(@CurrentUser() caller: Principal, @Args('input', { description: 'The want.' }) input: AddNetworkWantInput): Promise<NetworkWant> {
    return this.network.addWant(caller, input);
  }

  @Roles(Role.STUDENT)
  @Mutation(() => ID, { description: 'Remove one of your wants; answers its id. NOT_FOUND for anyone else\'s.' })
  removeNetworkWant(@CurrentUser() caller: Principal, @Args('id', { type: () => ID, description: 'The want id.' }, IdPipe) id: string): Promise<string> {
    return this.network.removeWant(caller, id);
  }

  @Roles(Role.STUDENT)
  @Mutation(() => IntroductionRequest, {
    description:
      'Ask a mentor of your network for an introduction, with a message: one open request per mentor, at most 5 open at once; CONFLICT for a paused mentor.',
  })
  requestIntroduction(
    @CurrentUser() caller: Principal,
    @Args('input', { description: 'The mentor, the want it is about and your message.' }) input: RequestIntroductionInput,
  ): Promise<IntroductionRequest> {
    return this.introductions.request(caller, input);
  }

  @Roles(Role.ALUMNUS)
  @Mutation(() => IntroductionRequest, { description: 'Accept or decline an introduction request sent to you, with an optional note; the student is told.' })
  answerIntroduction(
    @CurrentUser() caller: Principal,
    @Args('input', { description: 'The request and your answer.' }) input: AnswerIntroductionInput,
  ): Promise<IntroductionRequest> {
    return this.introductions.answer(caller, input);
  }

  @Roles(Role.STUDENT)
  @Query(() => IntroductionRequestConnection, { description: 'The introduction requests you sent, newest first.' })
  myIntroductionRequests(@CurrentUser() caller: Principal, @Args() args: IntroductionsArgs) {
    return this.introductions.page(caller, 'sent', args);
  }

  @Roles(Role.ALUMNUS)
  @Query(() => IntroductionRequestConnection, { description: 'Introduction requests students sent you, newest first.' })
  introductionRequests(@CurrentUser() caller: Principal, @Args() args: IntroductionsArgs) {
    return this.introductions.page(caller, 'received', args);
  }
}
