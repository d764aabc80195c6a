import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import {
  ADD_NETWORK_CONTACT,
  ADD_NETWORK_WANT,
  ANSWER_INTRODUCTION,
  countStatements,
  errorCode,
  eventually,
  Factory,
  INBOX,
  INTRODUCTIONS_RECEIVED,
  lockWorkerTests,
  MY_INTRODUCTIONS,
  NETWORK_MAP,
  ok,
  REMOVE_NETWORK_CONTACT,
  REMOVE_NETWORK_WANT,
  REQUEST_INTRODUCTION,
  startApi,
  startWorkerProcess,
  type TestApi,
  type TestUser,
  twoTenants,
  UPDATE_NETWORK_CONTACT,
} from '@careers/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';

const BECOME = `mutation($i: BecomeMentorInput!) { becomeMentor(input: $i) { id } }`;
const UPDATE_MENTOR = `mutation($i: UpdateMentorProfileInput!) { updateMentorProfile(input: $i) { id } }`;
const STOP = `mutation { stopMentoring { id } }`;
const SUGGEST = `query { mentorSuggestions(first: 20) { score reasons mentor { displayName } } }`;

interface Gap {
  want: { kind: string; value: string };
  suggestions: { reason: string; mentor: { id: string; displayName: string } }[];
}

