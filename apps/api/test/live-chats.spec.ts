import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution, Organisation } from '@careers/identity';
import { CANCEL_LIVE_CHAT, CANCEL_LIVE_CHAT_REGISTRATION, countStatements, DECIDE_LIVE_CHAT, errorCode, Factory, ok, REGISTER_FOR_LIVE_CHAT, SCHEDULE_LIVE_CHAT, startApi, type TestApi, type TestUser, twoTenants, UPDATE_LIVE_CHAT, UPDATE_PROFILE } from '@careers/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';

// Live chats: scheduling, approval per institution, visibility, registration and the waitlist.
const EVENT = `query($id: ID!) { liveChat(id: $id) { id title status organisationName placesLeft registeredCount hosts { id displayName } audience { institutionId status reason } myRegistration { status waitlistPlace } } }`;
const UPCOMING = `{ upcomingLiveChats(first: 100) { edges { node { id } } pageInfo { hasNextPage } } }`;
const AWAITING = `query($s: ApprovalDecision) { liveChatsAwaitingApproval(status: $s, first: 50) { edges { node { event { id title } status } } } }`;
const MINE = `{ myLiveChatRegistrations(first: 50) { edges { node { status event { id title } } } } }`;

const HOUR = 3600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const ids = (conn: { edges: { node: { id: string } }[] }) => conn.edges.map((e) => e.node.id);

let api: TestApi;
let db: DataSource;
let factory: Factory;
let a: Institution;
let b: Institution;
let c: Institution;
let org: Organisation;
let employer: TestUser;
let colleague: TestUser;
let stranger: TestUser;
let staffA: TestUser;
let staffB: TestUser;
let studentA: TestUser;
let studentB: TestUser;

beforeAll(async () => {
  api = await startApi(createApiApp);
  db = api.app.get(DataSource);
  factory = new Factory(api);
  ({ a, b, org, employer, stranger, staffA, staffB, studentA, studentB } = await twoTenants(factory));
  [c, colleague] = await Promise.all([factory.institution(), factory.user(Role.EMPLOYER, { organisation: org })]);
});
afterAll(() => api.close());

const input = (over: Record<string, unknown> = {}) => ({
  title: 'Working in law',
  description: 'Ask our **trainees** anything.',
  startsAt: inHours(48),
  endsAt: inHours(49),
  capacity: 100,
  institutionIds: [a.id],
  ...over,
});

/** An event approved by A's staff, open for A's students. */
async function approvedEvent(over: Record<string, unknown> = {}): Promise<string> {
  const id = ok(await api.gql(SCHEDULE_LIVE_CHAT, { i: input(over) }, employer.token)).scheduleLiveChat.id;
  ok(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: id, approve: true } }, staffA.token));
  return id;
}

const outboxOf = (eventId: string, type: string) =>
  db.query(`SELECT payload FROM outbox_event WHERE aggregate_id = $1 AND type = $2 ORDER BY seq`, [eventId, type]).then((r) => r.map((x: { payload: unknown }) => x.payload));
const eventCount = async () => (await db.query(`SELECT count(*)::int AS n FROM live_chat_event WHERE organisation_id = $1`, [org.id]))[0].n;

