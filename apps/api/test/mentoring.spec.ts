import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import { ADD_NETWORK_WANT, countStatements, errorCode, eventually, Factory, lockWorkerTests, ok, startApi, startWorkerProcess, type TestApi, type TestUser, twoTenants } from '@careers/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';

const PROFILE = `id displayName course graduationYear sectors skills organisations languages topics offers capacity placesFree acceptingRequests optedOut about`;
const BECOME = `mutation($i: BecomeMentorInput!) { becomeMentor(input: $i) { ${PROFILE} } }`;
const UPDATE = `mutation($i: UpdateMentorProfileInput!) { updateMentorProfile(input: $i) { ${PROFILE} } }`;
const STOP = `mutation { stopMentoring { id optedOut acceptingRequests } }`;
const MINE = `query { myMentorProfile { ${PROFILE} } }`;
const GET = `query($id: ID!) { mentor(id: $id) { id displayName acceptingRequests optedOut } }`;
const DIRECTORY = `query($f: MentorFilter, $first: Int, $after: String) {
  mentors(filter: $f, first: $first, after: $after) { edges { node { id displayName } } pageInfo { hasNextPage endCursor } } }`;
const SUGGEST = `query($first: Int) { mentorSuggestions(first: $first) { score reasons mentor { id displayName } } }`;
const SET_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { course } }`;

const names = (r: { mentors: { edges: { node: { displayName: string } }[] } }) => r.mentors.edges.map((e) => e.node.displayName);

describe('mentoring: mentor profiles, the directory and suggestions', () => {
  let api: TestApi;
  let factory: Factory;
  let db: DataSource;
  let a: Institution;
  let b: Institution;
  let staffA: TestUser;
  let staffB: TestUser;
  let studentA: TestUser;
  let studentB: TestUser;
  let employer: TestUser;
  let admin: TestUser;

  /** An alumnus of `institution` with a profile (course, graduation year) who offers mentoring with `profile`. */
  async function mentor(institution: Institution, displayName: string, profile: Record<string, unknown>, course?: string): Promise<TestUser> {
    const person = await factory.user(Role.ALUMNUS, { institution, displayName });
    if (course) ok(await api.gql(SET_PROFILE, { input: { course, graduationYear: 2015 } }, person.token));
    ok(await api.gql(BECOME, { i: { offers: ['CONVERSATION'], capacity: 3, ...profile } }, person.token));
    return person;
  }

  /** `count` active mentorships of `mentorOf` with fresh mentees (the requests slice will write these). */
  async function activeMentees(mentorOf: TestUser, count: number): Promise<void> {
    await db.query(
      `INSERT INTO mentorship (mentor_id, mentee_id, status, started_at) SELECT $1, gen_random_uuid(), 'ACTIVE', now() FROM generate_series(1, $2)`,
      [mentorOf.user.id, count],
    );
  }

  beforeAll(async () => {
    api = await startApi(createApiApp);
    factory = new Factory(api);
    db = api.app.get(DataSource);
    ({ a, b, staffA, staffB, studentA, studentB, employer, admin } = await twoTenants(factory));
  });
  afterAll(() => api.close());

  it('lets an alumnus opt in, change, pause, opt out and come back; course and graduation year come from the profile', async () => {
    const alumnus = await factory.user(Role.ALUMNUS, { institution: a, displayName: 'Olwen Owens' });
    expect(ok(await api.gql(MINE, {}, alumnus.token)).myMentorProfile).toBeNull();
    ok(await api.gql(SET_PROFILE, { input: { course: 'History', graduationYear: 2012 } }, alumnus.token));

    const created = ok(
      await api.gql(
        BECOME,
        { i: { sectors: ['Law', ' law ', ''], skills: ['Advocacy'], organisations: ['Crown Prosecution Service'], languages: ['Welsh'], topics: ['Pupillage'], offers: ['QUESTION', 'MENTORSHIP'], capacity: 2, about: 'Barrister in Cardiff.' } },
        alumnus.token,
      ),
    ).becomeMentor;
    expect(created).toMatchObject({
      id: alumnus.user.id,
      displayName: 'Olwen Owens',
      course: 'History',
      graduationYear: 2012,
      sectors: ['Law'],
      offers: ['QUESTION', 'MENTORSHIP'],
      capacity: 2,
      placesFree: 2,
      acceptingRequests: true,
      optedOut: false,
    });
    // Twice is a conflict: changes go through updateMentorProfile.
    expect(errorCode(await api.gql(BECOME, { i: { offers: ['QUESTION'], capacity: 2 } }, alumnus.token))).toBe('CONFLICT');

    // A change to the profile reaches the copy at the next save.
    ok(await api.gql(SET_PROFILE, { input: { course: 'Welsh history' } }, alumnus.token));
    const paused = ok(await api.gql(UPDATE, { i: { capacity: 5, acceptingRequests: false } }, alumnus.token)).updateMentorProfile;
    expect(paused).toMatchObject({ capacity: 5, acceptingRequests: false, course: 'Welsh history', sectors: ['Law'], about: 'Barrister in Cardiff.' });
    // Paused: out of the directory, still found by id in the network.
    expect(names(ok(await api.gql(DIRECTORY, { f: { search: 'Olwen' } }, studentA.token)))).toEqual([]);
    expect(ok(await api.gql(GET, { id: alumnus.user.id }, studentA.token)).mentor.acceptingRequests).toBe(false);
    ok(await api.gql(UPDATE, { i: { acceptingRequests: true } }, alumnus.token));
    expect(names(ok(await api.gql(DIRECTORY, { f: { search: 'Olwen' } }, studentA.token)))).toEqual(['Olwen Owens']);

    // Opted out: gone for everyone but them and their staff; updating needs becomeMentor first.
    expect(ok(await api.gql(STOP, {}, alumnus.token)).stopMentoring).toMatchObject({ optedOut: true, acceptingRequests: false });
    expect(names(ok(await api.gql(DIRECTORY, { f: { search: 'Olwen' } }, studentA.token)))).toEqual([]);
    expect(errorCode(await api.gql(GET, { id: alumnus.user.id }, studentA.token))).toBe('NOT_FOUND');
    expect(ok(await api.gql(GET, { id: alumnus.user.id }, staffA.token)).mentor.optedOut).toBe(true);
    expect(ok(await api.gql(MINE, {}, alumnus.token)).myMentorProfile.optedOut).toBe(true);
    expect(errorCode(await api.gql(UPDATE, { i: { capacity: 3 } }, alumnus.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(STOP, {}, alumnus.token))).toBe('NOT_FOUND');
    const back = ok(await api.gql(BECOME, { i: { offers: ['CV_FEEDBACK'], capacity: 1 } }, alumnus.token)).becomeMentor;
    expect(back).toMatchObject({ optedOut: false, acceptingRequests: true, offers: ['CV_FEEDBACK'], capacity: 1 });
  });

  it('lets only alumni mentor', async () => {
    for (const who of [studentA, staffA, employer, admin]) {
      expect(errorCode(await api.gql(BECOME, { i: { offers: ['QUESTION'], capacity: 2 } }, who.token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await api.gql(BECOME, { i: { offers: ['QUESTION'], capacity: 2 } }))).toBe('UNAUTHENTICATED');
  });

  it('refuses bad input with BAD_USER_INPUT and writes nothing', async () => {
    const alumnus = await factory.user(Role.ALUMNUS, { institution: a });
    const bad: Record<string, unknown>[] = [
      { offers: ['QUESTION'], capacity: 0 },
      { offers: ['QUESTION'], capacity: 10_000 },
      { offers: ['QUESTION'] },
      { capacity: 3 },
      { offers: [], capacity: 3 },
      { offers: ['LUNCH'], capacity: 3 },
      { offers: ['QUESTION'], capacity: 3, skills: Array.from({ length: 500 }, (_, i) => `skill ${i}`) },
      { offers: ['QUESTION'], capacity: 3, topics: ['x'.repeat(100_000)] },
      { offers: ['QUESTION'], capacity: 3, sectors: ['y'.repeat(61)] },
      { offers: ['QUESTION'], capacity: 3, about: 'z'.repeat(2001) },
    ];
    for (const i of bad) {
      const result = await api.gql(BECOME, { i }, alumnus.token);
      expect([i, errorCode(result)]).toEqual([i, 'BAD_USER_INPUT']);
    }
    expect(ok(await api.gql(MINE, {}, alumnus.token)).myMentorProfile).toBeNull();

    ok(await api.gql(BECOME, { i: { offers: ['QUESTION'], capacity: 3, skills: ['Excel'] } }, alumnus.token));
    for (const i of [{ capacity: 0 }, { capacity: 51 }, { offers: [] }, { skills: Array.from({ length: 21 }, (_, n) => `s${n}`) }]) {
      expect(errorCode(await api.gql(UPDATE, { i }, alumnus.token))).toBe('BAD_USER_INPUT');
    }
    expect(ok(await api.gql(MINE, {}, alumnus.token)).myMentorProfile).toMatchObject({ capacity: 3, skills: ['Excel'], offers: ['QUESTION'] });

    // Unknown and malformed ids; cursors and page sizes.
    expect(errorCode(await api.gql(GET, { id: '00000000-0000-4000-8000-000000000000' }, studentA.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(GET, { id: 'nope' }, studentA.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(DIRECTORY, { after: 'garbage' }, studentA.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(DIRECTORY, { first: 101 }, studentA.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(SUGGEST, { first: 21 }, studentA.token))).toBe('BAD_USER_INPUT');
  });

  it('shows each institution its own mentors only (the network setting is own institution)', async () => {
    const inA = await mentor(a, 'Aled Ashford', { sectors: ['Tenancy zzq'] });
    const inB = await mentor(b, 'Bronwen Baker', { sectors: ['Tenancy zzq'] });
    const f = { sector: 'tenancy ZZQ' };
    expect(names(ok(await api.gql(DIRECTORY, { f }, studentA.token)))).toEqual(['Aled Ashford']);
    expect(names(ok(await api.gql(DIRECTORY, { f }, studentB.token)))).toEqual(['Bronwen Baker']);
    expect(names(ok(await api.gql(DIRECTORY, { f }, staffB.token)))).toEqual(['Bronwen Baker']);
    expect(names(ok(await api.gql(DIRECTORY, { f }, admin.token))).sort()).toEqual(['Aled Ashford', 'Bronwen Baker']);
    expect(errorCode(await api.gql(DIRECTORY, { f }, employer.token))).toBe('FORBIDDEN');

    // By id: NOT_FOUND across institutions, for students and staff alike.
    expect(errorCode(await api.gql(GET, { id: inA.user.id }, studentB.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(GET, { id: inA.user.id }, staffB.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(GET, { id: inA.user.id }, employer.token))).toBe('NOT_FOUND');
    expect(ok(await api.gql(GET, { id: inB.user.id }, studentB.token)).mentor.displayName).toBe('Bronwen Baker');

    // Suggestions too: B's student with A's mentor's sector gets B's mentor only.
    ok(await api.gql(SET_PROFILE, { input: { sectors: ['Tenancy zzq'] } }, studentB.token));
    const suggested = ok(await api.gql(SUGGEST, {}, studentB.token)).mentorSuggestions;
    expect(suggested.map((s: { mentor: { displayName: string } }) => s.mentor.displayName)).toEqual(['Bronwen Baker']);
    expect(errorCode(await api.gql(SUGGEST, {}, inA.token))).toBe('FORBIDDEN');
  });

  it('filters the directory and searches it with partial words, a page at a time', async () => {
    const c = await factory.institution();
    const student = await factory.user(Role.STUDENT, { institution: c });
    await mentor(c, 'Carys Cadwaladr', { sectors: ['Engineering'], skills: ['CAD'], languages: ['Welsh'], offers: ['CV_FEEDBACK'], topics: ['Bridges and tunnels'] });
    await mentor(c, 'Dafydd Davies', { sectors: ['Law'], skills: ['Negotiation'], languages: ['English'], organisations: ['Café Société LLP'] });
    await mentor(c, 'Elin Evans', { sectors: ['Engineering'], skills: ['Python'], offers: ['MENTORSHIP'], about: 'I build tunnelling machines.' });
    const q = async (f: Record<string, unknown>) => names(ok(await api.gql(DIRECTORY, { f }, student.token))).sort();

    expect(await q({})).toEqual(['Carys Cadwaladr', 'Dafydd Davies', 'Elin Evans']);
    expect(await q({ sector: 'engineering' })).toEqual(['Carys Cadwaladr', 'Elin Evans']);
    expect(await q({ skill: 'python' })).toEqual(['Elin Evans']);
    expect(await q({ language: 'WELSH' })).toEqual(['Carys Cadwaladr']);
    expect(await q({ offer: 'MENTORSHIP' })).toEqual(['Elin Evans']);
    expect(await q({ sector: 'Engineering', offer: 'CV_FEEDBACK' })).toEqual(['Carys Cadwaladr']);
    // Partial words, accents folded, stems.
    expect(await q({ search: 'engin' })).toEqual(['Carys Cadwaladr', 'Elin Evans']);
    expect(await q({ search: 'cafe societe' })).toEqual(['Dafydd Davies']);
    expect(await q({ search: 'tunnel' })).toEqual(['Carys Cadwaladr', 'Elin Evans']);
    expect(await q({ search: 'nobody-here' })).toEqual([]);

    // Pages neither repeat nor skip.
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = ok(await api.gql(DIRECTORY, { first: 1, after }, student.token)).mentors;
      seen.push(...page.edges.map((e: { node: { displayName: string } }) => e.node.displayName));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(['Carys Cadwaladr', 'Dafydd Davies', 'Elin Evans']);
  });

  it('ranks suggestions on a table of hand-made cases, with the reasons in words', async () => {
    const u = await factory.institution();
    const elsewhere = await factory.institution();
    const student = await factory.user(Role.STUDENT, { institution: u });
    ok(
      await api.gql(
        SET_PROFILE,
        { input: { course: 'history', sectors: ['Law', 'Public sector'], skills: ['Python'], interests: ['Welsh', 'public policy'] } },
        student.token,
      ),
    );
    expect(ok(await api.gql(SUGGEST, {}, student.token)).mentorSuggestions).toEqual([]);
    // A gap on the student's network map (a wanted organisation no contact of theirs covers).
    ok(await api.gql(ADD_NETWORK_WANT, { i: { kind: 'ORGANISATION', value: 'arup' } }, student.token));

    // name, profile, course, active mentorships
    const cases: [string, Record<string, unknown>, string | undefined, number][] = [
      ['Sector and course', { sectors: ['law'] }, 'History', 0],
      ['Sector, two of three taken', { sectors: ['Law'] }, undefined, 2],
      ['Welsh and policy', { languages: ['Welsh'], topics: ['Public policy'] }, undefined, 0],
      ['Two sectors', { sectors: ['Law', 'Public Sector'], capacity: 10 }, undefined, 9],
      ['Skills only', { skills: ['python', 'SQL'] }, undefined, 0],
      ['Fills a gap', { organisations: ['Arup'] }, undefined, 0],
      ['Full', { sectors: ['Law'] }, 'History', 3],
      ['Nothing in common', { sectors: ['Retail'], skills: ['Sales'] }, 'Chemistry', 0],
    ];
    const made = new Map<string, TestUser>();
    for (const [name, profile, course, active] of cases) {
      const m = await mentor(u, name, profile, course);
      await activeMentees(m, active);
      made.set(name, m);
    }
    const paused = await mentor(u, 'Paused', { sectors: ['Law'] }, 'History');
    ok(await api.gql(UPDATE, { i: { acceptingRequests: false } }, paused.token));
    const optedOut = await mentor(u, 'Opted out', { sectors: ['Law'] }, 'History');
    ok(await api.gql(STOP, {}, optedOut.token));
    await mentor(elsewhere, 'Another university', { sectors: ['Law'] }, 'History');

    const suggestions = ok(await api.gql(SUGGEST, { first: 20 }, student.token)).mentorSuggestions;
    expect(suggestions.map((s: { mentor: { displayName: string }; score: number; reasons: string[] }) => [s.mentor.displayName, s.score, s.reasons])).toEqual([
      ['Two sectors', 61, ['same sector: Law, Public Sector', '1 of 10 places free']],
      ['Sector and course', 65, ['same sector: law', 'studied History at your university', '3 of 3 places free']],
      ['Welsh and policy', 35, ['talks about your interests: Public policy', 'speaks Welsh', '3 of 3 places free']],
      ['Sector, two of three taken', 33, ['same sector: Law', '1 of 3 places free']],
      ['Fills a gap', 30, ['fills a gap in your network: Arup', '3 of 3 places free']],
      ['Skills only', 20, ['shares your skills: python', '3 of 3 places free']],
    ].sort((x, y) => (y[1] as number) - (x[1] as number)));
    expect(ok(await api.gql(SUGGEST, { first: 2 }, student.token)).mentorSuggestions.map((s: { mentor: { id: string } }) => s.mentor.id)).toEqual([
      made.get('Sector and course')!.user.id,
      made.get('Two sectors')!.user.id,
    ]);

    // Ranked in one statement after one read of the student's network and one of their profile, whatever the page size.
    for (const first of [1, 20]) {
      const { result, statements } = await countStatements(db, async () => ok(await api.gql(SUGGEST, { first }, student.token)));
      expect(result.mentorSuggestions.length).toBe(first === 1 ? 1 : 6);
      expect(statements.filter((sql) => /mentor_profile/.test(sql))).toHaveLength(1);
      expect(statements.length).toBeLessThanOrEqual(3);
    }
    // The directory: the caller's network (one read of the institutions' audience), then one statement per page,
    // whatever its size.
    for (const first of [1, 20]) {
      const { result, statements } = await countStatements(db, async () => ok(await api.gql(DIRECTORY, { first }, student.token)));
      expect(result.mentors.edges.length).toBe(first === 1 ? 1 : 8);
      expect(statements.filter((sql) => /mentor_profile/.test(sql))).toHaveLength(1);
      expect(statements.length).toBe(2);
    }
  });

  it("keeps the mentor's course and graduation year as their profile says, through the worker", async () => {
    const alumnus = await mentor(a, 'Gwen Griffiths', { sectors: ['Journalism'] }, 'English');
    ok(await api.gql(SET_PROFILE, { input: { course: 'English literature', graduationYear: 2010 } }, alumnus.token));
    const unlock = await lockWorkerTests();
    const worker = startWorkerProcess();
    try {
      await eventually(
        'the mentor profile to show the new course',
        async () => ok(await api.gql(MINE, {}, alumnus.token)).myMentorProfile.course === 'English literature',
        15_000,
      );
      expect(ok(await api.gql(MINE, {}, alumnus.token)).myMentorProfile).toMatchObject({ course: 'English literature', graduationYear: 2010 });
    } finally {
      await worker.stop();
      await unlock();
    }
  }, 30_000);
});
