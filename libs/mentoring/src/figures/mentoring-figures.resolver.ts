import { Args, Query, Resolver } from '@nestjs/graphql';
import { type Principal, Role } from '@careers/contracts';
import { CurrentUser, Roles } from '@careers/platform';
import { MentoringFiguresArgs } from './mentoring-figures.inputs.js';
import { MentoringFigures } from './mentoring-figures.model.js';
import { MentoringFiguresService } from './mentoring-figures.service.js';

@Resolver(() => MentoringFigures)
export class MentoringFiguresResolver {
  constructor(private readonly service: MentoringFiguresService) {}

  @Roles(Role.STAFF, Role.ADMIN)
  @Query(() => MentoringFigures, {
    description: "Mentoring figures of an institution over the last 30, 90 or 365 days: staff of their own, admins of the one they name (FORBIDDEN for another's).",
  })
  mentoringFigures(@CurrentUser() caller: Principal, @Args() args: MentoringFiguresArgs): Promise<MentoringFigures> {
    return this.service.of(caller, args);
  }
}
