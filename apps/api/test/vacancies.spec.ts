import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution, Organisation } from '@careers/identity';
import { CREATE_ALERT, DECIDE_VACANCY, errorCode, Factory, ok, POST_VACANCY, startApi, SUBMIT_VACANCY, type TestApi, type TestUser, twoTenants, UPDATE_VACANCY } from '@careers/testing';
import { AlertMatcher, VacanciesService } from '@careers/vacancies';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';
const CLOSE = `mutation($id: ID!) { closeVacancy(id: $id) { id status } }`;
const RENEW = `mutation($i: RenewVacancyInput!) { renewVacancy(input: $i) { id status closesAt expiresAt } }`;
const GET = `query($id: ID!) { vacancy(id: $id) { id status title targets { institutionId decision reason } } }`;
const SEARCH = `query($q: String, $f: VacancyFilter, $first: Int, $after: String) {
  vacancies(query: $q, filter: $f, first: $first, after: $after) { edges { node { id title } } pageInfo { hasNextPage endCursor } } }`;
const ORG_VACANCIES = `query($s: VacancyStatus) { organisationVacancies(status: $s, first: 50) { edges { node { id status } } } }`;
const APPROVALS = `query { vacancyApprovals(first: 50) { edges { node { id title } } } }`;

const FULL = `query($id: ID!) { vacancy(id: $id) { id status title description sector location remote type salary { min max currency } closesAt expiresAt applyUrl applyEmail } }`;

const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();

/** A vacancy as a test writes it: every required field, overridable. */
const vacancy = (over: Record<string, unknown> = {}) => ({
  title: 'Graduate data analyst',
  description: 'Join our **analytics** team. <script>alert(1)</script> Work with [data](javascript:alert(1)) every day.',
  sector: 'Data and analytics',
  location: 'Leeds, West Yorkshire',
  remote: 'HYBRID',
  type: 'GRADUATE_JOB',
  salaryMin: 28000,
  salaryMax: 32000,
  salaryCurrency: 'GBP',
  closesAt: inDays(30),
  applyUrl: 'https://jobs.example.com/analyst',
  employerName: 'Acme Analytics', // staff name the employer; employers post for their own organisation
  submit: true,
  ...over,
});