describe('scheduling', () => {
  it('lets an employer of an approved organisation schedule a chat for institutions that approved it, pending their staff', async () => {
    const event = ok(await api.gql(SCHEDULE_LIVE_CHAT, { i: input({ hostIds: [colleague.user.id], institutionIds: [a.id, b.id] }) }, employer.token)).scheduleLiveChat;
    expect(event).toMatchObject({ status: 'PENDING', sequence: 0, capacity: 100 });
    expect(event.hosts.map((h: { id: string }) => h.id).sort()).toEqual([employer.user.id, colleague.user.id].sort());
    expect(event.audience).toEqual(
      expect.arrayContaining([
        { institutionId: a.id, status: 'PENDING' },
        { institutionId: b.id, status: 'PENDING' },
      ]),
    );
    // The staff of each audience institution are asked to decide (an event they hear of).
    const [submitted, ...more] = await outboxOf(event.id, 'live-chats.event-submitted');
    expect(more).toEqual([]);
    expect(submitted).toMatchObject({ eventId: event.id, title: 'Working in law', employerName: org.name, startsAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(submitted.awaiting.sort((p: { institutionId: string }, q: { institutionId: string }) => p.institutionId.localeCompare(q.institutionId))).toEqual(
      [
        { institutionId: a.id, staffIds: [staffA.user.id] },
        { institutionId: b.id, staffIds: [staffB.user.id] },
      ].sort((p, q) => p.institutionId.localeCompare(q.institutionId)),
    );
  });

  it('refuses bad times, capacities, hosts and audiences with a message, writing nothing', async () => {
    const before = await eventCount();
    const refused = async (over: Record<string, unknown>, text: string) => {
      const result = await api.gql(SCHEDULE_LIVE_CHAT, { i: input(over) }, employer.token);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.message).toContain(text);
    };
    await refused({ startsAt: inHours(-1), endsAt: inHours(1) }, 'startsAt must be in the future');
    await refused({ endsAt: inHours(47) }, 'endsAt must be after startsAt');
    await refused({ endsAt: inHours(53) }, 'at most 4 hours');
    await refused({ capacity: 0 }, 'capacity');
    await refused({ capacity: 10_001 }, 'capacity must be at most 10000');
    await refused({ title: 'x'.repeat(201) }, 'title must be 3 to 200 characters');
    await refused({ institutionIds: [] }, 'name at least one institution');
    await refused({ institutionIds: [c.id] }, 'not approved by this institution');
    await refused({ hostIds: [stranger.user.id] }, 'Hosts must be members of your organisation');
    await refused({ subjects: Array.from({ length: 21 }, (_, i) => `subject ${i}`) }, 'subjects');
    expect(await eventCount()).toBe(before);
  });

  it('refuses students, and employers whose organisation nobody approved yet', async () => {
    expect(errorCode(await api.gql(SCHEDULE_LIVE_CHAT, { i: input() }, studentA.token))).toBe('FORBIDDEN');
    const pending = await factory.user(Role.EMPLOYER, { organisation: await factory.organisation({ pendingAt: a }) });
    const refused = await api.gql(SCHEDULE_LIVE_CHAT, { i: input() }, pending.token);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toContain('waiting for approval');
  });
});

describe("the organisation's own chats", () => {
  const OURS = `query($p: LiveChatPeriod, $after: String, $first: Int) {
    organisationLiveChats(period: $p, first: $first, after: $after) { edges { node { id status } } pageInfo { hasNextPage endCursor } } }`;

  it('lists every chat of the organisation in every status, to come soonest first and past ones most recent first, to its employers only', async () => {
    const ours = await factory.organisation({ approvedBy: a });
    await factory.approveOrganisation(ours, b);
    const [host, teammate] = await Promise.all([factory.user(Role.EMPLOYER, { organisation: ours }), factory.user(Role.EMPLOYER, { organisation: ours })]);
    const schedule = async (h: number, who: TestUser = host, institutionIds = [a.id]) =>
      ok(await api.gql(SCHEDULE_LIVE_CHAT, { i: input({ institutionIds, startsAt: inHours(h), endsAt: inHours(h + 1) }) }, who.token)).scheduleLiveChat.id as string;
    const pending = await schedule(10);
    const approved = await schedule(20);
    ok(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: approved, approve: true } }, staffA.token));
    const cancelled = await schedule(30);
    ok(await api.gql(CANCEL_LIVE_CHAT, { id: cancelled, r: 'Our speaker is ill' }, host.token));
    const rejected = await schedule(40, teammate, [b.id]);
    ok(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: rejected, approve: false, reason: 'Not for our students' } }, staffB.token));
    const [recent, older] = [await schedule(50), await schedule(60)];
    await db.query(`UPDATE live_chat_event SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours' WHERE id = $1`, [recent]);
    await db.query(`UPDATE live_chat_event SET starts_at = now() - interval '30 hours', ends_at = now() - interval '29 hours' WHERE id = $1`, [older]);
    const theirs = await schedule(15, stranger);

    const first = ok(await api.gql(OURS, { first: 3 }, teammate.token)).organisationLiveChats;
    expect(first.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { id: pending, status: 'PENDING' },
      { id: approved, status: 'APPROVED' },
      { id: cancelled, status: 'CANCELLED' },
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(await api.gql(OURS, { first: 3, after: first.pageInfo.endCursor }, teammate.token)).organisationLiveChats;
    expect(second.edges.map((e: { node: unknown }) => e.node)).toEqual([{ id: rejected, status: 'REJECTED' }]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const past = ok(await api.gql(OURS, { p: 'PAST', first: 1 }, host.token)).organisationLiveChats;
    expect(ids(past)).toEqual([recent]);
    expect(ids(ok(await api.gql(OURS, { p: 'PAST', after: past.pageInfo.endCursor }, host.token)).organisationLiveChats)).toEqual([older]);

    // Another organisation's employer sees only theirs; nobody else has an organisation's list.
    expect(ids(ok(await api.gql(OURS, {}, stranger.token)).organisationLiveChats)).toContain(theirs);
    expect(ids(ok(await api.gql(OURS, {}, stranger.token)).organisationLiveChats)).not.toContain(pending);
    expect(ids(ok(await api.gql(OURS, { p: 'PAST' }, stranger.token)).organisationLiveChats)).toEqual([]);
    for (const who of [staffA, studentA]) expect(errorCode(await api.gql(OURS, {}, who.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(OURS, { after: 'garbage' }, host.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(OURS, { p: 'SOON' }, host.token))).toBe('BAD_USER_INPUT');
  });
});

