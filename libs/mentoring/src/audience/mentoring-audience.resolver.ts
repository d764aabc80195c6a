import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Principal, Role } from '@careers/contracts';
import { CurrentUser, Roles } from '@careers/platform';
import { SetMentoringAudienceInput } from './audience.inputs.js';
import { MentoringSettings } from './audience.model.js';
import { MentoringAudienceService } from './mentoring-audience.service.js';

@Resolver(() => MentoringSettings)
export class MentoringAudienceResolver {
  constructor(private readonly service: MentoringAudienceService) {}

  @Roles(Role.STUDENT, Role.ALUMNUS, Role.STAFF, Role.ADMIN)
  @Query(() => MentoringSettings, {
    description: "Your institution's mentoring settings (how far its mentors and questions reach); staff and admins may name an institution they manage.",
  })
  mentoringSettings(
    @CurrentUser() caller: Principal,
    @Args('institutionId', { type: () => ID, nullable: true, description: 'Admins: the institution; others: leave out.' }) institutionId?: string,
  ): Promise<MentoringSettings> {
    return this.service.get(caller, institutionId);
  }

  @Roles(Role.STAFF, Role.ADMIN)
  @Mutation(() => MentoringSettings, {
    description: "Careers staff choose how far their institution's mentors and students' community questions reach; it takes effect on the next request.",
  })
  setMentoringAudience(@CurrentUser() caller: Principal, @Args('input', { description: 'The audience.' }) input: SetMentoringAudienceInput): Promise<MentoringSettings> {
    return this.service.set(caller, input);
  }
}
