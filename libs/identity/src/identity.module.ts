import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { PEOPLE_DIRECTORY, QueueName, RECIPIENT_DIRECTORY } from '@careers/contracts';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityLoaders } from './identity.loaders.js';
import { Institution } from './institutions/institution.entity.js';
import { InstitutionRepository } from './institutions/institution.repository.js';
import { MentorInvitationRepository } from './invitations/mentor-invitation.repository.js';
import { MentorInvitationsResolver } from './invitations/mentor-invitations.resolver.js';
import { MentorInvitationsService } from './invitations/mentor-invitations.service.js';
import { InstitutionsResolver } from './institutions/institutions.resolver.js';
import { InstitutionsService } from './institutions/institutions.service.js';
import { Organisation, OrganisationApproval } from './organisations/organisation.entity.js';
import { OrganisationRepository } from './organisations/organisation.repository.js';
import { OrganisationApprovalsResolver, OrganisationsResolver } from './organisations/organisations.resolver.js';
import { OrganisationsService } from './organisations/organisations.service.js';
import { Profile } from './profiles/profile.entity.js';
import { ProfileRepository } from './profiles/profile.repository.js';
import { ProfilesResolver } from './profiles/profiles.resolver.js';
import { ProfilesService } from './profiles/profiles.service.js';
import { PruneRefreshTokensProcessor, PruneRefreshTokensSchedule } from './sessions/prune-refresh-tokens.processor.js';
import { RefreshToken } from './sessions/refresh-token.entity.js';
import { RefreshTokenRepository } from './sessions/refresh-token.repository.js';
import { SessionCookie } from './sessions/session-cookie.js';
import { SessionsController } from './sessions/sessions.controller.js';
import { SessionsResolver } from './sessions/sessions.resolver.js';
import { SessionsService } from './sessions/sessions.service.js';
import { IdentityPeopleDirectory } from './users/people-directory.repository.js';
import { IdentityRecipientDirectory } from './users/recipient-directory.repository.js';
import { User } from './users/user.entity.js';
import { UserRepository } from './users/user.repository.js';
import { UsersResolver } from './users/users.resolver.js';
import { UsersService } from './users/users.service.js';

export const identityEntities = [Institution, Organisation, OrganisationApproval, User, Profile, RefreshToken];

const services = [InstitutionsService, MentorInvitationsService, OrganisationsService, ProfilesService, SessionsService, UsersService];

const repositories = [InstitutionRepository, MentorInvitationRepository, OrganisationRepository, ProfileRepository, RefreshTokenRepository, UserRepository];

const ports = [
  { provide: RECIPIENT_DIRECTORY, useClass: IdentityRecipientDirectory },
  { provide: PEOPLE_DIRECTORY, useClass: IdentityPeopleDirectory },
];

/** The services identity offers (no GraphQL), and its answers to the ports of contracts. */
@Module({
  imports: [TypeOrmModule.forFeature(identityEntities)],
  providers: [...services, ...repositories, ...ports],
  exports: [...services, RECIPIENT_DIRECTORY, PEOPLE_DIRECTORY],
})
export class IdentityCoreModule {}

/** Identity for the api: services, their GraphQL resolvers and the browser's /auth routes; its ports for other domains. */
@Global()
@Module({
  imports: [IdentityCoreModule],
  exports: [IdentityCoreModule],
  controllers: [SessionsController],
  providers: [
    IdentityLoaders,
    SessionCookie,
    InstitutionsResolver,
    MentorInvitationsResolver,
    OrganisationsResolver,
    OrganisationApprovalsResolver,
    ProfilesResolver,
    SessionsResolver,
    UsersResolver,
  ],
})
export class IdentityModule {}

/** Identity's jobs, and its ports for other domains, for the worker. */
@Global()
@Module({
  imports: [IdentityCoreModule, BullModule.registerQueue({ name: QueueName.MAINTENANCE })],
  providers: [PruneRefreshTokensProcessor, PruneRefreshTokensSchedule],
  exports: [IdentityCoreModule],
})
export class IdentityWorkerModule {}