describe('mentoring: the network map and introductions', () => {
  let api: TestApi;
  let factory: Factory;
  let db: DataSource;
  let a: Institution;
  let b: Institution;
  let staffA: TestUser;
  let staffB: TestUser;
  let studentA: TestUser;
  let studentB: TestUser;
  let admin: TestUser;

  async function mentor(institution: Institution, displayName: string, profile: Record<string, unknown>): Promise<TestUser> {
    const person = await factory.user(Role.ALUMNUS, { institution, displayName });
    ok(await api.gql(BECOME, { i: { offers: ['CONVERSATION'], capacity: 3, ...profile } }, person.token));
    return person;
  }
  const map = async (who: TestUser) => ok(await api.gql(NETWORK_MAP, {}, who.token)).myNetworkMap;
  const contact = async (who: TestUser, i: Record<string, unknown>) => ok(await api.gql(ADD_NETWORK_CONTACT, { i }, who.token)).addNetworkContact;
  const want = async (who: TestUser, kind: string, value: string) => ok(await api.gql(ADD_NETWORK_WANT, { i: { kind, value } }, who.token)).addNetworkWant;
  const outboxOf = (id: string) => db.query(`SELECT type, payload FROM outbox_event WHERE aggregate_id = $1 ORDER BY seq`, [id]);

  beforeAll(async () => {
    api = await startApi(createApiApp);
    factory = new Factory(api);
    db = api.app.get(DataSource);
    ({ a, b, staffA, staffB, studentA, studentB, admin } = await twoTenants(factory));
  });
  afterAll(() => api.close());

  it('keeps contacts and wants private to the student: everyone else gets NOT_FOUND for their ids', async () => {
    const owner = await factory.user(Role.STUDENT, { institution: a });
    const c = await contact(owner, { name: 'Priya Patel', sector: 'Law', organisation: 'Arup', relation: 'my aunt', notes: 'call in May' });
    const w = await want(owner, 'SECTOR', 'Engineering');
    expect(c).toMatchObject({ name: 'Priya Patel', sector: 'Law', organisation: 'Arup', relation: 'my aunt', notes: 'call in May', personId: null });
    expect((await map(owner)).contacts.map((x: { id: string }) => x.id)).toEqual([c.id]);

    // Another student sees their own (empty) map; staff of A and B, admins, alumni and employers have no map to read.
    expect(await map(studentA)).toEqual({ contacts: [], wants: [], gaps: [] });
    for (const who of [staffA, staffB, admin]) expect(errorCode(await api.gql(NETWORK_MAP, {}, who.token))).toBe('FORBIDDEN');
    // Nobody else can change or remove them: NOT_FOUND, as for an id that does not exist.
    for (const who of [studentA, studentB]) {
      expect(errorCode(await api.gql(UPDATE_NETWORK_CONTACT, { i: { id: c.id, notes: 'mine now' } }, who.token))).toBe('NOT_FOUND');
      expect(errorCode(await api.gql(REMOVE_NETWORK_CONTACT, { id: c.id }, who.token))).toBe('NOT_FOUND');
      expect(errorCode(await api.gql(REMOVE_NETWORK_WANT, { id: w.id }, who.token))).toBe('NOT_FOUND');
    }
    for (const who of [staffA, admin]) expect(errorCode(await api.gql(REMOVE_NETWORK_CONTACT, { id: c.id }, who.token))).toBe('FORBIDDEN');
    expect((await map(owner)).contacts[0].notes).toBe('call in May');

    // The owner edits (null clears, left out stays) and removes.
    const edited = ok(await api.gql(UPDATE_NETWORK_CONTACT, { i: { id: c.id, notes: null, role: 'Engineer' } }, owner.token)).updateNetworkContact;
    expect(edited).toMatchObject({ notes: null, role: 'Engineer', sector: 'Law', relation: 'my aunt' });
    expect(ok(await api.gql(REMOVE_NETWORK_CONTACT, { id: c.id }, owner.token)).removeNetworkContact).toBe(c.id);
    expect(ok(await api.gql(REMOVE_NETWORK_WANT, { id: w.id }, owner.token)).removeNetworkWant).toBe(w.id);
    expect(await map(owner)).toEqual({ contacts: [], wants: [], gaps: [] });

    // A contact on the platform: someone of the student's institution; another institution's person is NOT_FOUND.
    const classmate = await factory.user(Role.ALUMNUS, { institution: a, displayName: 'Cai Classmate' });
    expect(await contact(owner, { personId: classmate.user.id, sector: 'Retail' })).toMatchObject({ personId: classmate.user.id, name: 'Cai Classmate' });
    expect(errorCode(await api.gql(ADD_NETWORK_CONTACT, { i: { personId: studentB.user.id } }, owner.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(ADD_NETWORK_CONTACT, { i: { personId: '00000000-0000-4000-8000-000000000000' } }, owner.token))).toBe('NOT_FOUND');
  });

  it('refuses bad input with BAD_USER_INPUT and writes nothing', async () => {
    const owner = await factory.user(Role.STUDENT, { institution: a });
    const bad: Record<string, unknown>[] = [
      {},
      { name: '   ' },
      { name: 'x'.repeat(101) },
      { name: 'Ok', notes: 'n'.repeat(1_000_000) },
      { name: 'Ok', notes: 'n'.repeat(501) },
      { name: 'Ok', sector: 's'.repeat(61) },
      { name: 'Ok', organisation: 'o'.repeat(101) },
      { name: 'Ok', relation: 'r'.repeat(101) },
      { personId: 'not-an-id' },
    ];
    for (const i of bad) expect([i, errorCode(await api.gql(ADD_NETWORK_CONTACT, { i }, owner.token))]).toEqual([i, 'BAD_USER_INPUT']);
    for (const i of [{ kind: 'SECTOR', value: '' }, { kind: 'SECTOR', value: 'v'.repeat(101) }, { kind: 'FRIEND', value: 'x' }]) {
      expect(errorCode(await api.gql(ADD_NETWORK_WANT, { i }, owner.token))).toBe('BAD_USER_INPUT');
    }
    expect(await map(owner)).toEqual({ contacts: [], wants: [], gaps: [] });

    // 500 contacts at most: the 501st (and so a 600th) is refused, and not written.
    await factory.networkContacts(owner, 500);
    const result = await api.gql(ADD_NETWORK_CONTACT, { i: { name: 'One too many' } }, owner.token);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['fields']).toHaveProperty('contacts');
    expect((await map(owner)).contacts).toHaveLength(500);

    // 50 wants at most; the same want twice is a conflict.
    for (let n = 0; n < 50; n++) await want(owner, 'ROLE', `Role ${n}`);
    expect(errorCode(await api.gql(ADD_NETWORK_WANT, { i: { kind: 'ROLE', value: 'Role 51' } }, owner.token))).toBe('BAD_USER_INPUT');
    const other = await factory.user(Role.STUDENT, { institution: a });
    await want(other, 'SECTOR', 'Law');
    expect(errorCode(await api.gql(ADD_NETWORK_WANT, { i: { kind: 'SECTOR', value: ' LAW ' } }, other.token))).toBe('CONFLICT');
    expect((await map(other)).wants).toHaveLength(1);
  }, 60_000);

  it('computes the gaps on a table of cases, each with suggested mentors and their reasons, in constant statements', async () => {
    const u = await factory.institution();
    const elsewhere = await factory.institution();
    const student = await factory.user(Role.STUDENT, { institution: u });
    const lawyer = await mentor(u, 'Lowri Lawyer', { sectors: ['Law'], organisations: ['Demo Chambers'] });
    await mentor(u, 'Emyr Engineer', { sectors: ['Engineering'], organisations: ['Arup', 'Atkins'], topics: ['Bridge design'] });
    const busy = await mentor(u, 'Bethan Busy', { sectors: ['Engineering'], capacity: 5 });
    await factory.mentorships(busy, [{ status: 'ACTIVE', hoursAgo: 1 }, { status: 'ACTIVE', hoursAgo: 1 }, { status: 'ACTIVE', hoursAgo: 1 }]);
    const paused = await mentor(u, 'Paused Pat', { sectors: ['Engineering'] });
    ok(await api.gql(UPDATE_MENTOR, { i: { acceptingRequests: false } }, paused.token));
    const gone = await mentor(u, 'Gone Gwyn', { organisations: ['Arup'] });
    ok(await api.gql(STOP, {}, gone.token));
    await mentor(elsewhere, 'Other Uni', { sectors: ['Engineering'], organisations: ['Arup'] });

    await contact(student, { name: 'Aunt', sector: 'law', organisation: 'Leeds Council' });
    await contact(student, { name: 'Neighbour', role: 'Solicitor' });
    await contact(student, { personId: lawyer.user.id, sector: 'Retail' });

    // kind, value, covered by a contact?, suggestions (name, reason) in order
    const cases: [string, string, boolean, [string, string][]][] = [
      ['SECTOR', 'Law', true, []], // the aunt's sector, folded
      ['SECTOR', 'Engineering', false, [['Emyr Engineer', 'works in Engineering'], ['Bethan Busy', 'works in Engineering']]],
      ['ORGANISATION', 'ARUP', false, [['Emyr Engineer', 'worked at Arup']]],
      ['ORGANISATION', 'Leeds council', true, []],
      ['ORGANISATION', 'Demo Chambers', false, []], // the lawyer is already a contact
      ['ROLE', 'Solicitor', true, []],
      ['ROLE', 'bridge design', false, [['Emyr Engineer', 'talks about Bridge design']]],
      ['SECTOR', 'Astronomy', false, []], // a gap no mentor fills
    ];
    const { statements: none } = await countStatements(db, () => map(student));
    for (const [kind, value] of cases) await want(student, kind, value);

    const { result, statements } = await countStatements(db, () => map(student));
    expect(result.wants.map((w: { value: string }) => w.value)).toEqual(cases.map((c) => c[1]));
    expect(result.gaps.map((g: Gap) => [g.want.kind, g.want.value, g.suggestions.map((s) => [s.mentor.displayName, s.reason])])).toEqual(
      cases.filter((c) => !c[2]).map(([kind, value, , suggested]) => [kind, value, suggested]),
    );
    // As many statements with eight wants as with none.
    expect(statements.length).toBe(none.length);
    expect(statements.length).toBeLessThanOrEqual(4); // the network, contacts, wants, gaps

    // A contact covering a gap closes it.
    await contact(student, { name: 'Friend at Arup', organisation: 'arup' });
    expect((await map(student)).gaps.map((g: Gap) => g.want.value)).not.toContain('ARUP');
  });

  it('ranks mentors who fill a gap higher in the suggestions, with the reason', async () => {
    const u = await factory.institution();
    const student = await factory.user(Role.STUDENT, { institution: u });
    await mentor(u, 'Arup engineer', { organisations: ['Arup'] });
    await mentor(u, 'Retail manager', { sectors: ['Retail'] });
    expect(ok(await api.gql(SUGGEST, {}, student.token)).mentorSuggestions).toEqual([]);
    await want(student, 'ORGANISATION', 'arup');
    await want(student, 'SECTOR', 'Retail');
    await contact(student, { name: 'Shop friend', sector: 'retail' }); // covers Retail: no gap, no points
    expect(ok(await api.gql(SUGGEST, {}, student.token)).mentorSuggestions).toEqual([
      { score: 30, reasons: ['fills a gap in your network: Arup', '3 of 3 places free'], mentor: { displayName: 'Arup engineer' } },
    ]);
  });

  it('lets a student ask a mentor who fills a gap for an introduction; the mentor answers; each hears of it', async () => {
    const student = await factory.user(Role.STUDENT, { institution: a, displayName: 'Sian Student' });
    const m = await mentor(a, 'Ifan Intro', { organisations: ['Arup'] });
    const w = await want(student, 'ORGANISATION', 'Arup');
    const gap = (await map(student)).gaps.find((g: Gap) => g.want.value === 'Arup');
    expect(gap.suggestions.map((s: Gap['suggestions'][number]) => s.mentor.id)).toEqual([m.user.id]);

    const sent = ok(await api.gql(REQUEST_INTRODUCTION, { i: { mentorId: m.user.id, wantId: w.id, message: 'Could you introduce me to <b>someone</b> at Arup?' } }, student.token))
      .requestIntroduction;
    expect(sent).toMatchObject({ status: 'OPEN', studentName: 'Sian Student', mentorName: 'Ifan Intro', wantKind: 'ORGANISATION', wantValue: 'Arup' });
    expect(await outboxOf(sent.id)).toEqual([
      {
        type: 'mentoring.introduction-requested',
        payload: { introductionId: sent.id, mentorId: m.user.id, studentId: student.user.id, studentName: 'Sian Student', wantValue: 'Arup', message: 'Could you introduce me to <b>someone</b> at Arup?' },
      },
    ]);
    // Only the two of them see it.
    expect(ok(await api.gql(INTRODUCTIONS_RECEIVED, {}, m.token)).introductionRequests.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([sent.id]);
    expect(ok(await api.gql(MY_INTRODUCTIONS, {}, student.token)).myIntroductionRequests.edges).toHaveLength(1);
    expect(ok(await api.gql(MY_INTRODUCTIONS, {}, studentA.token)).myIntroductionRequests.edges).toEqual([]);
    const otherAlumnus = await factory.user(Role.ALUMNUS, { institution: a });
    expect(ok(await api.gql(INTRODUCTIONS_RECEIVED, {}, otherAlumnus.token)).introductionRequests.edges).toEqual([]);
    expect(errorCode(await api.gql(ANSWER_INTRODUCTION, { i: { id: sent.id, accept: true } }, otherAlumnus.token))).toBe('NOT_FOUND');

    // One open per pair.
    expect(errorCode(await api.gql(REQUEST_INTRODUCTION, { i: { mentorId: m.user.id, message: 'again' } }, student.token))).toBe('CONFLICT');

    const answered = ok(await api.gql(ANSWER_INTRODUCTION, { i: { id: sent.id, accept: true, note: 'Happy to: I will email you.' } }, m.token)).answerIntroduction;
    expect(answered).toMatchObject({ status: 'ACCEPTED', note: 'Happy to: I will email you.' });
    expect(answered.answeredAt).toBeTruthy();
    expect((await outboxOf(sent.id)).map((e: { type: string }) => e.type)).toEqual(['mentoring.introduction-requested', 'mentoring.introduction-answered']);
    expect((await outboxOf(sent.id))[1].payload).toMatchObject({ studentId: student.user.id, accepted: true, mentorName: 'Ifan Intro' });
    // Answered once only.
    expect(errorCode(await api.gql(ANSWER_INTRODUCTION, { i: { id: sent.id, accept: false } }, m.token))).toBe('CONFLICT');
    // Answered, the pair may ask again.
    ok(await api.gql(REQUEST_INTRODUCTION, { i: { mentorId: m.user.id, message: 'A second question' } }, student.token));
  });

  it('refuses introductions to paused, opted-out and unknown mentors, beyond 5 open, and bad input', async () => {
    const student = await factory.user(Role.STUDENT, { institution: a });
    const paused = await mentor(a, 'Paused Pryderi', { sectors: ['Law'] });
    ok(await api.gql(UPDATE_MENTOR, { i: { acceptingRequests: false } }, paused.token));
    const gone = await mentor(a, 'Gone Gwenllian', { sectors: ['Law'] });
    ok(await api.gql(STOP, {}, gone.token));
    const atB = await mentor(b, 'Bangor Bryn', { sectors: ['Law'] });
    const ask = (mentorId: string, extra: Record<string, unknown> = {}) => api.gql(REQUEST_INTRODUCTION, { i: { mentorId, message: 'Hello', ...extra } }, student.token);

    expect(errorCode(await ask(paused.user.id))).toBe('CONFLICT');
    expect(errorCode(await ask(gone.user.id))).toBe('NOT_FOUND');
    expect(errorCode(await ask(atB.user.id))).toBe('NOT_FOUND');
    expect(errorCode(await ask('00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    const othersWant = await want(studentA, 'SECTOR', 'Nursing');
    const ok1 = await mentor(a, 'Fine Ffion', { sectors: ['Law'] });
    expect(errorCode(await ask(ok1.user.id, { wantId: othersWant.id }))).toBe('NOT_FOUND');
    for (const extra of [{ message: '' }, { message: 'm'.repeat(1001) }, { message: 'm'.repeat(1_000_000) }]) {
      expect(errorCode(await ask(ok1.user.id, extra))).toBe('BAD_USER_INPUT');
    }
    expect(errorCode(await api.gql(REQUEST_INTRODUCTION, { i: { mentorId: 'nope', message: 'Hi' } }, student.token))).toBe('BAD_USER_INPUT');
    expect(ok(await api.gql(MY_INTRODUCTIONS, {}, student.token)).myIntroductionRequests.edges).toEqual([]);

    // At most 5 open at once.
    const five = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => mentor(a, `Mentor ${n}`, { sectors: ['Law'] })));
    for (const m of five.slice(0, 5)) ok(await ask(m.user.id));
    expect(errorCode(await ask(five[5]!.user.id))).toBe('CONFLICT');
    expect(ok(await api.gql(MY_INTRODUCTIONS, {}, student.token)).myIntroductionRequests.edges).toHaveLength(5);
    // Only students ask, only alumni answer.
    expect(errorCode(await api.gql(REQUEST_INTRODUCTION, { i: { mentorId: ok1.user.id, message: 'Hi' } }, staffA.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(ANSWER_INTRODUCTION, { i: { id: '00000000-0000-4000-8000-000000000000', accept: true } }, student.token))).toBe('FORBIDDEN');
  });
  it('tells the mentor of the request and the student of the answer, once each, through the notifications service', async () => {
    const student = await factory.user(Role.STUDENT, { institution: a, displayName: 'Nia Notified' });
    const m = await mentor(a, 'Hywel Heard', { sectors: ['Journalism'] });
    const w = await want(student, 'SECTOR', 'journalism');
    const sent = ok(await api.gql(REQUEST_INTRODUCTION, { i: { mentorId: m.user.id, wantId: w.id, message: 'Who should I talk to at the BBC?' } }, student.token))
      .requestIntroduction;
    const inbox = async (who: TestUser, kind: string) =>
      ok(await api.gql(INBOX, {}, who.token)).notifications.edges.map((e: { node: Record<string, string> }) => e.node).filter((n: { kind: string }) => n.kind === kind);
    const unlock = await lockWorkerTests();
    const worker = startWorkerProcess();
    try {
      await eventually('the mentor to hear of the request', async () => (await inbox(m, 'mentoring-introduction')).length > 0, 20_000);
      expect(await inbox(m, 'mentoring-introduction')).toEqual([
        {
          kind: 'mentoring-introduction',
          title: 'Nia Notified asks you for an introduction to journalism',
          body: expect.stringContaining('Who should I talk to at the BBC?'),
          link: `/mentoring/introductions#${sent.id}`,
        },
      ]);
      expect((await inbox(m, 'mentoring-introduction'))[0].body).toContain(`/people/${student.user.id}`);
      ok(await api.gql(ANSWER_INTRODUCTION, { i: { id: sent.id, accept: false, note: 'Too busy this month.' } }, m.token));
      await eventually('the student to hear of the answer', async () => (await inbox(student, 'mentoring-introduction-answered')).length > 0, 20_000);
      expect(await inbox(student, 'mentoring-introduction-answered')).toEqual([
        {
          kind: 'mentoring-introduction-answered',
          title: 'Hywel Heard declined your introduction request',
          body: expect.stringContaining('Too busy this month.'),
          link: `/network#introduction-${sent.id}`,
        },
      ]);
      // Nobody else heard of either.
      expect(await inbox(studentA, 'mentoring-introduction-answered')).toEqual([]);
      expect(await inbox(student, 'mentoring-introduction')).toEqual([]);
    } finally {
      await worker.stop();
      await unlock();
    }
  }, 60_000);
});
