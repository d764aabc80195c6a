import { Args, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Role, type Principal } from '@careers/contracts';
import { Connection, ConnectionArgs, CurrentUser, IdPipe, Public, Roles } from '@careers/platform';
import { Institution } from './institution.entity.js';
import { CreateInstitutionInput, UpdateInstitutionInput } from './institution.inputs.js';
import { InstitutionsService } from './institutions.service.js';

@ObjectType()
export class InstitutionConnection extends Connection(Institution) {}

@Resolver(() => Institution)
export class InstitutionsResolver {
  constructor(private readonly service: InstitutionsService) {}

  @Public()
  @Query(() => InstitutionConnection, { description: 'Institutions on this installation, by name (for employers choosing whom to work with).' })
  institutions(@Args() args: ConnectionArgs) {
    return this.service.list(args);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Institution, { description: 'Admins add an institution; CONFLICT if an email domain is equal to, under or above one another institution has.' })
  createInstitution(@Args('input', { description: 'Its name and email domains.' }) input: CreateInstitutionInput): Promise<Institution> {
    return this.service.create(input);
  }

  @Roles(Role.STAFF, Role.ADMIN)
  @Mutation(() => Institution, { description: "Staff rename their own institution; admins edit any, and only admins change email domains." })
  updateInstitution(
    @CurrentUser() caller: Principal,
    @Args('id', { type: () => ID, description: 'The institution to edit; staff may only name their own.' }, IdPipe) id: string,
    @Args('input', { description: 'What to change.' }) input: UpdateInstitutionInput,
  ): Promise<Institution> {
    return this.service.update(caller, id, input);
  }
}
