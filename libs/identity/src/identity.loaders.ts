import { Injectable } from '@nestjs/common';
import type { GraphqlContext } from '@careers/platform';
import { Institution } from './institutions/institution.entity.js';
import { InstitutionsService } from './institutions/institutions.service.js';
import { Organisation, OrganisationApproval } from './organisations/organisation.entity.js';
import { OrganisationsService } from './organisations/organisations.service.js';
import { Profile } from './profiles/profile.entity.js';
import { ProfilesService } from './profiles/profiles.service.js';

/** The per-request DataLoaders of identity's field resolvers, named in one place. */
@Injectable()
export class IdentityLoaders {
  constructor(
    private readonly institutions: InstitutionsService,
    private readonly organisations: OrganisationsService,
    private readonly profiles: ProfilesService,
  ) {}

  institution(ctx: GraphqlContext, id: string): Promise<Institution | null> {
    return ctx.loaders.get<string, Institution | null>('identity.institution', (ids) => this.institutions.byIds(ids)).load(id);
  }

  organisation(ctx: GraphqlContext, id: string): Promise<Organisation | null> {
    return ctx.loaders.get<string, Organisation | null>('identity.organisation', (ids) => this.organisations.byIds(ids)).load(id);
  }

  approvals(ctx: GraphqlContext, organisationId: string): Promise<OrganisationApproval[]> {
    return ctx.loaders
      .get<string, OrganisationApproval[]>('identity.approvals', (ids) => this.organisations.approvalsOf(ids))
      .load(organisationId);
  }

  profile(ctx: GraphqlContext, userId: string): Promise<Profile | null> {
    return this.profileLoader(ctx).load(userId);
  }

  /** For a resolver that loaded the profile already (with a join): the field resolver will not load it again. */
  primeProfile(ctx: GraphqlContext, userId: string, profile: Profile | null): void {
    this.profileLoader(ctx).prime(userId, profile);
  }

  private profileLoader(ctx: GraphqlContext) {
    return ctx.loaders.get<string, Profile | null>('identity.profile', (ids) => this.profiles.byUserIds(ids));
  }
}