describe('approval and visibility', () => {
  it('shows an event to students of an institution only once its staff approved it; the employer sees each reason', async () => {
    const id = ok(await api.gql(SCHEDULE_LIVE_CHAT, { i: input({ institutionIds: [a.id, b.id] }) }, employer.token)).scheduleLiveChat.id;

    // Pending: hidden from students and other employers, as if it did not exist.
    expect(errorCode(await api.gql(EVENT, { id }, studentA.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(EVENT, { id }, stranger.token))).toBe('NOT_FOUND');
    expect(ids(ok(await api.gql(UPCOMING, {}, studentA.token)).upcomingLiveChats)).not.toContain(id);
    expect(ids(ok(await api.gql(UPCOMING, {}, employer.token)).upcomingLiveChats)).toContain(id);
    const queue = ok(await api.gql(AWAITING, {}, staffA.token)).liveChatsAwaitingApproval.edges.map((e: any) => e.node.event.id);
    expect(queue).toContain(id);

    // A reason is required to reject; staff act for their own institution only.
    expect(errorCode(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: id, approve: false } }, staffB.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: id, institutionId: a.id, approve: true } }, staffB.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: id, approve: true } }, studentA.token))).toBe('FORBIDDEN');

    const rejected = ok(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: id, approve: false, reason: 'Our students sit exams that week' } }, staffB.token)).decideLiveChat;
    expect(rejected).toMatchObject({ status: 'REJECTED', reason: 'Our students sit exams that week', event: { status: 'PENDING' } });
    expect(ok(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: id, approve: true } }, staffA.token)).decideLiveChat.event.status).toBe('APPROVED');

    // A's students see it; B's do not; the employer sees both decisions; staff see their own.
    expect(ok(await api.gql(EVENT, { id }, studentA.token)).liveChat).toMatchObject({ id, status: 'APPROVED', organisationName: org.name, audience: [] });
    expect(ids(ok(await api.gql(UPCOMING, {}, studentA.token)).upcomingLiveChats)).toContain(id);
    expect(errorCode(await api.gql(EVENT, { id }, studentB.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, studentB.token))).toBe('NOT_FOUND');
    const audience = ok(await api.gql(EVENT, { id }, employer.token)).liveChat.audience;
    expect(audience).toEqual(
      expect.arrayContaining([
        { institutionId: a.id, status: 'APPROVED', reason: null },
        { institutionId: b.id, status: 'REJECTED', reason: 'Our students sit exams that week' },
      ]),
    );
    expect(ok(await api.gql(EVENT, { id }, staffB.token)).liveChat.audience).toEqual([{ institutionId: b.id, status: 'REJECTED', reason: 'Our students sit exams that week' }]);
    expect(await outboxOf(id, 'live-chats.event-decided')).toEqual([
      expect.objectContaining({ institutionId: b.id, approved: false, reason: 'Our students sit exams that week', hostIds: [employer.user.id] }),
      expect.objectContaining({ institutionId: a.id, approved: true, reason: null }),
    ]);
    // Deciding asks nobody again.
    expect(await outboxOf(id, 'live-chats.event-submitted')).toHaveLength(1);
  });

  it('becomes REJECTED when every audience institution rejected it', async () => {
    const id = ok(await api.gql(SCHEDULE_LIVE_CHAT, { i: input() }, employer.token)).scheduleLiveChat.id;
    const decided = ok(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: id, approve: false, reason: 'Not for us' } }, staffA.token)).decideLiveChat;
    expect(decided.event.status).toBe('REJECTED');
    expect(errorCode(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: id, approve: true } }, staffB.token))).toBe('NOT_FOUND');
  });

  it('matches graduation years and subjects against the student profile, with a message saying why not', async () => {
    const id = await approvedEvent({ graduationYears: [2027], subjects: ['Law'] });
    const [lawyer, historian, noYear] = await Promise.all([1, 2, 3].map(() => factory.user(Role.STUDENT, { institution: a })));
    ok(await api.gql(UPDATE_PROFILE, { input: { course: 'BA Law and French', graduationYear: 2027 } }, lawyer!.token));
    ok(await api.gql(UPDATE_PROFILE, { input: { course: 'History', graduationYear: 2027 } }, historian!.token));
    ok(await api.gql(UPDATE_PROFILE, { input: { course: 'LAW' } }, noYear!.token));

    expect(ids(ok(await api.gql(UPCOMING, {}, lawyer!.token)).upcomingLiveChats)).toContain(id);
    expect(ids(ok(await api.gql(UPCOMING, {}, historian!.token)).upcomingLiveChats)).not.toContain(id);
    const wrongSubject = await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, historian!.token);
    expect(errorCode(wrongSubject)).toBe('FORBIDDEN');
    expect(wrongSubject.errors![0]!.message).toContain('This live chat is for students of Law; your course is "History"');
    const wrongYear = await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, noYear!.token);
    expect(errorCode(wrongYear)).toBe('FORBIDDEN');
    expect(wrongYear.errors![0]!.message).toContain('graduating in 2027; your profile has no graduation year');
    expect(ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, lawyer!.token)).registerForLiveChat.status).toBe('REGISTERED');
  });
});

