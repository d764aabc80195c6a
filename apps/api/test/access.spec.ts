import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import { CREATE_INSTITUTION, DECIDE_ORGANISATION, errorCode, Factory, ok, POST_VACANCY, startApi, type TestApi, type TestUser, twoTenants, UPDATE_INSTITUTION, UPDATE_PROFILE } from '@careers/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';

const USER = `query($id: ID!) { user(id: $id) { id displayName email trustLevel profile { headline } } }`;
const USERS = `query($institutionId: ID, $role: Role) { users(institutionId: $institutionId, role: $role, first: 50) { edges { node { id } } } }`;
const SET_TRUST = `mutation($input: SetTrustLevelInput!) { setTrustLevel(input: $input) { id trustLevel } }`;
const UPDATE_ORG = `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { name description } }`;
const CREATE_STAFF = `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { id role email } }`;

describe('who may do what', () => {
  let api: TestApi;
  let factory: Factory;
  let a: Institution;
  let b: Institution;
  let staffA: TestUser;
  let staffB: TestUser;
  let admin: TestUser;
  let studentA: TestUser;
  let studentA2: TestUser;
  let studentB: TestUser;
  let alumnusA: TestUser;

  beforeAll(async () => {
    api = await startApi(createApiApp);
    factory = new Factory(api);
    ({ a, b, staffA, staffB, admin, studentA, studentB } = await twoTenants(factory, { names: ['A University', 'B University'] }));
    [studentA2, alumnusA] = await Promise.all([factory.user(Role.STUDENT, { institution: a }), factory.user(Role.ALUMNUS, { institution: a })]);
    ok(await api.gql(UPDATE_PROFILE, { input: { headline: 'Private person', visibility: 'PRIVATE' } }, studentA.token));
    ok(await api.gql(UPDATE_PROFILE, { input: { headline: 'Solicitor', visibility: 'PUBLIC' } }, alumnusA.token));
  });
  afterAll(() => api.close());

  it('refuses anonymous callers everything but the public operations', async () => {
    expect(errorCode(await api.gql(`{ me { id } }`))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(USER, { id: studentA.user.id }))).toBe('UNAUTHENTICATED');
    expect(ok(await api.gql(`{ institutions(first: 1) { edges { node { name } } } }`)).institutions.edges).toHaveLength(1);
  });

  it('lists institutions to anyone as pages, each institution once', async () => {
    const PAGE = `query($after: String) { institutions(first: 100, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = ok(await api.gql(PAGE, { after })).institutions;
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(new Set(seen).size).toBe(seen.length);
    expect(errorCode(await api.gql(`{ institutions(first: 101) { edges { node { id } } } }`))).toBe('BAD_USER_INPUT');
  });

  it('shows a person by the visibility of their profile, and hides them as NOT_FOUND otherwise', async () => {
    // Private: only the person and their institution's staff.
    expect(errorCode(await api.gql(USER, { id: studentA.user.id }, studentA2.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(USER, { id: studentA.user.id }, staffB.token))).toBe('NOT_FOUND');
    expect(ok(await api.gql(USER, { id: studentA.user.id }, staffA.token)).user).toMatchObject({ email: studentA.email, profile: { headline: 'Private person' } });
    expect(ok(await api.gql(USER, { id: studentA.user.id }, studentA.token)).user.trustLevel).toBe('NEW');

    // Institution-only (the default): same institution yes, other institutions no.
    expect(ok(await api.gql(USER, { id: studentA2.user.id }, alumnusA.token)).user).toMatchObject({ id: studentA2.user.id, email: null, trustLevel: null });
    expect(errorCode(await api.gql(USER, { id: studentA2.user.id }, studentB.token))).toBe('NOT_FOUND');

    // Public: everyone signed in, without the private fields.
    expect(ok(await api.gql(USER, { id: alumnusA.user.id }, studentB.token)).user).toEqual({
      id: alumnusA.user.id,
      displayName: alumnusA.user.displayName,
      email: null,
      trustLevel: null,
      profile: { headline: 'Solicitor' },
    });

    // Guessing ids tells nothing: a malformed id is bad input, an unknown one is not found.
    expect(errorCode(await api.gql(USER, { id: '1 OR 1=1' }, studentB.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(USER, { id: '00000000-0000-4000-8000-000000000000' }, studentB.token))).toBe('NOT_FOUND');
  });

  it('lets staff list and set the trust of their own institution only', async () => {
    const listed = ok(await api.gql(USERS, {}, staffA.token)).users.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(listed).toEqual(expect.arrayContaining([studentA.user.id, alumnusA.user.id, staffA.user.id]));
    expect(listed).not.toContain(studentB.user.id);
    expect(errorCode(await api.gql(USERS, { institutionId: b.id }, staffA.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(USERS, {}, studentA.token))).toBe('FORBIDDEN');
    expect(ok(await api.gql(USERS, { institutionId: b.id, role: 'STUDENT' }, admin.token)).users.edges).toEqual([{ node: { id: studentB.user.id } }]);

    expect(ok(await api.gql(SET_TRUST, { input: { userId: studentA.user.id, trustLevel: 'TRUSTED' } }, staffA.token)).setTrustLevel.trustLevel).toBe('TRUSTED');
    // Another institution's student, whom staff of A may not see, is as unknown as an id nobody has: ids cannot be probed.
    const cross = await api.gql(SET_TRUST, { input: { userId: studentB.user.id, trustLevel: 'TRUSTED' } }, staffA.token);
    const unknown = await api.gql(SET_TRUST, { input: { userId: '00000000-0000-4000-8000-000000000000', trustLevel: 'TRUSTED' } }, staffA.token);
    expect(errorCode(cross)).toBe('NOT_FOUND');
    expect(cross.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(ok(await api.gql(USER, { id: studentB.user.id }, staffB.token)).user.trustLevel).toBe('NEW');
    // Someone they can see (a public profile) but do not manage: FORBIDDEN tells them nothing new.
    const publicB = await factory.user(Role.ALUMNUS, { institution: b });
    ok(await api.gql(UPDATE_PROFILE, { input: { visibility: 'PUBLIC' } }, publicB.token));
    expect(errorCode(await api.gql(SET_TRUST, { input: { userId: publicB.user.id, trustLevel: 'TRUSTED' } }, staffA.token))).toBe('FORBIDDEN');
    expect(ok(await api.gql(USER, { id: publicB.user.id }, staffB.token)).user.trustLevel).toBe('NEW');
    expect(errorCode(await api.gql(SET_TRUST, { input: { userId: studentA2.user.id, trustLevel: 'TRUSTED' } }, alumnusA.token))).toBe('FORBIDDEN');
  });

  it('lets staff edit their own institution, and only admins create institutions and staff', async () => {
    expect(ok(await api.gql(UPDATE_INSTITUTION, { id: a.id, input: { name: 'A University (renamed)' } }, staffA.token)).updateInstitution.name).toBe('A University (renamed)');
    expect(errorCode(await api.gql(UPDATE_INSTITUTION, { id: b.id, input: { name: 'Mine now' } }, staffA.token))).toBe('FORBIDDEN');

    const input = { name: 'C College', emailDomains: ['C-College.ac.uk'] };
    expect(errorCode(await api.gql(CREATE_INSTITUTION, { input }, staffA.token))).toBe('FORBIDDEN');
    const created = ok(await api.gql(CREATE_INSTITUTION, { input }, admin.token)).createInstitution;
    expect(created.emailDomains).toEqual(['c-college.ac.uk']);
    expect(errorCode(await api.gql(CREATE_INSTITUTION, { input: { name: 'Copy', emailDomains: ['c-college.ac.uk'] } }, admin.token))).toBe('CONFLICT');

    const staff = { email: 'adviser@c-college.ac.uk', password: 'first password 123', displayName: 'Adviser', role: 'STAFF', institutionId: created.id };
    expect(errorCode(await api.gql(CREATE_STAFF, { input: staff }, staffA.token))).toBe('FORBIDDEN');
    expect(ok(await api.gql(CREATE_STAFF, { input: staff }, admin.token)).createStaffAccount).toMatchObject({ role: 'STAFF', email: 'adviser@c-college.ac.uk' });
    const signIn = await api.gql(`mutation($i: SignInInput!) { signIn(input: $i) { user { role institution { name } } } }`, { i: { email: staff.email, password: staff.password } });
    expect(ok(signIn).signIn.user).toEqual({ role: 'STAFF', institution: { name: 'C College' } });
  });

  it('keeps an unapproved employer from acting until staff approve, for their own institution only', async () => {
    const vacancy = { title: 'Graduate analyst', description: 'Join our analytics team and work with data.', sector: 'Data', location: 'Leeds', remote: 'HYBRID', type: 'GRADUATE_JOB', closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), applyUrl: 'https://jobs.example.com/a' };
    const org = await factory.organisation({ pendingAt: a });
    const employer = await factory.user(Role.EMPLOYER, { organisation: org });
    const refused = await api.gql(POST_VACANCY, { i: vacancy }, employer.token);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toContain('needs the approval of an institution');
    // Its own details it edits while it waits: staff decide on what is there.
    expect(ok(await api.gql(UPDATE_ORG, { input: { description: 'We hire' } }, employer.token)).updateOrganisation.description).toBe('We hire');

    // Staff of B cannot decide for A; students cannot decide at all.
    expect(errorCode(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, institutionId: a.id, approve: true } }, staffB.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: true } }, studentA.token))).toBe('FORBIDDEN');
    // A rejection needs a reason the employer can read.
    expect(errorCode(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: false } }, staffA.token))).toBe('BAD_USER_INPUT');
    const rejected = ok(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: false, reason: 'Please add a website' } }, staffA.token));
    expect(rejected.decideOrganisation).toEqual({ status: 'REJECTED', reason: 'Please add a website', institution: { id: a.id } });
    const seen = ok(await api.gql(`{ me { organisation { approvals { status reason } } } }`, {}, employer.token));
    expect(seen.me.organisation.approvals).toEqual([{ status: 'REJECTED', reason: 'Please add a website' }]);
    expect(errorCode(await api.gql(POST_VACANCY, { i: vacancy }, employer.token))).toBe('FORBIDDEN');

    // The queue of A shows it; B's does not.
    const queue = `query($s: ApprovalDecision) { organisationApprovals(status: $s) { edges { node { organisation { id } status } } } }`;
    expect(ok(await api.gql(queue, { s: 'REJECTED' }, staffA.token)).organisationApprovals.edges).toContainEqual({ node: { organisation: { id: org.id }, status: 'REJECTED' } });
    expect(ok(await api.gql(queue, {}, staffB.token)).organisationApprovals.edges).not.toContainEqual(expect.objectContaining({ node: expect.objectContaining({ organisation: { id: org.id } }) }));

    ok(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: true } }, staffA.token));
    expect(ok(await api.gql(POST_VACANCY, { i: vacancy }, employer.token)).postVacancy.id).toBeTruthy();
    // An employer is not staff, and not of another organisation.
    expect(errorCode(await api.gql(USERS, {}, employer.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, institutionId: a.id, approve: true } }, employer.token))).toBe('FORBIDDEN');
  });

  it('lets staff decide only on organisations that asked their institution, telling no one otherwise', async () => {
    const org = await factory.organisation({ pendingAt: a });
    const employer = await factory.user(Role.EMPLOYER, { organisation: org });
    const db = api.app.get(DataSource);
    const written = async () => ({
      approvals: await db.query(`SELECT institution_id, status FROM organisation_approval WHERE organisation_id = $1`, [org.id]),
      decided: await db.query(`SELECT id FROM outbox_event WHERE aggregate_id = $1 AND type = 'identity.organisation-decided'`, [org.id]),
    });
    const before = await written();
    expect(before).toEqual({ approvals: [{ institution_id: a.id, status: 'PENDING' }], decided: [] });

    // It never asked B: B's staff, and admins deciding for B, find it no more than an id nobody has.
    const rejectAtB = await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: false, reason: 'Not for us' } }, staffB.token);
    const unknown = await api.gql(DECIDE_ORGANISATION, { input: { organisationId: '00000000-0000-4000-8000-000000000000', approve: false, reason: 'Not for us' } }, staffB.token);
    expect(errorCode(rejectAtB)).toBe('NOT_FOUND');
    expect(rejectAtB.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(errorCode(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: true } }, staffB.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, institutionId: b.id, approve: true } }, admin.token))).toBe('NOT_FOUND');
    expect(await written()).toEqual(before);
    expect(ok(await api.gql(`{ me { organisation { approvals { status institution { id } } } } }`, {}, employer.token)).me.organisation.approvals).toEqual([
      { status: 'PENDING', institution: { id: a.id } },
    ]);

    // A, which it asked, decides, and the employer is told.
    expect(ok(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: true } }, staffA.token)).decideOrganisation.status).toBe('APPROVED');
    expect((await written()).decided).toHaveLength(1);
  });

  it('lets an employer ask an institution again after a rejection, or another one; asking while it waits changes nothing', async () => {
    const REQUEST = `mutation($i: ID!) { requestOrganisationApproval(institutionId: $i) { status reason institution { id } } }`;
    const org = await factory.organisation({ pendingAt: a });
    const employer = await factory.user(Role.EMPLOYER, { organisation: org });
    const db = api.app.get(DataSource);
    const asked = async () =>
      (await db.query(`SELECT payload FROM outbox_event WHERE aggregate_id = $1 AND type = 'identity.organisation-submitted' ORDER BY seq`, [org.id])).map(
        (r: { payload: { awaiting: { institutionId: string; staffIds: string[] }[] } }) => r.payload.awaiting,
      );

    // Waiting at A already: nothing changes, nobody is told again.
    expect(ok(await api.gql(REQUEST, { i: a.id }, employer.token)).requestOrganisationApproval).toEqual({ status: 'PENDING', reason: null, institution: { id: a.id } });
    // Another institution: B's staff are asked.
    expect(ok(await api.gql(REQUEST, { i: b.id }, employer.token)).requestOrganisationApproval).toEqual({ status: 'PENDING', reason: null, institution: { id: b.id } });
    expect(await asked()).toEqual([[{ institutionId: b.id, staffIds: [staffB.user.id] }]]);
    // Rejected by B, then asked again: pending, the reason gone, B's staff told again.
    ok(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: false, reason: 'Add a website' } }, staffB.token));
    expect(ok(await api.gql(REQUEST, { i: b.id }, employer.token)).requestOrganisationApproval).toEqual({ status: 'PENDING', reason: null, institution: { id: b.id } });
    expect(await asked()).toHaveLength(2);
    // Approved: asking again changes nothing.
    ok(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: true } }, staffB.token));
    expect(ok(await api.gql(REQUEST, { i: b.id }, employer.token)).requestOrganisationApproval.status).toBe('APPROVED');
    expect(await asked()).toHaveLength(2);

    expect(errorCode(await api.gql(REQUEST, { i: a.id }, studentA.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(REQUEST, { i: '00000000-0000-4000-8000-000000000000' }, employer.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(REQUEST, { i: 'not-an-id' }, employer.token))).toBe('BAD_USER_INPUT');
  });

  it("lists an organisation's members, by name, to its own members only (to choose co-hosts)", async () => {
    const [ours, theirs] = await Promise.all([factory.organisation({ pendingAt: a }), factory.organisation({ approvedBy: a })]);
    const [zed, amy, other] = await Promise.all([
      factory.user(Role.EMPLOYER, { organisation: ours, displayName: 'Zed Member' }),
      factory.user(Role.EMPLOYER, { organisation: ours, displayName: 'Amy Member' }),
      factory.user(Role.EMPLOYER, { organisation: theirs, displayName: 'Other Member' }),
    ]);
    const MEMBERS = `{ me { organisation { id members { id displayName } } } }`;
    expect(ok(await api.gql(MEMBERS, {}, zed!.token)).me.organisation.members).toEqual([
      { id: amy!.user.id, displayName: 'Amy Member' },
      { id: zed!.user.id, displayName: 'Zed Member' },
    ]);
    expect(ok(await api.gql(MEMBERS, {}, other!.token)).me.organisation.members).toEqual([{ id: other!.user.id, displayName: 'Other Member' }]);
    // Staff reach the organisation through their approvals, and see no member.
    const APPROVALS = `{ organisationApprovals(first: 100) { edges { node { organisation { id members { id } } } } } }`;
    const seen = ok(await api.gql(APPROVALS, {}, staffA.token)).organisationApprovals.edges.map((e: { node: { organisation: { id: string; members: unknown[] } } }) => e.node.organisation);
    expect(seen.find((o: { id: string }) => o.id === ours.id)).toEqual({ id: ours.id, members: [] });
    // Staff of the other institution, which was never asked, do not reach it at all.
    const seenByB = ok(await api.gql(APPROVALS, {}, staffB.token)).organisationApprovals.edges.map((e: { node: { organisation: { id: string } } }) => e.node.organisation.id);
    expect(seenByB).not.toContain(ours.id);
  });

  it('lets only the person edit their profile, validating what they write', async () => {
    const person = await factory.user(Role.ALUMNUS, { institution: a });
    const updated = ok(
      await api.gql(
        `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { headline sectors skills links { label url } visibility } }`,
        { input: { headline: 'Barrister', sectors: [' law ', 'law', 'policy'], links: [{ label: 'Site', url: 'https://example.org' }], visibility: 'PUBLIC' } },
        person.token,
      ),
    ).updateProfile;
    expect(updated).toEqual({ headline: 'Barrister', sectors: ['law', 'policy'], skills: [], links: [{ label: 'Site', url: 'https://example.org' }], visibility: 'PUBLIC' });

    const before = ok(await api.gql(`{ me { profile { headline links { url } } } }`, {}, person.token));
    const bad = await api.gql(UPDATE_PROFILE, { input: { headline: 'New', links: [{ label: 'x', url: 'javascript:alert(1)' }] } }, person.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions['fields']).toHaveProperty(['links.0.url']);
    expect(ok(await api.gql(`{ me { profile { headline links { url } } } }`, {}, person.token))).toEqual(before);
  });
});