describe('vacancies: posting, approval and who may do what', () => {
  let api: TestApi;
  let factory: Factory;
  let a: Institution;
  let b: Institution;
  let c: Institution;
  let org: Organisation;
  let employer: TestUser;
  let colleague: TestUser;
  let otherEmployer: TestUser;
  let staffA: TestUser;
  let staffB: TestUser;
  let studentA: TestUser;
  let studentB: TestUser;
  let studentC: TestUser;

  beforeAll(async () => {
    api = await startApi(createApiApp);
    factory = new Factory(api);
    ({ a, b, org, employer, stranger: otherEmployer, staffA, staffB, studentA, studentB } = await twoTenants(factory));
    c = await factory.institution();
    [colleague, studentC] = await Promise.all([factory.user(Role.EMPLOYER, { organisation: org }), factory.user(Role.STUDENT, { institution: c })]);
  });
  afterAll(() => api.close());

  it('takes an employer vacancy to approval at each target; each institution decides for its own students', async () => {
    const posted = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [a.id, b.id] }) }, employer.token)).postVacancy;
    expect(posted).toMatchObject({ status: 'PENDING_APPROVAL', employerName: org.name, salary: { min: 28000, max: 32000, currency: 'GBP' } });
    expect(posted.targets).toEqual(expect.arrayContaining([expect.objectContaining({ institutionId: a.id, decision: 'PENDING' })]));
    // Markdown rendered, scripts and javascript: links gone.
    expect(posted.descriptionHtml).toContain('<strong>analytics</strong>');
    expect(posted.descriptionHtml).not.toMatch(/script|javascript:/i);

    // Nobody sees it but its organisation and the staff of its targets until it is approved.
    expect(errorCode(await api.gql(GET, { id: posted.id }, studentA.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(GET, { id: posted.id }, otherEmployer.token))).toBe('NOT_FOUND');
    expect(ok(await api.gql(GET, { id: posted.id }, colleague.token)).vacancy.status).toBe('PENDING_APPROVAL');
    expect(ok(await api.gql(APPROVALS, {}, staffA.token)).vacancyApprovals.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(posted.id);

    // Employers cannot approve; staff of B cannot decide for A.
    expect(errorCode(await api.gql(DECIDE_VACANCY, { i: { vacancyId: posted.id, approve: true } }, employer.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(DECIDE_VACANCY, { i: { vacancyId: posted.id, institutionId: a.id, approve: true } }, staffB.token))).toBe('FORBIDDEN');

    const approved = ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: posted.id, approve: true } }, staffA.token)).decideVacancy;
    expect(approved.status).toBe('PUBLISHED');
    // Staff see their own institution's decision only.
    expect(approved.targets).toEqual([expect.objectContaining({ institutionId: a.id, decision: 'APPROVED' })]);
    expect(ok(await api.gql(GET, { id: posted.id }, studentA.token)).vacancy.title).toBe('Graduate data analyst');
    expect(errorCode(await api.gql(GET, { id: posted.id }, studentB.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(GET, { id: posted.id }, studentC.token))).toBe('NOT_FOUND');

    // B rejects with a reason the employer sees; A's students still see it.
    expect(errorCode(await api.gql(DECIDE_VACANCY, { i: { vacancyId: posted.id, approve: false } }, staffB.token))).toBe('BAD_USER_INPUT');
    ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: posted.id, approve: false, reason: 'Please state the working hours.' } }, staffB.token));
    const seen = ok(await api.gql(GET, { id: posted.id }, employer.token)).vacancy;
    expect(seen.status).toBe('PUBLISHED');
    expect(seen.targets).toEqual(
      expect.arrayContaining([{ institutionId: b.id, decision: 'REJECTED', reason: 'Please state the working hours.' }]),
    );
    expect(errorCode(await api.gql(GET, { id: posted.id }, studentB.token))).toBe('NOT_FOUND');
  });

  it("tells each viewer whether they are the poster, and names each target institution", async () => {
    const MINE = `query($id: ID!) { vacancy(id: $id) { id viewerCanEdit targets { institutionId institutionName decision } } }`;
    const posted = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [a.id, b.id] }) }, employer.token)).postVacancy;
    const asPoster = ok(await api.gql(MINE, { id: posted.id }, colleague.token)).vacancy;
    expect(asPoster.viewerCanEdit).toBe(true);
    expect(asPoster.targets).toEqual(
      expect.arrayContaining([
        { institutionId: a.id, institutionName: a.name, decision: 'PENDING' },
        { institutionId: b.id, institutionName: b.name, decision: 'PENDING' },
      ]),
    );
    // Staff of a target see it, and their own institution's name, but it is not theirs to change.
    const asTarget = ok(await api.gql(MINE, { id: posted.id }, staffB.token)).vacancy;
    expect(asTarget).toEqual({ id: posted.id, viewerCanEdit: false, targets: [{ institutionId: b.id, institutionName: b.name, decision: 'PENDING' }] });

    // Staff who posted directly are its poster; a colleague of theirs too, staff of another target not.
    const direct = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [a.id, b.id] }) }, staffA.token)).postVacancy;
    expect(ok(await api.gql(MINE, { id: direct.id }, staffA.token)).vacancy.viewerCanEdit).toBe(true);
    expect(ok(await api.gql(MINE, { id: direct.id }, staffB.token)).vacancy.viewerCanEdit).toBe(false);
    expect(ok(await api.gql(MINE, { id: direct.id }, studentA.token)).vacancy.viewerCanEdit).toBe(false);
  });

  it('lets the poster switch how to apply (null clears one way), but never leave none', async () => {
    const posted = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [a.id], submit: false }) }, employer.token)).postVacancy;
    const switched = ok(await api.gql(UPDATE_VACANCY, { i: { id: posted.id, applyUrl: null, applyEmail: 'jobs@acme.example' } }, colleague.token)).updateVacancy;
    expect(ok(await api.gql(FULL, { id: switched.id }, employer.token)).vacancy).toMatchObject({ applyUrl: null, applyEmail: 'jobs@acme.example' });
    const none = await api.gql(UPDATE_VACANCY, { i: { id: posted.id, applyEmail: null } }, employer.token);
    expect(errorCode(none)).toBe('BAD_USER_INPUT');
    expect(none.errors?.[0]?.extensions?.['field']).toBe('applyUrl');
    expect(ok(await api.gql(FULL, { id: posted.id }, employer.token)).vacancy.applyEmail).toBe('jobs@acme.example');
  });

  it("shows a vacancy's alert figures to every member of its organisation, and to nobody outside who cannot see it", async () => {
    const FIGURES = `query($id: ID!) { vacancy(id: $id) { id alertFigures { matched inApp email webhook feed } } }`;
    const posted = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [a.id] }) }, employer.token)).postVacancy;
    ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: posted.id, approve: true } }, staffA.token));
    // The colleague did not post it, but it is their organisation's.
    expect(ok(await api.gql(FIGURES, { id: posted.id }, colleague.token)).vacancy.alertFigures).toEqual({ matched: 0, inApp: 0, email: 0, webhook: 0, feed: 0 });
    expect(ok(await api.gql(FIGURES, { id: posted.id }, staffA.token)).vacancy.alertFigures.matched).toBe(0);
    expect(errorCode(await api.gql(FIGURES, { id: posted.id }, otherEmployer.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(FIGURES, { id: posted.id }, staffB.token))).toBe('NOT_FOUND');
    // A student of A sees the vacancy, not its figures.
    expect(errorCode(await api.gql(FIGURES, { id: posted.id }, studentA.token))).toBe('FORBIDDEN');
  });

  it('rejects a vacancy everywhere it was sent, and takes it back after an edit', async () => {
    const posted = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [a.id] }) }, employer.token)).postVacancy;
    const rejected = ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: posted.id, approve: false, reason: 'Salary missing for part-time' } }, staffA.token));
    expect(rejected.decideVacancy.status).toBe('REJECTED');
    ok(await api.gql(UPDATE_VACANCY, { i: { id: posted.id, title: 'Graduate data analyst (full time)' } }, employer.token));
    expect(ok(await api.gql(SUBMIT_VACANCY, { id: posted.id }, employer.token)).submitVacancy.status).toBe('PENDING_APPROVAL');
  });

  it('lets staff post directly for their own institution, and never lets an employer publish', async () => {
    const direct = ok(await api.gql(POST_VACANCY, { i: vacancy({ employerName: 'Leeds City Council' }) }, staffA.token)).postVacancy;
    expect(direct).toMatchObject({ status: 'PUBLISHED', employerName: 'Leeds City Council' });

    // An employer's edit of a published vacancy goes back to review.
    const posted = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [a.id] }) }, employer.token)).postVacancy;
    ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: posted.id, approve: true } }, staffA.token));
    const edited = ok(await api.gql(UPDATE_VACANCY, { i: { id: posted.id, title: 'Senior data analyst' } }, employer.token)).updateVacancy;
    expect(edited.status).toBe('PENDING_APPROVAL');
    expect(errorCode(await api.gql(GET, { id: posted.id }, studentA.token))).toBe('NOT_FOUND');

    // Another organisation's employer can neither see nor touch it, nor submit for institutions that did not approve them.
    expect(errorCode(await api.gql(UPDATE_VACANCY, { i: { id: posted.id, title: 'Hijacked' } }, otherEmployer.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(CLOSE, { id: posted.id }, otherEmployer.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [c.id] }) }, employer.token))).toBe('BAD_USER_INPUT');
    const drafts = ok(await api.gql(ORG_VACANCIES, { s: 'PENDING_APPROVAL' }, otherEmployer.token)).organisationVacancies.edges;
    expect(drafts.map((e: { node: { id: string } }) => e.node.id)).not.toContain(posted.id);
    // Students cannot post at all.
    expect(errorCode(await api.gql(POST_VACANCY, { i: vacancy() }, studentA.token))).toBe('FORBIDDEN');
    // A draft is seen by its organisation only.
    const draft = ok(await api.gql(POST_VACANCY, { i: vacancy({ submit: false, targetInstitutionIds: [a.id] }) }, employer.token)).postVacancy;
    expect(draft.status).toBe('DRAFT');
    expect(errorCode(await api.gql(GET, { id: draft.id }, staffA.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(GET, { id: draft.id }, otherEmployer.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(DECIDE_VACANCY, { i: { vacancyId: draft.id, approve: true } }, staffA.token))).toBe('NOT_FOUND');
  });

  it('refuses bad input with BAD_USER_INPUT and writes nothing', async () => {
    const count = async () => ok(await api.gql(ORG_VACANCIES, {}, employer.token)).organisationVacancies.edges.length;
    const before = await count();
    const cases: Record<string, unknown>[] = [
      { closesAt: inDays(-1) },
      { salaryMin: 40000, salaryMax: 30000 },
      { title: 'x'.repeat(100_000) },
      { closesAt: inDays(400) },
      { expiresAt: inDays(500) },
      { closesAt: inDays(30), expiresAt: inDays(10) },
      { salaryCurrency: 'pounds' },
      { applyUrl: 'javascript:alert(1)' },
      { applyUrl: undefined },
      { remote: 'SOMETIMES' },
    ];
    for (const over of cases) {
      const result = await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [a.id], ...over }) }, employer.token);
      expect([over, errorCode(result)]).toEqual([over, 'BAD_USER_INPUT']);
    }
    expect(await count()).toBe(before);
  });

  it('closes and renews: a renewed vacancy is published again without a new approval', async () => {
    const posted = ok(await api.gql(POST_VACANCY, { i: vacancy() }, staffA.token)).postVacancy;
    expect(ok(await api.gql(CLOSE, { id: posted.id }, staffA.token)).closeVacancy.status).toBe('CLOSED');
    expect(errorCode(await api.gql(GET, { id: posted.id }, studentA.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(RENEW, { i: { id: posted.id, closesAt: inDays(20), expiresAt: inDays(400) } }, staffA.token))).toBe('BAD_USER_INPUT');
    const renewed = ok(await api.gql(RENEW, { i: { id: posted.id, closesAt: inDays(20) } }, staffA.token)).renewVacancy;
    expect(renewed.status).toBe('PUBLISHED');
    expect(ok(await api.gql(GET, { id: posted.id }, studentA.token)).vacancy.id).toBe(posted.id);
  });

  it('closes vacancies past their closing time and expires those past expiry, on the schedule', async () => {
    const db = api.app.get(DataSource);
    const posted = ok(await api.gql(POST_VACANCY, { i: vacancy() }, staffA.token)).postVacancy;
    const closing = ok(await api.gql(POST_VACANCY, { i: vacancy() }, staffA.token)).postVacancy;
    await db.query(`UPDATE vacancy SET closes_at = now() - interval '1 minute', expires_at = now() - interval '1 second' WHERE id = $1`, [posted.id]);
    await db.query(`UPDATE vacancy SET closes_at = now() - interval '1 minute' WHERE id = $1`, [closing.id]);
    await api.app.get(VacanciesService).closeAndExpire();
    expect(ok(await api.gql(GET, { id: posted.id }, staffA.token)).vacancy.status).toBe('EXPIRED');
    expect(ok(await api.gql(GET, { id: closing.id }, staffA.token)).vacancy.status).toBe('CLOSED');
  });

  describe('search', () => {
    let school: Institution;
    let staff: TestUser;
    let student: TestUser;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      school = await factory.institution();
      [staff, student] = await Promise.all([factory.user(Role.STAFF, { institution: school }), factory.user(Role.STUDENT, { institution: school })]);
      const post = async (key: string, over: Record<string, unknown>) => {
        ids[key] = ok(await api.gql(POST_VACANCY, { i: vacancy({ employerName: `Employer ${key}`, ...over }) }, staff.token)).postVacancy.id;
      };
      // Sequential, so "newest first" is well defined.
      await post('titleMatch', { title: 'Data engineer', description: 'Build pipelines for our finance teams every day.', sector: 'Technology', location: 'Leeds' });
      await post('descriptionMatch', { title: 'Finance graduate', description: 'Some data work with spreadsheets and reports.', sector: 'Finance', location: 'York' });
      await post('unrelated', { title: 'Museum volunteer', description: 'Welcome visitors to the café and the galleries.', sector: 'Arts', location: 'Manchester', type: 'VOLUNTEERING', remote: 'ON_SITE', salaryMin: null, salaryMax: null, salaryCurrency: null });
      await post('remoteHigh', { title: 'Software engineering intern', description: 'Remote internship writing TypeScript services.', sector: 'Technology', location: 'London', remote: 'REMOTE', type: 'INTERNSHIP', salaryMin: 30000, salaryMax: 45000 });
      // Another institution's vacancy never shows up.
      ok(await api.gql(POST_VACANCY, { i: vacancy({ title: 'Data scientist elsewhere' }) }, staffA.token));
    });

    const titles = async (vars: Record<string, unknown>) =>
      ok(await api.gql(SEARCH, { first: 20, ...vars }, student.token)).vacancies.edges.map((e: { node: { title: string } }) => e.node.title);

    it('ranks title matches above description matches, and finds stems, accents and partial words', async () => {
      expect(await titles({ q: 'data' })).toEqual(['Data engineer', 'Finance graduate']);
      expect((await titles({ q: 'engineers' })).sort()).toEqual(['Data engineer', 'Software engineering intern']);
      expect(await titles({ q: 'CAFE' })).toEqual(['Museum volunteer']);
      expect(await titles({ q: 'enginee' })).toEqual(expect.arrayContaining(['Data engineer', 'Software engineering intern']));
      expect(await titles({ q: 'volunt' })).toEqual(['Museum volunteer']);
      expect(await titles({ q: 'astrophysics' })).toEqual([]);
    });

    it('filters by sector, location, remote, type and salary', async () => {
      expect(await titles({ f: { sector: 'technology' } })).toEqual(['Software engineering intern', 'Data engineer']);
      expect(await titles({ f: { location: 'leeds' } })).toEqual(['Data engineer']);
      expect(await titles({ f: { remote: ['REMOTE'] } })).toEqual(['Software engineering intern']);
      expect(await titles({ f: { types: ['VOLUNTEERING', 'INTERNSHIP'] } })).toEqual(['Software engineering intern', 'Museum volunteer']);
      expect(await titles({ f: { salaryMin: 45000, salaryCurrency: 'GBP' } })).toEqual(['Software engineering intern']);
      expect(await titles({ f: { salaryMin: 45001, salaryCurrency: 'GBP' } })).toEqual([]);
      expect(await titles({ q: 'engineer', f: { remote: ['HYBRID'] } })).toEqual(['Data engineer']);
      expect(errorCode(await api.gql(SEARCH, { f: { salaryMin: 1000 } }, student.token))).toBe('BAD_USER_INPUT');
    });

    it('pages through ranked results with cursors, without repeats', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: { edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = ok(
          await api.gql(SEARCH, { q: 'data', first: 1, after }, student.token),
        ).vacancies;
        seen.push(...page.edges.map((e) => e.node.title));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(['Data engineer', 'Finance graduate']);
      expect(new Set(seen).size).toBe(seen.length);
      expect(errorCode(await api.gql(SEARCH, { first: 1, after: 'bm90IGEgY3Vyc29y' }, student.token))).toBe('BAD_USER_INPUT');
    });
  });
});

