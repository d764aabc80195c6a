// GraphQL documents of identity (accounts, sessions, institutions, organisations) shared by the
// specs. Each selects the union of what the specs read, so one document serves them all.

export const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken expiresIn user { id role displayName institution { id name } } } }`;
export const SIGN_UP_EMPLOYER = `mutation($i: SignUpEmployerInput!) { signUpEmployer(input: $i) { user { organisation { id } } } }`;
export const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken user { id } } }`;
export const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { headline visibility course } }`;
export const UPDATE_INSTITUTION = `mutation($id: ID!, $input: UpdateInstitutionInput!) { updateInstitution(id: $id, input: $input) { name emailDomains } }`;
export const CREATE_INSTITUTION = `mutation($input: CreateInstitutionInput!) { createInstitution(input: $input) { id name emailDomains } }`;
export const DECIDE_ORGANISATION = `mutation($input: DecideOrganisationInput!) { decideOrganisation(input: $input) { status reason institution { id } } }`;
