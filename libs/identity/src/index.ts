export * from './identity.module.js';
export { Identity1763769600000 } from './migrations/1763769600000-identity.js';
export { RefreshTokenSuccessor1764000400000 } from './migrations/1764000400000-refresh-token-successor.js';
export { SessionsService } from './sessions/sessions.service.js';
export { InstitutionsService } from './institutions/institutions.service.js';
export { OrganisationsService } from './organisations/organisations.service.js';
export { UsersService } from './users/users.service.js';
export { Institution } from './institutions/institution.entity.js';
export { Organisation, OrganisationApproval } from './organisations/organisation.entity.js';
export { User } from './users/user.entity.js';
export { Profile, ProfileVisibility } from './profiles/profile.entity.js';

import { Identity1763769600000 } from './migrations/1763769600000-identity.js';
import { RefreshTokenSuccessor1764000400000 } from './migrations/1764000400000-refresh-token-successor.js';
import { MentorInvitations1764001000000 } from './migrations/1764001000000-mentor-invitations.js';
export const identityMigrations = [Identity1763769600000, RefreshTokenSuccessor1764000400000, MentorInvitations1764001000000];
export { seedDemo, seedAdmin, DEMO_PASSWORD, type SeededAccount } from './seed/seed.js';
