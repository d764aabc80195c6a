// GraphQL documents of identity (accounts, sessions, institutions, organisations) shared by the
// specs. Each selects the union of what the specs read, so one document serves them all.

export const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken expiresIn user { id role displayName institution { id name } } } }`;
export const SIGN_UP_EMPLOYER = `mutation($i: SignUpEmployerInput!) { signUpEmployer(input: $i) { user { organisation { id } } } }`;
export const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken user { id } } }`;
export const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { headline visibility course } }`;
export const UPDATE_INSTITUTION = `mutation($id: ID!, $input: UpdateInstitutionInput!) { updateInstitution(id: $id, input: $input) { name emailDomains } }`;
export const CREATE_INSTITUTION = `mutation($input: CreateInstitutionInput!) { createInstitution(input: $input) { id name emailDomains } }`;
export const DECIDE_ORGANISATION = `mutation($input: DecideOrganisationInput!) { decideOrganisation(input: $input) { status reason institution { id } } }`;

const MENTOR_INVITATION_FIELDS = `id email displayName note status institutionId createdAt expiresAt acceptedAt acceptedUserId`;
export const INVITE_MENTOR = `mutation($input: InviteMentorInput!) { inviteMentor(input: $input) { ${MENTOR_INVITATION_FIELDS} } }`;
export const MENTOR_INVITATIONS = `query($institutionId: ID, $first: Int) { mentorInvitations(institutionId: $institutionId, first: $first) { edges { node { ${MENTOR_INVITATION_FIELDS} } } } }`;
export const REVOKE_MENTOR_INVITATION = `mutation($id: ID!) { revokeMentorInvitation(id: $id) { ${MENTOR_INVITATION_FIELDS} } }`;
export const MENTOR_INVITATION_PREVIEW = `query($token: String!) { mentorInvitation(token: $token) { email displayName institutionName note expiresAt } }`;
export const ACCEPT_MENTOR_INVITATION = `mutation($input: AcceptMentorInvitationInput!) { acceptMentorInvitation(input: $input) { accessToken refreshToken user { id role displayName trustLevel institution { id name } } } }`;
