import { Args, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { type Principal, Role } from '@careers/contracts';
import { Connection, CurrentUser, IdPipe, Roles } from '@careers/platform';
import { MentorDirectoryService } from './mentor-directory.service.js';
import { BecomeMentorInput, MentorsArgs, MentorSuggestionsArgs, UpdateMentorProfileInput } from './mentor.inputs.js';
import { MentorProfile, MentorSuggestion } from './mentor.model.js';
import { MentorsService } from './mentors.service.js';

@ObjectType()
export class MentorProfileConnection extends Connection(MentorProfile) {}

@Resolver(() => MentorProfile)
export class MentorsResolver {
  constructor(
    private readonly service: MentorsService,
    private readonly directoryService: MentorDirectoryService,
  ) {}

  @Roles(Role.ALUMNUS)
  @Mutation(() => MentorProfile, {
    description: 'Alumni offer mentoring (or come back after stopping): you appear in your institution\'s directory and in students\' suggestions at once.',
  })
  becomeMentor(@CurrentUser() caller: Principal, @Args('input', { description: 'Your mentor profile.' }) input: BecomeMentorInput): Promise<MentorProfile> {
    return this.service.become(caller, input);
  }

  @Roles(Role.ALUMNUS)
  @Mutation(() => MentorProfile, { description: 'Change your mentor profile, pause (acceptingRequests: false) or take requests again.' })
  updateMentorProfile(
    @CurrentUser() caller: Principal,
    @Args('input', { description: 'What to change.' }) input: UpdateMentorProfileInput,
  ): Promise<MentorProfile> {
    return this.service.update(caller, input);
  }

  @Roles(Role.ALUMNUS)
  @Mutation(() => MentorProfile, { description: 'Stop mentoring (opt out): you leave the directory and suggestions; active mentorships go on.' })
  stopMentoring(@CurrentUser() caller: Principal): Promise<MentorProfile> {
    return this.service.optOut(caller);
  }

  @Roles(Role.ALUMNUS)
  @Query(() => MentorProfile, { nullable: true, description: 'Your own mentor profile, opted out or not; null if you never offered mentoring.' })
  myMentorProfile(@CurrentUser() caller: Principal): Promise<MentorProfile | null> {
    return this.service.mine(caller);
  }

  @Query(() => MentorProfile, {
    description: "A mentor of your network (your institution's), or one whose institution you are staff of; NOT_FOUND otherwise.",
  })
  mentor(@CurrentUser() caller: Principal, @Args('id', { type: () => ID, description: "The mentor's user id." }, IdPipe) id: string): Promise<MentorProfile> {
    return this.directoryService.get(caller, id);
  }

  @Roles(Role.STUDENT, Role.ALUMNUS, Role.STAFF, Role.ADMIN)
  @Query(() => MentorProfileConnection, {
    description: 'Mentors of your network who take requests now (not paused, not opted out), by relevance to the search, else newest first.',
  })
  mentors(@CurrentUser() caller: Principal, @Args() args: MentorsArgs) {
    return this.directoryService.directory(caller, args);
  }

  @Roles(Role.STUDENT)
  @Query(() => [MentorSuggestion], {
    description:
      "Mentors suggested for you from your profile (sectors, course, interests, skills), best first, each with its reasons; only mentors who take requests and have a place free. Empty when your profile names nothing that matches.",
  })
  mentorSuggestions(@CurrentUser() caller: Principal, @Args() args: MentorSuggestionsArgs): Promise<MentorSuggestion[]> {
    return this.directoryService.suggest(caller, args);
  }
}
