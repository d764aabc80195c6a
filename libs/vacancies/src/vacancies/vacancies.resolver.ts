import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PEOPLE_DIRECTORY, type PeopleDirectory, type Principal, Role } from '@careers/contracts';
import { Connection, CurrentUser, type GraphqlContext, IdPipe, Roles } from '@careers/platform';
import { VacanciesService } from './vacancies.service.js';
import { editorOf } from './vacancy-access.js';
import { VacancyListingsService } from './vacancy-listings.service.js';
import {
  DecideVacancyInput,
  OrganisationVacanciesArgs,
  PostVacancyInput,
  RenewVacancyInput,
  SearchVacanciesArgs,
  UpdateVacancyInput,
  VacancyApprovalsArgs,
} from './vacancy.inputs.js';
import { Vacancy, VacancyAlertFigures, VacancyTarget } from './vacancy.model.js';

@ObjectType()
export class VacancyConnection extends Connection(Vacancy) {}

const POSTERS = [Role.EMPLOYER, Role.STAFF, Role.ADMIN];

@Resolver(() => Vacancy)
export class VacanciesResolver {
  constructor(
    private readonly service: VacanciesService,
    private readonly listings: VacancyListingsService,
  ) {}

  @Roles(...POSTERS)
  @Mutation(() => Vacancy, { description: "Employers submit a vacancy for approval; staff publish one for their own institution's students." })
  postVacancy(@CurrentUser() caller: Principal, @Args('input', { description: 'The vacancy.' }) input: PostVacancyInput): Promise<Vacancy> {
    return this.service.post(caller, input);
  }

  @Roles(...POSTERS)
  @Mutation(() => Vacancy, {
    description:
      "The poster (its employer, or the careers service that posted it) edits a vacancy. A change to what students see goes back to approval at every other target.",
  })
  updateVacancy(@CurrentUser() caller: Principal, @Args('input', { description: 'The vacancy and what to change.' }) input: UpdateVacancyInput): Promise<Vacancy> {
    return this.service.update(caller, input);
  }

  @Roles(...POSTERS)
  @Mutation(() => Vacancy, { description: 'The poster sends a draft (or a rejected vacancy, after editing it) for approval.' })
  submitVacancy(@CurrentUser() caller: Principal, @Args('id', { type: () => ID, description: 'The draft or rejected vacancy.' }, IdPipe) id: string): Promise<Vacancy> {
    return this.service.submit(caller, id);
  }

  @Roles(Role.STAFF, Role.ADMIN)
  @Mutation(() => Vacancy, { description: "Approve or reject a vacancy for your institution's students." })
  decideVacancy(@CurrentUser() caller: Principal, @Args('input', { description: 'The vacancy and the decision.' }) input: DecideVacancyInput): Promise<Vacancy> {
    return this.service.decide(caller, input);
  }

  @Roles(...POSTERS)
  @Mutation(() => Vacancy, { description: "The poster stops taking applications now. Staff of another target reject it for their own students instead." })
  closeVacancy(@CurrentUser() caller: Principal, @Args('id', { type: () => ID, description: 'The published vacancy to close.' }, IdPipe) id: string): Promise<Vacancy> {
    return this.service.close(caller, id);
  }

  @Roles(...POSTERS)
  @Mutation(() => Vacancy, { description: 'The poster opens a closed or expired vacancy again, or moves its dates, keeping its approvals.' })
  renewVacancy(@CurrentUser() caller: Principal, @Args('input', { description: 'The vacancy and its new dates.' }) input: RenewVacancyInput): Promise<Vacancy> {
    return this.service.renew(caller, input);
  }

  @Query(() => Vacancy, { description: "A vacancy, if you may see it: published for your institution, your organisation's, yours to edit, or targeting your institution (NOT_FOUND otherwise)." })
  vacancy(@CurrentUser() caller: Principal, @Args('id', { type: () => ID, description: 'Id of the vacancy.' }, IdPipe) id: string): Promise<Vacancy> {
    return this.listings.get(caller, id);
  }

  @Query(() => VacancyConnection, { description: 'Published vacancies open to you, by relevance when there is a query, else newest first.' })
  vacancies(@CurrentUser() caller: Principal, @Args() args: SearchVacanciesArgs) {
    return this.listings.search(caller, args);
  }

  @Roles(Role.EMPLOYER)
  @Query(() => VacancyConnection, { description: "Your organisation's vacancies, in any status." })
  organisationVacancies(@CurrentUser() caller: Principal, @Args() args: OrganisationVacanciesArgs) {
    return this.listings.forOrganisation(caller, args);
  }

  @Roles(Role.STAFF, Role.ADMIN)
  @Query(() => VacancyConnection, { description: 'Vacancies waiting for your institution\'s decision (or decided by it).' })
  vacancyApprovals(@CurrentUser() caller: Principal, @Args() args: VacancyApprovalsArgs) {
    return this.listings.forApproval(caller, args);
  }

  @ResolveField(() => [VacancyTarget], { description: "The poster sees every institution's decision; staff see their own." })
  async targets(@Parent() vacancy: Vacancy, @CurrentUser() caller: Principal, @Context() ctx: GraphqlContext): Promise<VacancyTarget[]> {
    return this.listings.visibleTargets(caller, vacancy, await this.allTargets(ctx, vacancy.id));
  }

  @ResolveField(() => VacancyAlertFigures, { description: 'Staff of a target institution: how many people its alerts reached.' })
  async alertFigures(@Parent() vacancy: Vacancy, @CurrentUser() caller: Principal, @Context() ctx: GraphqlContext): Promise<VacancyAlertFigures> {
    this.listings.assertMaySeeFigures(caller, vacancy, await this.allTargets(ctx, vacancy.id));
    return ctx.loaders
      .get<string, VacancyAlertFigures>('vacancies.alert-figures', (ids) => this.listings.alertFiguresOf(ids))
      .load(vacancy.id);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether you are its poster (its organisation, the careers service that posted it, or an admin): you may edit, submit, close and renew it.',
  })
  viewerCanEdit(@Parent() vacancy: Vacancy, @CurrentUser() caller: Principal): boolean {
    return editorOf(caller, vacancy) !== null;
  }

  private allTargets(ctx: GraphqlContext, vacancyId: string): Promise<VacancyTarget[]> {
    return ctx.loaders.get<string, VacancyTarget[]>('vacancies.targets', (ids) => this.listings.targetsOf(ids)).load(vacancyId);
  }
}

@Resolver(() => VacancyTarget)
export class VacancyTargetsResolver {
  constructor(@Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory) {}

  @ResolveField(() => String, { description: 'The target institution\'s name, such as "University of Leeds".' })
  institutionName(@Parent() target: VacancyTarget, @Context() ctx: GraphqlContext): Promise<string> {
    return ctx.loaders
      .get<string, string>('vacancies.target-institution-names', async (ids) => {
        const found = new Map((await this.people.institutionsOf(ids)).map((i) => [i.id, i.name]));
        return ids.map((id) => found.get(id) ?? new Error(`No institution ${id}`));
      })
      .load(target.institutionId);
  }
}
