import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, TrustLevel, type Principal } from '@careers/contracts';
import { Connection, CurrentUser, type GraphqlContext, IdPipe, Roles } from '@careers/platform';
import { IdentityLoaders } from '../identity.loaders.js';
import { Institution } from '../institutions/institution.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Profile } from '../profiles/profile.entity.js';
import { canSee, isSelfOrManager } from '../profiles/profiles.service.js';
import { User } from './user.entity.js';
import { CreateStaffAccountInput, SetTrustLevelInput, UsersArgs } from './user.inputs.js';
import { UsersService } from './users.service.js';

@ObjectType()
export class UserConnection extends Connection(User) {}

@Resolver(() => User)
export class UsersResolver {
  constructor(
    private readonly service: UsersService,
    private readonly loaders: IdentityLoaders,
  ) {}

  @Query(() => User, { description: 'The signed-in person.' })
  async me(@CurrentUser() caller: Principal, @Context() ctx: GraphqlContext): Promise<User> {
    const { user, profile } = await this.service.me(caller);
    this.loaders.primeProfile(ctx, user.id, profile);
    return user;
  }

  @Query(() => User, { description: 'A person, if their profile visibility lets you see them (NOT_FOUND otherwise).' })
  user(@CurrentUser() caller: Principal, @Args('id', { type: () => ID, description: 'Id of the person.' }, IdPipe) id: string): Promise<User> {
    return this.service.visibleUser(caller, id);
  }

  @Roles(Role.STAFF, Role.ADMIN)
  @Query(() => UserConnection, { description: 'People of your institution (admins: anyone), newest first.' })
  users(@CurrentUser() caller: Principal, @Args() args: UsersArgs) {
    return this.service.list(caller, args);
  }

  @Roles(Role.STAFF, Role.ADMIN)
  @Mutation(() => User, { description: "Staff set the trust of their own institution's people; someone you may not see is NOT_FOUND." })
  setTrustLevel(@CurrentUser() caller: Principal, @Args('input', { description: 'Whom, and which trust level.' }) input: SetTrustLevelInput): Promise<User> {
    return this.service.setTrustLevel(caller, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, { description: 'Admins create careers staff and other admins.' })
  createStaffAccount(@Args('input', { description: 'The new account.' }) input: CreateStaffAccountInput): Promise<User> {
    return this.service.createStaffAccount(input);
  }

  @ResolveField(() => String, { nullable: true, description: 'Visible to the person and the staff of their institution.' })
  email(@Parent() user: User, @CurrentUser() caller: Principal): string | null {
    return isSelfOrManager(caller, user) ? user.email : null;
  }

  @ResolveField(() => TrustLevel, { nullable: true, description: 'Visible to the person and the staff of their institution.' })
  trustLevel(@Parent() user: User, @CurrentUser() caller: Principal): TrustLevel | null {
    return isSelfOrManager(caller, user) ? user.trustLevel : null;
  }

  @ResolveField(() => Institution, { nullable: true, description: 'The institution of a student, alumnus or member of staff; null for employers and for admins made without one.' })
  institution(@Parent() user: User, @Context() ctx: GraphqlContext) {
    return user.institutionId ? this.loaders.institution(ctx, user.institutionId) : null;
  }

  @ResolveField(() => Organisation, { nullable: true, description: "An employer's organisation; null for everyone else." })
  organisation(@Parent() user: User, @Context() ctx: GraphqlContext) {
    return user.organisationId ? this.loaders.organisation(ctx, user.organisationId) : null;
  }

  @ResolveField(() => Profile, { nullable: true, description: 'Null when its visibility does not include you.' })
  async profile(@Parent() user: User, @CurrentUser() caller: Principal, @Context() ctx: GraphqlContext): Promise<Profile | null> {
    const profile = await this.loaders.profile(ctx, user.id);
    return profile && canSee(caller, user, profile.visibility) ? profile : null;
  }
}
