import { Args, Context, Field, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, type Principal } from '@careers/contracts';
import { canManageInstitution, Connection, CurrentUser, type GraphqlContext, IdPipe, Roles } from '@careers/platform';
import { IdentityLoaders } from '../identity.loaders.js';
import { Institution } from '../institutions/institution.entity.js';
import { Organisation, OrganisationApproval } from './organisation.entity.js';
import { DecideOrganisationInput, OrganisationApprovalsArgs, UpdateOrganisationInput } from './organisation.inputs.js';
import { OrganisationsService } from './organisations.service.js';

@ObjectType()
export class OrganisationApprovalConnection extends Connection(OrganisationApproval) {}

@ObjectType({ description: 'A member (employer) of an organisation, as its other members see them.' })
export class OrganisationMember {
  @Field(() => ID, { description: 'Their user id; use it as a live chat host in `scheduleLiveChat(input: { hostIds })`.' })
  id: string;

  @Field({ description: 'Their name as it is shown across the network.' })
  displayName: string;
}

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(
    private readonly service: OrganisationsService,
    private readonly loaders: IdentityLoaders,
  ) {}

  @Roles(Role.EMPLOYER)
  @Mutation(() => Organisation, { description: "Employers edit their organisation's details, also while it waits for approval or after a rejection." })
  updateOrganisation(@CurrentUser() caller: Principal, @Args('input', { description: 'What to change.' }) input: UpdateOrganisationInput): Promise<Organisation> {
    return this.service.update(caller, input);
  }

  @Roles(Role.EMPLOYER)
  @Mutation(() => OrganisationApproval, {
    description:
      "Asks an institution's careers staff to approve your organisation: another institution, or again after a rejection (they are told). Asking while it waits, or once approved, changes nothing.",
  })
  requestOrganisationApproval(@CurrentUser() caller: Principal, @Args('institutionId', { type: () => ID, description: 'The institution whose careers staff should decide.' }, IdPipe) institutionId: string): Promise<OrganisationApproval> {
    return this.service.requestApproval(caller, institutionId);
  }

  @Roles(Role.STAFF, Role.ADMIN)
  @Mutation(() => OrganisationApproval, { description: 'Approve or reject an employer that asked your institution for approval (NOT_FOUND otherwise).' })
  decideOrganisation(@CurrentUser() caller: Principal, @Args('input', { description: 'The organisation and the decision.' }) input: DecideOrganisationInput): Promise<OrganisationApproval> {
    return this.service.decide(caller, input);
  }

  @Roles(Role.STAFF, Role.ADMIN)
  @Query(() => OrganisationApprovalConnection, { description: 'The employers waiting for (or decided by) your institution.' })
  organisationApprovals(@CurrentUser() caller: Principal, @Args() args: OrganisationApprovalsArgs) {
    return this.service.listApprovals(caller, args);
  }

  @ResolveField(() => [OrganisationMember], {
    description: 'Its members (employers), by name, at most 200: for its own members only (to choose co-hosts); empty for anyone else.',
  })
  members(@Parent() org: Organisation, @CurrentUser() caller: Principal): Promise<OrganisationMember[]> {
    return this.service.members(caller, org.id);
  }

  @ResolveField(() => [OrganisationApproval], { description: "Members see every institution's decision; staff see their own institution's." })
  async approvals(@Parent() org: Organisation, @CurrentUser() caller: Principal, @Context() ctx: GraphqlContext) {
    const all = await this.loaders.approvals(ctx, org.id);
    if (caller.organisationId === org.id) return all;
    return all.filter((a) => canManageInstitution(caller, a.institutionId));
  }
}

@Resolver(() => OrganisationApproval)
export class OrganisationApprovalsResolver {
  constructor(private readonly loaders: IdentityLoaders) {}

  @ResolveField(() => Organisation, { description: 'The employer that asked.' })
  organisation(@Parent() approval: OrganisationApproval, @Context() ctx: GraphqlContext) {
    return this.loaders.organisation(ctx, approval.organisationId);
  }

  @ResolveField(() => Institution, { description: 'The institution asked to decide.' })
  institution(@Parent() approval: OrganisationApproval, @Context() ctx: GraphqlContext) {
    return this.loaders.institution(ctx, approval.institutionId);
  }
}
