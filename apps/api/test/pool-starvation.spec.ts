import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import { ACCEPT_MENTORSHIP, ADD_NETWORK_CONTACT, BECOME_MENTOR, DECIDE_LIVE_CHAT, DECLINE_MENTORSHIP, END_MENTORSHIP, eventually, Factory, lockWorkerTests, ok, POST_VACANCY, REGISTER_FOR_LIVE_CHAT, REQUEST_INTRODUCTION, REQUEST_MENTORSHIP, SCHEDULE_LIVE_CHAT, startApi, startWorkerProcess, SUBMIT_VACANCY, type TestApi, type TestUser, UPDATE_LIVE_CHAT, UPDATE_VACANCY } from '@careers/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';

// A transaction that calls a port (PeopleDirectory, RecipientDirectory) must read through its own connection:
// one that asked the pool for a second would hold one connection while it waits, and when concurrent
// transactions have taken every connection, each waits for the others forever and the process hangs. With a
// pool of 2, six at once of every mutation that opens a transaction and calls a port must all finish, and so
// must the notifications listener's transactions (8 at a time in the worker) that look up whom to email.
const AT_ONCE = 6;

let api: TestApi;
let employers: TestUser[];
let students: TestUser[];
let staff: TestUser;
let institutionId: string;
let home: Institution;
beforeAll(async () => {
  api = await startApi(createApiApp, { DATABASE_POOL_SIZE: '2' });
  const factory = new Factory(api);
  const institution = await factory.institution();
  institutionId = institution.id;
  home = institution;
  const org = await factory.organisation({ approvedBy: institution });
  staff = await factory.user(Role.STAFF, { institution });
  employers = await Promise.all(Array.from({ length: AT_ONCE }, () => factory.user(Role.EMPLOYER, { organisation: org })));
  students = await Promise.all(Array.from({ length: AT_ONCE }, () => factory.user(Role.STUDENT, { institution })));
});
afterAll(() => api.close());

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const vacancy = (submit: boolean) => ({
  title: 'Graduate analyst',
  description: 'Join our analytics team and work with data.',
  sector: 'Data',
  location: 'Leeds',
  remote: 'HYBRID',
  type: 'GRADUATE_JOB',
  closesAt: inHours(24 * 30),
  applyUrl: 'https://jobs.example.com/a',
  targetInstitutionIds: [institutionId],
  submit,
});
const atOnce = <T>(work: (employer: TestUser, i: number) => Promise<T>) => Promise.all(employers.map(work));

it('schedules live chats, edits their hosts and registers students', async () => {
  const input = { title: 'Law', description: 'Ask', startsAt: inHours(48), endsAt: inHours(49), capacity: 10, institutionIds: [institutionId] };
  const done = await atOnce((e) => api.gql(SCHEDULE_LIVE_CHAT, { i: input }, e.token));
  expect(done.map((r) => ok(r).scheduleLiveChat.status)).toEqual(Array(AT_ONCE).fill('PENDING'));

  const chats = done.map((r) => ok(r).scheduleLiveChat.id as string);
  const hosted = await atOnce((e, i) => api.gql(UPDATE_LIVE_CHAT, { id: chats[i], i: { hostIds: [e.user.id, employers[(i + 1) % AT_ONCE]!.user.id] } }, e.token));
  const hostIds = (r: (typeof hosted)[number]) => (ok(r).updateLiveChat.hosts as { id: string }[]).map((h) => h.id).sort();
  expect(hosted.map(hostIds)).toEqual(employers.map((e, i) => [e.user.id, employers[(i + 1) % AT_ONCE]!.user.id].sort()));

  ok(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: chats[0], approve: true } }, staff.token));
  const registered = await Promise.all(students.map((s) => api.gql(REGISTER_FOR_LIVE_CHAT, { id: chats[0] }, s.token)));
  expect(registered.map((r) => ok(r).registerForLiveChat.status)).toEqual(Array(AT_ONCE).fill('REGISTERED'));
}, 20_000);

it('posts, submits and edits vacancies', async () => {
  const posted = await atOnce((e) => api.gql(POST_VACANCY, { i: vacancy(true) }, e.token));
  expect(posted.map((r) => ok(r).postVacancy.status)).toEqual(Array(AT_ONCE).fill('PENDING_APPROVAL'));

  const drafts = await Promise.all(employers.map(async (e) => ok(await api.gql(POST_VACANCY, { i: vacancy(false) }, e.token)).postVacancy.id as string));
  const submitted = await atOnce((e, i) => api.gql(SUBMIT_VACANCY, { id: drafts[i] }, e.token));
  expect(submitted.map((r) => ok(r).submitVacancy.status)).toEqual(Array(AT_ONCE).fill('PENDING_APPROVAL'));

  const edited = await atOnce((e, i) => api.gql(UPDATE_VACANCY, { i: { id: drafts[i], title: 'Graduate analyst (edited)', targetInstitutionIds: [institutionId] } }, e.token));
  expect(edited.map((r) => ok(r).updateVacancy.status)).toEqual(Array(AT_ONCE).fill('PENDING_APPROVAL'));
}, 20_000);

