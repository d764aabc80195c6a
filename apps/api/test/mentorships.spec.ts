import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import { MentorshipsService } from '@careers/mentoring';
import {
  ACCEPT_MENTORSHIP,
  BECOME_MENTOR,
  BLOCK_PERSON,
  DECLINE_MENTORSHIP,
  END_MENTORSHIP,
  errorCode,
  Factory,
  MENTOR_REQUESTS,
  MENTORSHIP,
  MY_MENTORSHIPS,
  ok,
  PAUSE_MENTORING,
  REQUEST_MENTORSHIP,
  startApi,
  type TestApi,
  type TestUser,
  twoTenants,
  UNBLOCK_PERSON,
  WITHDRAW_MENTORSHIP_REQUEST,
} from '@careers/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';

const GET_MENTOR = `query($id: ID!) { mentor(id: $id) { id placesFree } }`;
const DIRECTORY = `query { mentors(first: 100) { edges { node { id } } } }`;
const SUGGEST = `query { mentorSuggestions(first: 20) { mentor { id } } }`;
const SET_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { course } }`;

type Row = { id: string; status: string; myRole: string | null; [k: string]: unknown };
const nodes = (r: { myMentorships?: { edges: { node: Row }[] }; mentorRequests?: { edges: { node: Row }[] } }) =>
  (r.myMentorships ?? r.mentorRequests)!.edges.map((e) => e.node);

describe('mentorships: requests, decisions, ends, expiry and blocks', () => {
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

  /** An alumnus of `institution` mentoring with `capacity` places, offering a conversation and CV feedback. */
  async function mentor(institution: Institution, capacity = 3, extra: Record<string, unknown> = {}): Promise<TestUser> {
    const person = await factory.user(Role.ALUMNUS, { institution, displayName: 'Mina Mentor' });
    ok(await api.gql(BECOME_MENTOR, { i: { offers: ['CONVERSATION', 'CV_FEEDBACK'], capacity, ...extra } }, person.token));
    return person;
  }
  const student = (institution: Institution, displayName = 'Sam Student') => factory.user(Role.STUDENT, { institution, displayName });
  const ask = (who: TestUser, m: TestUser, message = 'I would like to talk about law.', asksFor = 'CONVERSATION') =>
    api.gql(REQUEST_MENTORSHIP, { i: { mentorId: m.user.id, message, asksFor } }, who.token);
  const requested = async (who: TestUser, m: TestUser): Promise<Row> => ok(await ask(who, m)).requestMentorship;
  const rows = async () => ((await db.query(`SELECT count(*)::int AS n FROM mentorship`)) as { n: number }[])[0]!.n;
  const events = async (id: string, type: string) =>
    ((await db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = $1 AND type = $2`, [id, type])) as { n: number }[])[0]!.n;

  beforeAll(async () => {
    api = await startApi(createApiApp);
    factory = new Factory(api);
    db = api.app.get(DataSource);
    ({ a, b, staffA, staffB, studentA, studentB, admin } = await twoTenants(factory));
  });
  afterAll(() => api.close());

  it('runs the lifecycle: request, the inbox, accept, both sides listing it, end with feedback', async () => {
    const m = await mentor(a);
    const s = await student(a, 'Rhian Student');
    ok(await api.gql(SET_PROFILE, { input: { course: 'History' } }, s.token));

    const r = await requested(s, m);
    expect(r).toMatchObject({
      status: 'REQUESTED',
      myRole: 'MENTEE',
      message: 'I would like to talk about law.',
      asksFor: 'CONVERSATION',
      mentor: { id: m.user.id, displayName: 'Mina Mentor' },
      mentee: { id: s.user.id, displayName: 'Rhian Student', course: 'History' },
      decidedAt: null,
      startedAt: null,
    });
    const expiresIn = Date.parse(r.expiresAt as string) - Date.parse(r.requestedAt as string);
    expect(Math.round(expiresIn / 86_400_000)).toBe(14);
    expect(await events(r.id, 'mentoring.mentorship-requested')).toBe(1);

    expect(nodes(ok(await api.gql(MENTOR_REQUESTS, {}, m.token))).map((n) => [n.id, n.myRole])).toEqual([[r.id, 'MENTOR']]);
    expect(ok(await api.gql(MENTORSHIP, { id: r.id }, m.token)).mentorship.myRole).toBe('MENTOR');

    const accepted = ok(await api.gql(ACCEPT_MENTORSHIP, { id: r.id }, m.token)).acceptMentorship;
    expect(accepted).toMatchObject({ status: 'ACTIVE', myRole: 'MENTOR', expiresAt: null });
    expect(accepted.startedAt).not.toBeNull();
    expect(await events(r.id, 'mentoring.mentorship-decided')).toBe(1);
    expect(ok(await api.gql(GET_MENTOR, { id: m.user.id }, s.token)).mentor.placesFree).toBe(2);
    expect(nodes(ok(await api.gql(MENTOR_REQUESTS, {}, m.token)))).toEqual([]);

    for (const who of [s, m]) {
      expect(nodes(ok(await api.gql(MY_MENTORSHIPS, { status: 'ACTIVE' }, who.token))).map((n) => n.id)).toEqual([r.id]);
      expect(nodes(ok(await api.gql(MY_MENTORSHIPS, { status: 'REQUESTED' }, who.token)))).toEqual([]);
    }

    const ended = ok(await api.gql(END_MENTORSHIP, { i: { id: r.id, feedback: ' Thank you! ' } }, s.token)).endMentorship;
    expect(ended).toMatchObject({ status: 'ENDED', endedById: s.user.id, endFeedback: 'Thank you!' });
    expect(await events(r.id, 'mentoring.mentorship-ended')).toBe(1);
    expect(errorCode(await api.gql(END_MENTORSHIP, { i: { id: r.id } }, m.token))).toBe('CONFLICT');
    expect(ok(await api.gql(GET_MENTOR, { id: m.user.id }, s.token)).mentor.placesFree).toBe(3);
    // Once ended, they may start again.
    expect((await requested(s, m)).status).toBe('REQUESTED');
  });

  it('lets the mentor decline with a reason, and refuses accepting it after; the student may withdraw an open one', async () => {
    const m = await mentor(a);
    const s = await student(a);
    const r = await requested(s, m);
    const declined = ok(await api.gql(DECLINE_MENTORSHIP, { i: { id: r.id, reason: 'I am away until June.' } }, m.token)).declineMentorship;
    expect(declined).toMatchObject({ status: 'DECLINED', declineReason: 'I am away until June.' });
    expect(errorCode(await api.gql(ACCEPT_MENTORSHIP, { id: r.id }, m.token))).toBe('CONFLICT');
    expect(errorCode(await api.gql(DECLINE_MENTORSHIP, { i: { id: r.id } }, m.token))).toBe('CONFLICT');
    expect(errorCode(await api.gql(WITHDRAW_MENTORSHIP_REQUEST, { id: r.id }, s.token))).toBe('CONFLICT');
    expect(ok(await api.gql(MENTORSHIP, { id: r.id }, s.token)).mentorship.status).toBe('DECLINED');

    const again = await requested(s, m);
    // Only the student withdraws, only the mentor decides.
    expect(errorCode(await api.gql(WITHDRAW_MENTORSHIP_REQUEST, { id: again.id }, studentA.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(ACCEPT_MENTORSHIP, { id: again.id }, (await mentor(a)).token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(END_MENTORSHIP, { i: { id: again.id } }, s.token))).toBe('CONFLICT');
    expect(ok(await api.gql(WITHDRAW_MENTORSHIP_REQUEST, { id: again.id }, s.token)).withdrawMentorshipRequest.status).toBe('WITHDRAWN');
    expect(errorCode(await api.gql(ACCEPT_MENTORSHIP, { id: again.id }, m.token))).toBe('CONFLICT');
  });

  it('refuses requests to a paused, full, unknown or other institution\'s mentor, duplicates, and past the pending limit', async () => {
    const m = await mentor(a, 1);
    const s = await student(a);
    ok(await api.gql(PAUSE_MENTORING, { accepting: false }, m.token));
    expect(errorCode(await ask(s, m))).toBe('CONFLICT');
    ok(await api.gql(PAUSE_MENTORING, { accepting: true }, m.token));

    const r = await requested(s, m);
    expect(errorCode(await ask(s, m))).toBe('CONFLICT');
    // Accepting while paused is allowed: pausing only stops new requests.
    ok(await api.gql(PAUSE_MENTORING, { accepting: false }, m.token));
    expect(ok(await api.gql(ACCEPT_MENTORSHIP, { id: r.id }, m.token)).acceptMentorship.status).toBe('ACTIVE');
    ok(await api.gql(PAUSE_MENTORING, { accepting: true }, m.token));
    // Full now (capacity 1).
    expect(errorCode(await ask(await student(a), m))).toBe('CONFLICT');
    expect(errorCode(await ask(s, m))).toBe('CONFLICT');

    const mentorB = await mentor(b);
    expect(errorCode(await ask(studentA, mentorB))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(REQUEST_MENTORSHIP, { i: { mentorId: '00000000-0000-4000-8000-000000000000', message: 'Hi', asksFor: 'CONVERSATION' } }, s.token))).toBe('NOT_FOUND');
    // Only students ask.
    for (const who of [staffA, admin, await factory.user(Role.ALUMNUS, { institution: a })]) {
      expect(errorCode(await ask(who, await mentor(a)))).toBe('FORBIDDEN');
    }

    const eager = await student(a);
    const mentors = await Promise.all([1, 2, 3, 4].map(() => mentor(a)));
    for (const each of mentors.slice(0, 3)) await requested(eager, each);
    const before = await rows();
    expect(errorCode(await ask(eager, mentors[3]!))).toBe('CONFLICT');
    expect(await rows()).toBe(before);
    // Withdrawing one makes room.
    const [first] = nodes(ok(await api.gql(MY_MENTORSHIPS, { status: 'REQUESTED' }, eager.token)));
    ok(await api.gql(WITHDRAW_MENTORSHIP_REQUEST, { id: first!.id }, eager.token));
    expect((await requested(eager, mentors[3]!)).status).toBe('REQUESTED');
  });

  it('refuses bad input with BAD_USER_INPUT and writes nothing', async () => {
    const m = await mentor(a);
    const s = await student(a);
    const before = await rows();
    const bad: [Record<string, unknown>, string][] = [
      [{ mentorId: 'nope', message: 'Hello', asksFor: 'CONVERSATION' }, 'mentorId'],
      [{ mentorId: m.user.id, message: 'x'.repeat(100_000), asksFor: 'CONVERSATION' }, 'message'],
      [{ mentorId: m.user.id, message: '', asksFor: 'CONVERSATION' }, 'message'],
      [{ mentorId: m.user.id, message: '   ', asksFor: 'CONVERSATION' }, 'message'],
      [{ mentorId: m.user.id, message: 'Hello', asksFor: 'MENTORSHIP' }, 'asksFor'],
    ];
    for (const [i, field] of bad) {
      const result = await api.gql(REQUEST_MENTORSHIP, { i }, s.token);
      expect([field, errorCode(result)]).toEqual([field, 'BAD_USER_INPUT']);
      expect(result.errors![0]!.extensions['fields']).toHaveProperty([field]);
    }
    const r = await requested(s, m);
    expect(errorCode(await api.gql(DECLINE_MENTORSHIP, { i: { id: r.id, reason: 'x'.repeat(1001) } }, m.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(ACCEPT_MENTORSHIP, { id: 'nope' }, m.token))).toBe('BAD_USER_INPUT');
    expect(await rows()).toBe(before + 1);
    expect(ok(await api.gql(MENTORSHIP, { id: r.id }, s.token)).mentorship.status).toBe('REQUESTED');
  });

  it('shows a mentorship to its two sides, staff of the institution and admins only', async () => {
    const m = await mentor(a);
    const r = await requested(studentA, m);
    expect(ok(await api.gql(MENTORSHIP, { id: r.id }, staffA.token)).mentorship).toMatchObject({ id: r.id, myRole: null, message: 'I would like to talk about law.' });
    expect(ok(await api.gql(MENTORSHIP, { id: r.id }, admin.token)).mentorship.id).toBe(r.id);
    for (const who of [staffB, studentB, await student(a), await mentor(a)]) {
      expect(errorCode(await api.gql(MENTORSHIP, { id: r.id }, who.token))).toBe('NOT_FOUND');
    }
    for (const who of [studentB, await student(a), await mentor(a)]) {
      expect(nodes(ok(await api.gql(MY_MENTORSHIPS, {}, who.token)))).toEqual([]);
    }
    expect(errorCode(await api.gql(MY_MENTORSHIPS, {}, staffA.token))).toBe('FORBIDDEN');
  });

  it('never exceeds capacity: 50 concurrent accepts on a mentor with capacity 3 make exactly 3 active', async () => {
    const m = await mentor(a, 3);
    const students = await Promise.all(Array.from({ length: 50 }, () => student(a)));
    const ids = await factory.mentorshipRequests(m.user.id, students);
    const results = await Promise.all(ids.map((id) => api.gql(ACCEPT_MENTORSHIP, { id }, m.token)));
    const accepted = results.filter((r) => !r.errors?.length);
    expect(accepted).toHaveLength(3);
    expect(results.filter((r) => r.errors?.length).map(errorCode)).toEqual(Array(47).fill('CONFLICT'));
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM mentorship WHERE mentor_id = $1 AND status = 'ACTIVE'`, [m.user.id])) as { n: number }[];
    expect(n).toBe(3);
    expect(ok(await api.gql(GET_MENTOR, { id: m.user.id }, studentA.token)).mentor.placesFree).toBe(0);
  }, 60_000);

  it('expires requests: reads say EXPIRED at once, the schedule marks them and tells the student once', async () => {
    const m = await mentor(a);
    const s = await student(a);
    const r = await requested(s, m);
    await factory.expireMentorshipRequest(r.id);
    expect(ok(await api.gql(MENTORSHIP, { id: r.id }, s.token)).mentorship).toMatchObject({ status: 'EXPIRED', expiresAt: null });
    expect(nodes(ok(await api.gql(MENTOR_REQUESTS, {}, m.token)))).toEqual([]);
    expect(nodes(ok(await api.gql(MY_MENTORSHIPS, { status: 'EXPIRED' }, s.token))).map((n) => n.id)).toEqual([r.id]);
    expect(errorCode(await api.gql(ACCEPT_MENTORSHIP, { id: r.id }, m.token))).toBe('CONFLICT');

    const service = api.app.get(MentorshipsService);
    expect(await service.expireDue()).toBeGreaterThanOrEqual(1);
    expect(await service.expireDue()).toBe(0);
    expect(await events(r.id, 'mentoring.mentorship-expired')).toBe(1);
    const [{ status }] = (await db.query(`SELECT status FROM mentorship WHERE id = $1`, [r.id])) as { status: string }[];
    expect(status).toBe('EXPIRED');

    // An expired request stands in nobody's way: asking again marks any unmarked one first (once).
    const second = await requested(s, m);
    await factory.expireMentorshipRequest(second.id);
    expect((await requested(s, m)).status).toBe('REQUESTED');
    expect(await events(second.id, 'mentoring.mentorship-expired')).toBe(1);
  });

  it('blocks: ends what is open, hides each from the other, refuses requests; unblocking lifts it', async () => {
    const m = await mentor(a, 3, { sectors: ['Blocking law'] });
    const s = await student(a);
    ok(await api.gql(SET_PROFILE, { input: { sectors: ['Blocking law'] } }, s.token));
    const r = await requested(s, m);
    ok(await api.gql(ACCEPT_MENTORSHIP, { id: r.id }, m.token));
    const seen = async () => ({
      byId: !(await api.gql(GET_MENTOR, { id: m.user.id }, s.token)).errors,
      directory: ok(await api.gql(DIRECTORY, {}, s.token)).mentors.edges.some((e: { node: { id: string } }) => e.node.id === m.user.id),
      suggested: ok(await api.gql(SUGGEST, {}, s.token)).mentorSuggestions.some((x: { mentor: { id: string } }) => x.mentor.id === m.user.id),
    });
    expect(await seen()).toEqual({ byId: true, directory: true, suggested: true });

    // Nobody blocks a stranger (no request between them), nor themselves.
    expect(errorCode(await api.gql(BLOCK_PERSON, { userId: studentA.user.id }, m.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(BLOCK_PERSON, { userId: m.user.id }, m.token))).toBe('BAD_USER_INPUT');

    expect(ok(await api.gql(BLOCK_PERSON, { userId: s.user.id }, m.token)).blockPerson).toBe(true);
    expect(ok(await api.gql(MENTORSHIP, { id: r.id }, s.token)).mentorship).toMatchObject({ status: 'ENDED', endedById: m.user.id });
    expect(await seen()).toEqual({ byId: false, directory: false, suggested: false });
    expect(errorCode(await api.gql(GET_MENTOR, { id: m.user.id }, s.token))).toBe('NOT_FOUND');
    expect(errorCode(await ask(s, m))).toBe('NOT_FOUND');
    // The blocked side cannot lift it; the blocker can.
    expect(errorCode(await api.gql(UNBLOCK_PERSON, { userId: m.user.id }, s.token))).toBe('NOT_FOUND');
    expect(ok(await api.gql(UNBLOCK_PERSON, { userId: s.user.id }, m.token)).unblockPerson).toBe(true);
    expect(await seen()).toEqual({ byId: true, directory: true, suggested: true });

    // A student may block a mentor too: the open request ends, and the same hiding holds.
    const r2 = await requested(s, m);
    ok(await api.gql(BLOCK_PERSON, { userId: m.user.id }, s.token));
    expect(ok(await api.gql(MENTORSHIP, { id: r2.id }, m.token)).mentorship.status).toBe('ENDED');
    expect(nodes(ok(await api.gql(MENTOR_REQUESTS, {}, m.token)))).toEqual([]);
    expect(errorCode(await ask(s, m))).toBe('NOT_FOUND');
  });
});