describe('upcoming chats', () => {
  it('pages soonest first with keyset cursors, leaving out chats that ended', async () => {
    const d = await factory.institution();
    await factory.approveOrganisation(org, d);
    const [staffD, studentD] = await Promise.all([factory.user(Role.STAFF, { institution: d }), factory.user(Role.STUDENT, { institution: d })]);
    const schedule = async (h: number) => {
      const id = ok(await api.gql(SCHEDULE_LIVE_CHAT, { i: input({ institutionIds: [d.id], startsAt: inHours(h), endsAt: inHours(h + 1) }) }, employer.token)).scheduleLiveChat.id;
      ok(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: id, approve: true } }, staffD.token));
      return id;
    };
    const [later, soonest, middle, over] = [await schedule(30), await schedule(10), await schedule(20), await schedule(5)];
    await db.query(`UPDATE live_chat_event SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours' WHERE id = $1`, [over]);
    const PAGE = `query($after: String) { upcomingLiveChats(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const first = ok(await api.gql(PAGE, {}, studentD.token)).upcomingLiveChats;
    expect(ids(first)).toEqual([soonest, middle]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(await api.gql(PAGE, { after: first.pageInfo.endCursor }, studentD.token)).upcomingLiveChats;
    expect(ids(second)).toEqual([later]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(errorCode(await api.gql(PAGE, { after: 'garbage' }, studentD.token))).toBe('BAD_USER_INPUT');
  });

  it('batches field resolvers: a page of chats with hosts, audience and registration costs a bounded number of statements', async () => {
    const { result: page, statements } = await countStatements(db, async () =>
      ok(
        await api.gql(
          `{ upcomingLiveChats(first: 50) { edges { node { id organisationName placesLeft icsUrl hosts { displayName } audience { status } myRegistration { status } } } } }`,
          {},
          employer.token,
        ),
      ),
    );
    expect(page.upcomingLiveChats.edges.length).toBeGreaterThan(5);
    expect(statements.length).toBeLessThanOrEqual(6);
  });
});

describe('registration', () => {
  it('registers up to capacity, waitlists the rest, is idempotent, and moves the first waitlisted up when a place frees', async () => {
    const id = await approvedEvent({ capacity: 2 });
    const [s1, s2, s3, s4] = await Promise.all([1, 2, 3, 4].map(() => factory.user(Role.STUDENT, { institution: a })));
    const first = ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, s1!.token)).registerForLiveChat;
    expect(first.status).toBe('REGISTERED');
    expect(ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, s1!.token)).registerForLiveChat).toEqual(first);
    expect(ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, s2!.token)).registerForLiveChat.status).toBe('REGISTERED');
    expect(ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, s3!.token)).registerForLiveChat).toMatchObject({ status: 'WAITLISTED', waitlistPlace: 1 });
    expect(ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, s4!.token)).registerForLiveChat).toMatchObject({ status: 'WAITLISTED', waitlistPlace: 2 });
    expect(ok(await api.gql(EVENT, { id }, s4!.token)).liveChat).toMatchObject({ placesLeft: 0, registeredCount: 2, myRegistration: { status: 'WAITLISTED', waitlistPlace: 2 } });

    expect(ok(await api.gql(CANCEL_LIVE_CHAT_REGISTRATION, { id }, s1!.token)).cancelLiveChatRegistration.status).toBe('CANCELLED');
    expect(ok(await api.gql(EVENT, { id }, s3!.token)).liveChat.myRegistration).toEqual({ status: 'REGISTERED', waitlistPlace: null });
    expect(ok(await api.gql(EVENT, { id }, s4!.token)).liveChat.myRegistration).toEqual({ status: 'WAITLISTED', waitlistPlace: 1 });
    expect(await outboxOf(id, 'live-chats.registration-promoted')).toEqual([expect.objectContaining({ eventId: id, userId: s3!.user.id })]);

    // Coming back after cancelling: to the end of the queue.
    expect(ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, s1!.token)).registerForLiveChat).toMatchObject({ status: 'WAITLISTED', waitlistPlace: 2 });
    expect(ok(await api.gql(MINE, {}, s3!.token)).myLiveChatRegistrations.edges).toEqual([{ node: { status: 'REGISTERED', event: { id, title: 'Working in law' } } }]);
    expect(errorCode(await api.gql(CANCEL_LIVE_CHAT_REGISTRATION, { id }, studentA.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, staffA.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(REGISTER_FOR_LIVE_CHAT, { id: 'nope' }, s1!.token))).toBe('BAD_USER_INPUT');
  });

  it('gives exactly capacity places under 50 concurrent registrations, and more places move the waitlist up', async () => {
    const id = await approvedEvent({ capacity: 10 });
    const students = await Promise.all(Array.from({ length: 50 }, () => factory.user(Role.STUDENT, { institution: a })));
    const results = await Promise.all(students.map((s) => api.gql(REGISTER_FOR_LIVE_CHAT, { id }, s.token)));
    const statuses = results.map((r) => ok(r).registerForLiveChat.status);
    expect(statuses.filter((s) => s === 'REGISTERED')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(40);
    const [row] = await db.query(
      `SELECT e.registered_count, (SELECT count(*)::int FROM live_chat_registration r WHERE r.event_id = e.id AND r.status = 'REGISTERED') AS registered
       FROM live_chat_event e WHERE e.id = $1`,
      [id],
    );
    expect(row).toEqual({ registered_count: 10, registered: 10 });

    expect(errorCode(await api.gql(UPDATE_LIVE_CHAT, { id, i: { capacity: 9 } }, employer.token))).toBe('BAD_USER_INPUT');
    expect(ok(await api.gql(UPDATE_LIVE_CHAT, { id, i: { capacity: 15 } }, employer.token)).updateLiveChat).toMatchObject({ capacity: 15, placesLeft: 0 });
    expect(await outboxOf(id, 'live-chats.registration-promoted')).toHaveLength(5);
  }, 60_000);
});

describe('changes by the employer', () => {
  it('reschedules (SEQUENCE goes up, registrants are told) and cancels (registrants are told, nothing changes after)', async () => {
    const id = await approvedEvent({ capacity: 1 });
    const [s1, s2] = await Promise.all([1, 2].map(() => factory.user(Role.STUDENT, { institution: a })));
    ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, s1!.token));
    ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, s2!.token));

    expect(errorCode(await api.gql(UPDATE_LIVE_CHAT, { id, i: { title: 'Mine now' } }, stranger.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(UPDATE_LIVE_CHAT, { id, i: { title: 'Mine now' } }, staffA.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(UPDATE_LIVE_CHAT, { id, i: { endsAt: inHours(60) } }, employer.token))).toBe('BAD_USER_INPUT');
    const titled = ok(await api.gql(UPDATE_LIVE_CHAT, { id, i: { title: 'Law careers' } }, colleague.token)).updateLiveChat;
    expect(titled).toMatchObject({ title: 'Law careers', sequence: 0 });
    expect(await outboxOf(id, 'live-chats.event-rescheduled')).toEqual([]);

    const moved = ok(await api.gql(UPDATE_LIVE_CHAT, { id, i: { startsAt: inHours(72), endsAt: inHours(73) } }, employer.token)).updateLiveChat;
    expect(moved.sequence).toBe(1);
    const [rescheduled] = await outboxOf(id, 'live-chats.event-rescheduled');
    expect(rescheduled).toMatchObject({ eventId: id, title: 'Law careers', startsAt: moved.startsAt });
    expect(rescheduled.recipientIds.sort()).toEqual([s1!.user.id, s2!.user.id].sort());

    expect(errorCode(await api.gql(CANCEL_LIVE_CHAT, { id, r: 'x' }, employer.token))).toBe('BAD_USER_INPUT');
    expect(ok(await api.gql(CANCEL_LIVE_CHAT, { id, r: 'Our speaker is ill' }, employer.token)).cancelLiveChat).toEqual({
      status: 'CANCELLED',
      statusReason: 'Our speaker is ill',
      sequence: 2,
    });
    const [cancelled] = await outboxOf(id, 'live-chats.event-cancelled');
    expect(cancelled.recipientIds.sort()).toEqual([s1!.user.id, s2!.user.id].sort());
    expect(ok(await api.gql(EVENT, { id }, s1!.token)).liveChat.status).toBe('CANCELLED');
    expect(errorCode(await api.gql(UPDATE_LIVE_CHAT, { id, i: { title: 'Back on' } }, employer.token))).toBe('BAD_USER_INPUT');
    const late = await factory.user(Role.STUDENT, { institution: a });
    expect(errorCode(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, late.token))).toBe('FORBIDDEN');
    // Edits and moves do not send a chat back to review, so staff are asked once, when it was scheduled.
    expect(await outboxOf(id, 'live-chats.event-submitted')).toHaveLength(1);
  });

  it('refuses changes once the chat has started (the clock is moved in PostgreSQL)', async () => {
    const id = await approvedEvent();
    await db.query(`UPDATE live_chat_event SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '50 minutes' WHERE id = $1`, [id]);
    const refused = await api.gql(UPDATE_LIVE_CHAT, { id, i: { title: 'Too late' } }, employer.token);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toContain('has started');
  });
});

describe("the hosts' list of registrants", () => {
  const REGISTRANTS = `query($id: ID!, $s: LiveChatRegistrationStatus, $after: String, $first: Int) {
    liveChatRegistrations(eventId: $id, status: $s, first: $first, after: $after) {
      edges { node { userId displayName status waitlistPlace createdAt updatedAt } } pageInfo { hasNextPage endCursor } } }`;
  const names = (conn: { edges: { node: { displayName: string } }[] }) => conn.edges.map((e) => e.node.displayName);

  it('lists who has a place and who waits, in queue order and paged, to the organisation and audience staff only', async () => {
    const id = await approvedEvent({ capacity: 2, institutionIds: [a.id, b.id] });
    const people = await Promise.all(['Ada', 'Ben', 'Cai'].map((n) => factory.user(Role.STUDENT, { institution: a, displayName: `${n} Registrant` })));
    for (const p of people) ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, p.token));
    const staffC = await factory.user(Role.STAFF, { institution: c }); // C is not in the audience

    const page1 = ok(await api.gql(REGISTRANTS, { id, first: 1 }, colleague.token)).liveChatRegistrations;
    expect(page1.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { userId: people[0]!.user.id, displayName: 'Ada Registrant', status: 'REGISTERED', waitlistPlace: null, createdAt: expect.any(String), updatedAt: expect.any(String) },
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = ok(await api.gql(REGISTRANTS, { id, first: 1, after: page1.pageInfo.endCursor }, colleague.token)).liveChatRegistrations;
    expect(names(page2)).toEqual(['Ben Registrant']);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const waiting = ok(await api.gql(REGISTRANTS, { id, s: 'WAITLISTED' }, employer.token)).liveChatRegistrations;
    expect(waiting.edges.map((e: { node: { displayName: string; waitlistPlace: number } }) => [e.node.displayName, e.node.waitlistPlace])).toEqual([['Cai Registrant', 1]]);

    // Ada gives up her place: Cai moves up, at the end of the queue of those registered.
    ok(await api.gql(CANCEL_LIVE_CHAT_REGISTRATION, { id }, people[0]!.token));
    expect(names(ok(await api.gql(REGISTRANTS, { id }, staffA.token)).liveChatRegistrations)).toEqual(['Ben Registrant', 'Cai Registrant']);
    expect(names(ok(await api.gql(REGISTRANTS, { id }, staffB.token)).liveChatRegistrations)).toEqual(['Ben Registrant', 'Cai Registrant']); // B has not decided yet
    expect(ok(await api.gql(REGISTRANTS, { id, s: 'WAITLISTED' }, staffA.token)).liveChatRegistrations.edges).toEqual([]);

    // Anyone else: as if there were no such chat. A registered student sees only their own registration.
    for (const who of [stranger, staffC, people[1]!]) expect(errorCode(await api.gql(REGISTRANTS, { id }, who.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(REGISTRANTS, { id, s: 'CANCELLED' }, employer.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(REGISTRANTS, { id, after: 'nonsense' }, employer.token))).toBe('BAD_USER_INPUT');
  });
});