it('makes, edits and pauses mentor profiles (each save reads the mentor through the port on its transaction)', async () => {
  const factory = new Factory(api);
  const institution = await factory.institution();
  const alumni = await Promise.all(Array.from({ length: AT_ONCE }, () => factory.user(Role.ALUMNUS, { institution })));
  const become = await Promise.all(
    alumni.map((a) => api.gql(`mutation { becomeMentor(input: { offers: [QUESTION], capacity: 2 }) { capacity } }`, {}, a.token)),
  );
  expect(become.map((r) => ok(r).becomeMentor.capacity)).toEqual(Array(AT_ONCE).fill(2));
  const paused = await Promise.all(
    alumni.map((a) => api.gql(`mutation { updateMentorProfile(input: { acceptingRequests: false }) { acceptingRequests } }`, {}, a.token)),
  );
  expect(paused.map((r) => ok(r).updateMentorProfile.acceptingRequests)).toEqual(Array(AT_ONCE).fill(false));
}, 20_000);

it('adds network contacts on the platform and asks for introductions (each reads people through the port on its transaction)', async () => {
  const factory = new Factory(api);
  const mentor = await factory.user(Role.ALUMNUS, { institution: home });
  ok(await api.gql(`mutation { becomeMentor(input: { offers: [QUESTION], capacity: 2, organisations: ["Arup"] }) { capacity } }`, {}, mentor.token));
  const added = await Promise.all(
    students.map((s) => api.gql(ADD_NETWORK_CONTACT, { i: { personId: mentor.user.id, relation: 'met at a fair' } }, s.token)),
  );
  expect(added.map((r) => ok(r).addNetworkContact.personId)).toEqual(Array(AT_ONCE).fill(mentor.user.id));
  const asked = await Promise.all(students.map((s) => api.gql(REQUEST_INTRODUCTION, { i: { mentorId: mentor.user.id, message: 'Hello' } }, s.token)));
  expect(asked.map((r) => ok(r).requestIntroduction.status)).toEqual(Array(AT_ONCE).fill('OPEN'));
}, 20_000);

it('requests, accepts, declines and ends mentorships (a request reads the student through the port on its transaction)', async () => {
  const factory = new Factory(api);
  const institution = await factory.institution();
  const [mentor, ...mentees] = await Promise.all([
    factory.user(Role.ALUMNUS, { institution }),
    ...Array.from({ length: AT_ONCE * 2 }, () => factory.user(Role.STUDENT, { institution })),
  ]);
  ok(await api.gql(BECOME_MENTOR, { i: { offers: ['CONVERSATION'], capacity: AT_ONCE } }, mentor!.token));
  const asked = await Promise.all(
    mentees.map((s) => api.gql(REQUEST_MENTORSHIP, { i: { mentorId: mentor!.user.id, message: 'Hello', asksFor: 'CONVERSATION' } }, s.token)),
  );
  const ids = asked.map((r) => ok(r).requestMentorship.id as string);
  const [toAccept, toDecline] = [ids.slice(0, AT_ONCE), ids.slice(AT_ONCE)];
  const decided = await Promise.all([
    ...toAccept.map((id) => api.gql(ACCEPT_MENTORSHIP, { id }, mentor!.token)),
    ...toDecline.map((id) => api.gql(DECLINE_MENTORSHIP, { i: { id } }, mentor!.token)),
  ]);
  expect(decided.map((r) => Object.values(ok(r))[0].status)).toEqual([...Array(AT_ONCE).fill('ACTIVE'), ...Array(AT_ONCE).fill('DECLINED')]);
  const ended = await Promise.all(toAccept.map((id) => api.gql(END_MENTORSHIP, { i: { id } }, mentor!.token)));
  expect(ended.map((r) => ok(r).endMentorship.status)).toEqual(Array(AT_ONCE).fill('ENDED'));
}, 20_000);

it('emails the staff of every submission from a worker on a pool of 2', async () => {
  const unlock = await lockWorkerTests();
  const worker = startWorkerProcess({ DATABASE_POOL_SIZE: '2' });
  try {
    // Every submission above asked the staff member; each of its listener jobs looks up their address.
    const db = api.app.get(DataSource);
    const count = async (sql: string) => ((await db.query(sql, [staff.user.id])) as { n: number }[])[0]!.n;
    const asked = await count(
      `SELECT count(*)::int AS n FROM outbox_event
       WHERE type IN ('live-chats.event-submitted', 'vacancies.vacancy-submitted') AND payload::text LIKE '%' || $1 || '%'`,
    );
    expect(asked).toBe(4 * AT_ONCE);
    await eventually('an email to the staff member for every submission', async () => (await count(`SELECT count(*)::int AS n FROM notification_email WHERE user_id = $1`)) === asked);
  } finally {
    // A worker hung on its pool does not finish its jobs to stop; it is killed.
    const killer = setTimeout(() => worker.child.kill('SIGKILL'), 5_000);
    await worker.stop();
    clearTimeout(killer);
    await unlock();
  }
}, 60_000);