type Submitted = { vacancyId: string; title: string; employerName: string; edited: boolean; awaiting: { institutionId: string; staffIds: string[] }[] };
/** The vacancy's `vacancies.vacancy-submitted` events, oldest first, their institutions and staff in id order. */
const submittedEvents = async (db: DataSource, vacancyId: string): Promise<Submitted[]> =>
  (await db.query(`SELECT payload FROM outbox_event WHERE aggregate_id = $1 AND type = 'vacancies.vacancy-submitted' ORDER BY seq`, [vacancyId])).map(
    (r: { payload: Submitted }) => ({ ...r.payload, awaiting: sorted(r.payload.awaiting) }),
  );
/** Institutions in id order, each with its staff in id order. */
const sorted = (targets: Submitted['awaiting']) =>
  targets.map((t) => ({ institutionId: t.institutionId, staffIds: [...t.staffIds].sort() })).sort((p, q) => p.institutionId.localeCompare(q.institutionId));
const awaiting = (...targets: [Institution, TestUser[]][]) => sorted(targets.map(([i, staff]) => ({ institutionId: i.id, staffIds: staff.map((s) => s.user.id) })));

describe('vacancies: careers staff are asked to decide', () => {
  // Institutions of their own, so the staff lists in the events are exactly these people.
  let api: TestApi;
  let db: DataSource;
  let factory: Factory;
  let x: Institution;
  let y: Institution;
  let z: Institution;
  let org: Organisation;
  let employer: TestUser;
  let staffX1: TestUser;
  let staffX2: TestUser;
  let staffY: TestUser;

  beforeAll(async () => {
    api = await startApi(createApiApp);
    db = api.app.get(DataSource);
    factory = new Factory(api);
    ({ a: x, b: y, org, employer, staffA: staffX1, staffB: staffY } = await twoTenants(factory));
    z = await factory.institution();
    [staffX2] = await Promise.all([
      factory.user(Role.STAFF, { institution: x }),
      // Neither an admin who belongs to X, nor the staff of an institution it does not target, decides on it.
      factory.user(Role.ADMIN, { institution: x }),
      factory.user(Role.STAFF, { institution: z }),
    ]);
  });
  afterAll(() => api.close());

  const submitted = (vacancyId: string) => submittedEvents(db, vacancyId);

  it('names the staff of every target institution when an employer submits, and again when their edit sends it back', async () => {
    const posted = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [x.id, y.id] }) }, employer.token)).postVacancy;
    const [first, ...more] = await submitted(posted.id);
    expect(more).toEqual([]);
    expect(first).toEqual({ vacancyId: posted.id, title: 'Graduate data analyst', employerName: org.name, edited: false, awaiting: awaiting([x, [staffX1, staffX2]], [y, [staffY]]) });

    // A decision asks nobody again.
    ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: posted.id, approve: true } }, staffX1.token));
    expect(await submitted(posted.id)).toHaveLength(1);

    // The employer's edit of the published vacancy: every target decides afresh, and is asked to.
    ok(await api.gql(UPDATE_VACANCY, { i: { id: posted.id, title: 'Senior data analyst' } }, employer.token));
    const [, again] = await submitted(posted.id);
    expect(again).toEqual({ vacancyId: posted.id, title: 'Senior data analyst', employerName: org.name, edited: true, awaiting: awaiting([x, [staffX1, staffX2]], [y, [staffY]]) });
  });

  it("asks only the institutions left to decide: never the poster's own, never for drafts", async () => {
    // Staff post directly for their own institution: only the other target is asked.
    const byStaff = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [x.id, y.id] }) }, staffX1.token)).postVacancy;
    expect(byStaff.status).toBe('PUBLISHED');
    expect((await submitted(byStaff.id)).map((e) => e.awaiting)).toEqual([awaiting([y, [staffY]])]);
    const ownOnly = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [x.id] }) }, staffX1.token)).postVacancy;
    expect(await submitted(ownOnly.id)).toEqual([]);

    // A draft asks nobody until it is submitted.
    const draft = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [y.id], submit: false }) }, employer.token)).postVacancy;
    expect(await submitted(draft.id)).toEqual([]);
    ok(await api.gql(SUBMIT_VACANCY, { id: draft.id }, employer.token));
    expect((await submitted(draft.id)).map((e) => e.awaiting)).toEqual([awaiting([y, [staffY]])]);
  });
});

describe("vacancies: staff powers stop at their own institution's students", () => {
  // Institutions of their own, so the staff lists in the events are exactly these people.
  let api: TestApi;
  let db: DataSource;
  let factory: Factory;
  let a: Institution;
  let b: Institution;
  let c: Institution;
  let employer: TestUser;
  let otherEmployer: TestUser;
  let staffA: TestUser;
  let colleagueA: TestUser;
  let staffB: TestUser;
  let staffC: TestUser;
  let studentA: TestUser;
  let studentB: TestUser;

  beforeAll(async () => {
    api = await startApi(createApiApp);
    db = api.app.get(DataSource);
    factory = new Factory(api);
    let otherOrg: Organisation;
    ({ a, b, otherOrg, employer, stranger: otherEmployer, staffA, staffB, studentA, studentB } = await twoTenants(factory));
    c = await factory.institution();
    await factory.approveOrganisation(otherOrg, b);
    [colleagueA, staffC] = await Promise.all([factory.user(Role.STAFF, { institution: a }), factory.user(Role.STAFF, { institution: c })]);
  });
  afterAll(() => api.close());

  const decisions = async (id: string, viewer: TestUser) =>
    Object.fromEntries(
      ok(await api.gql(GET, { id }, viewer.token)).vacancy.targets.map((t: { institutionId: string; decision: string }) => [t.institutionId, t.decision]),
    );

  it("lets staff of B neither edit, retarget, close, renew nor resubmit a vacancy A approved; they decide for B's students only", async () => {
    // The same holds whoever posted it: an employer, or A's careers staff.
    for (const poster of [employer, staffA]) {
      const { id } = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [a.id, b.id] }) }, poster.token)).postVacancy;
      if (poster === employer) ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: id, approve: true } }, staffA.token));
      const approvedByA = ok(await api.gql(FULL, { id }, studentA.token)).vacancy;
      expect(approvedByA).toMatchObject({ status: 'PUBLISHED', title: 'Graduate data analyst' });
      expect(await decisions(id, poster)).toEqual({ [a.id]: 'APPROVED', [b.id]: 'PENDING' });

      const attempts: [string, string, Record<string, unknown>][] = [
        ['edit the text', UPDATE_VACANCY, { i: { id, title: 'Rewritten at B', description: 'Whatever B says A students should read now.' } }],
        ['edit the terms', UPDATE_VACANCY, { i: { id, salaryMin: 1, salaryMax: 2, closesAt: inDays(3), applyUrl: 'https://b.example.org/apply' } }],
        ['remove A from the targets', UPDATE_VACANCY, { i: { id, targetInstitutionIds: [b.id] } }],
        ['close it', CLOSE, { id }],
        ['renew it', RENEW, { i: { id, closesAt: inDays(90) } }],
        ['submit it again', SUBMIT_VACANCY, { id }],
        ["decide for A's students", DECIDE_VACANCY, { i: { vacancyId: id, institutionId: a.id, approve: false, reason: 'Not for A students.' } }],
      ];
      for (const [what, mutation, variables] of attempts) {
        const result = await api.gql(mutation, variables, staffB.token);
        expect([what, errorCode(result)]).toEqual([what, 'FORBIDDEN']);
      }
      // The refusal says what staff of B may do instead.
      expect((await api.gql(UPDATE_VACANCY, { i: { id, title: 'Rewritten at B' } }, staffB.token)).errors![0]!.message).toContain('decideVacancy');
      // Another organisation's employer does not even find it.
      expect(errorCode(await api.gql(UPDATE_VACANCY, { i: { id, title: 'Hijacked' } }, otherEmployer.token))).toBe('NOT_FOUND');

      // A's students see exactly what A approved; nothing changed anywhere.
      expect(ok(await api.gql(FULL, { id }, studentA.token)).vacancy).toEqual(approvedByA);
      expect(await decisions(id, poster)).toEqual({ [a.id]: 'APPROVED', [b.id]: 'PENDING' });

      // B decides for B: approving shows it to B's students, rejecting (with a reason) takes it away from them alone.
      ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: id, approve: true } }, staffB.token));
      expect(ok(await api.gql(GET, { id }, studentB.token)).vacancy.title).toBe('Graduate data analyst');
      ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: id, approve: false, reason: 'Not a fit for our students.' } }, staffB.token));
      expect(errorCode(await api.gql(GET, { id }, studentB.token))).toBe('NOT_FOUND');
      expect(ok(await api.gql(FULL, { id }, studentA.token)).vacancy).toEqual(approvedByA);
    }
  });

  it("lets staff of a target change nothing of an employer's vacancy, not even for their own students", async () => {
    const { id } = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [a.id, b.id] }) }, employer.token)).postVacancy;
    ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: id, approve: true } }, staffA.token));
    const approvedByA = ok(await api.gql(FULL, { id }, studentA.token)).vacancy;
    expect(errorCode(await api.gql(UPDATE_VACANCY, { i: { id, title: 'Edited by A' } }, staffA.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(CLOSE, { id }, staffA.token))).toBe('FORBIDDEN');
    expect(ok(await api.gql(FULL, { id }, studentA.token)).vacancy).toEqual(approvedByA);
  });

  it("sends the poster's edit back to every other institution whose students see it, and asks their staff again", async () => {
    // Posted by A's careers staff for A and B; B approves.
    const { id } = ok(await api.gql(POST_VACANCY, { i: vacancy({ employerName: 'Leeds City Council', targetInstitutionIds: [a.id, b.id] }) }, staffA.token)).postVacancy;
    ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: id, approve: true } }, staffB.token));
    expect(ok(await api.gql(GET, { id }, studentB.token)).vacancy.title).toBe('Graduate data analyst');

    // A colleague at A edits it (the poster is A's careers service, not one person): still published for A, back to B.
    const edited = ok(await api.gql(UPDATE_VACANCY, { i: { id, title: 'Senior data analyst' } }, colleagueA.token)).updateVacancy;
    expect(edited.status).toBe('PUBLISHED');
    expect(await decisions(id, colleagueA)).toEqual({ [a.id]: 'APPROVED', [b.id]: 'PENDING' });
    expect(ok(await api.gql(GET, { id }, studentA.token)).vacancy.title).toBe('Senior data analyst');
    expect(errorCode(await api.gql(GET, { id }, studentB.token))).toBe('NOT_FOUND');
    const [, again, ...more] = await submittedEvents(db, id);
    expect(more).toEqual([]);
    expect(again).toMatchObject({ title: 'Senior data analyst', edited: true, awaiting: awaiting([b, [staffB]]) });
    expect(ok(await api.gql(APPROVALS, {}, staffB.token)).vacancyApprovals.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);

    // B approves what is there now.
    ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: id, approve: true } }, staffB.token));
    expect(ok(await api.gql(GET, { id }, studentB.token)).vacancy.title).toBe('Senior data analyst');

    // Adding a target changes nothing A's or B's students see: they keep their decisions; only C is asked.
    ok(await api.gql(UPDATE_VACANCY, { i: { id, targetInstitutionIds: [a.id, b.id, c.id] } }, colleagueA.token));
    expect(await decisions(id, staffA)).toEqual({ [a.id]: 'APPROVED', [b.id]: 'APPROVED', [c.id]: 'PENDING' });
    expect((await submittedEvents(db, id)).slice(2)).toEqual([expect.objectContaining({ edited: false, awaiting: awaiting([c, [staffC]]) })]);

    // The poster may take a target away; the one left still shows it.
    expect(ok(await api.gql(UPDATE_VACANCY, { i: { id, targetInstitutionIds: [a.id, c.id] } }, staffA.token)).updateVacancy.status).toBe('PUBLISHED');
    expect(errorCode(await api.gql(GET, { id }, studentB.token))).toBe('NOT_FOUND');
    expect(ok(await api.gql(GET, { id }, studentA.token)).vacancy.title).toBe('Senior data analyst');
  });

  it('matches no alert of an institution the vacancy went back to until it approves it again', async () => {
    const { id } = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [a.id, b.id] }) }, staffA.token)).postVacancy;
    ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: id, approve: true } }, staffB.token));
    /** The institutions of the vacancy's latest `vacancies.vacancy-published` event: what the worker will match for. */
    const published = async (): Promise<string[]> =>
      (await db.query(`SELECT payload FROM outbox_event WHERE aggregate_id = $1 AND type = 'vacancies.vacancy-published' ORDER BY seq DESC LIMIT 1`, [id]))[0]
        .payload.institutionIds;
    const approvedByBoth = await published();
    expect([...approvedByBoth].sort()).toEqual([a.id, b.id].sort());

    // A's edit sends it back to B before the worker took that event; a student of B then sets an alert it matches.
    ok(await api.gql(UPDATE_VACANCY, { i: { id, title: 'Graduate quantum analyst' } }, staffA.token));
    ok(await api.gql(CREATE_ALERT, { i: { name: 'Quantum', keywords: ['quantum'] } }, studentB.token));

    /** Matches as the worker does for an event, and reads what is stored (a worker of another test file may match first). */
    const matchedAtB = async (institutionIds: string[]) => {
      await db.transaction((tx) => new AlertMatcher().match(tx, id, institutionIds));
      return (await db.query(`SELECT 1 FROM alert_match WHERE vacancy_id = $1 AND user_id = $2`, [id, studentB.user.id])).length;
    };
    // The late event of before the edit reaches nobody at B: B has not seen this text.
    expect(await matchedAtB(approvedByBoth)).toBe(0);
    expect(await matchedAtB(await published())).toBe(0);

    // B approves it again: its students' alerts match.
    ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: id, approve: true } }, staffB.token));
    expect(await matchedAtB(await published())).toBe(1);
  });
});
