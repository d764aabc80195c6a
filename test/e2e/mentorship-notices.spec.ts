import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import {
  ACCEPT_MENTORSHIP,
  BECOME_MENTOR,
  DECLINE_MENTORSHIP,
  END_MENTORSHIP,
  Factory,
  lockWorkerTests,
  ok,
  REQUEST_MENTORSHIP,
  settled,
  startApi,
  startWorkerProcess,
  type TestApi,
  type TestUser,
  twoTenants,
  type WorkerProcess,
} from '@careers/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.js';

// Mentorships' notices with the worker as a real process: the mentor hears of a request; the student of the
// acceptance, the decline (with its reason) and the expiry; the other side of an end. Each once, nobody else.
let api: TestApi;
let db: DataSource;
let factory: Factory;
let worker: WorkerProcess;
let unlock: () => Promise<void>;

beforeAll(async () => {
  unlock = await lockWorkerTests();
  api = await startApi(createApiApp);
  db = api.app.get(DataSource);
  factory = new Factory(api);
  // The expiry scan runs every second here (300 by default).
  worker = startWorkerProcess({ MENTORSHIP_EXPIRY_INTERVAL: '1' });
}, 180_000);
afterAll(async () => {
  await worker?.stop();
  await api.close();
  await unlock();
});

const KINDS = ['mentorship-requested', 'mentorship-decided', 'mentorship-expired', 'mentorship-ended'] as const;
const notices = async (user: TestUser, kind: string): Promise<{ title: string; body: string; link: string }[]> =>
  db.query(`SELECT title, body, link FROM notification WHERE user_id = $1 AND kind = $2 ORDER BY created_at, id`, [user.user.id, kind]);
const emails = async (user: TestUser, kind: string): Promise<{ subject: string }[]> =>
  db.query(`SELECT subject FROM notification_email WHERE user_id = $1 AND kind = $2 ORDER BY created_at, id`, [user.user.id, kind]);
/** How many notices of each kind `user` has, in KINDS order. */
const tally = async (user: TestUser) => Promise.all(KINDS.map(async (k) => (await notices(user, k)).length));

it('tells the right people of each step of a mentorship, exactly once', async () => {
  const { a, staffA, studentB } = await twoTenants(factory);
  const [mentor, accepted, declined, expired, bystander] = await Promise.all([
    factory.user(Role.ALUMNUS, { institution: a, displayName: 'Mari Mentor' }),
    factory.user(Role.STUDENT, { institution: a, displayName: 'Alys Accepted' }),
    factory.user(Role.STUDENT, { institution: a, displayName: 'Dai Declined' }),
    factory.user(Role.STUDENT, { institution: a, displayName: 'Eli Expired' }),
    factory.user(Role.STUDENT, { institution: a }),
  ]);
  ok(await api.gql(BECOME_MENTOR, { i: { offers: ['CONVERSATION', 'CV_FEEDBACK'], capacity: 3 } }, mentor!.token));
  const ask = async (s: TestUser, asksFor = 'CONVERSATION') =>
    ok(await api.gql(REQUEST_MENTORSHIP, { i: { mentorId: mentor!.user.id, message: 'Could we talk about law?', asksFor } }, s.token)).requestMentorship.id as string;

  const [one, two, three] = [await ask(accepted!), await ask(declined!, 'CV_FEEDBACK'), await ask(expired!)];
  await settled(db, [one, two, three], { type: 'mentoring.mentorship-requested', count: 3 });
  // The three requests were made one after another, but the worker may deliver their notices in any order.
  expect((await notices(mentor!, 'mentorship-requested')).map((n) => n.title).sort()).toEqual([
    'Alys Accepted asks you for mentoring',
    'Dai Declined asks you for mentoring',
    'Eli Expired asks you for mentoring',
  ]);
  expect((await notices(mentor!, 'mentorship-requested')).find((n) => n.title.startsWith('Dai'))).toMatchObject({ body: expect.stringContaining('feedback on their CV'), link: `/mentorships/${two}` });

  ok(await api.gql(ACCEPT_MENTORSHIP, { id: one }, mentor!.token));
  ok(await api.gql(DECLINE_MENTORSHIP, { i: { id: two, reason: 'I only review CVs in the autumn.' } }, mentor!.token));
  await factory.expireMentorshipRequest(three);
  await settled(db, [one, two], { type: 'mentoring.mentorship-decided', count: 2 });
  await settled(db, three, { type: 'mentoring.mentorship-expired', count: 1 });

  expect(await notices(accepted!, 'mentorship-decided')).toEqual([
    { title: 'Mari Mentor accepted your mentoring request', body: expect.stringContaining('active'), link: `/mentorships/${one}` },
  ]);
  expect(await notices(declined!, 'mentorship-decided')).toEqual([
    { title: 'Mari Mentor declined your mentoring request', body: expect.stringContaining('I only review CVs in the autumn.'), link: `/mentorships/${two}` },
  ]);
  expect(await notices(expired!, 'mentorship-expired')).toEqual([
    { title: 'Your mentoring request to Mari Mentor expired', body: expect.any(String), link: `/mentorships/${three}` },
  ]);

  ok(await api.gql(END_MENTORSHIP, { i: { id: one, feedback: 'Good luck!' } }, mentor!.token));
  await settled(db, one, { type: 'mentoring.mentorship-ended', count: 1 });
  expect(await notices(accepted!, 'mentorship-ended')).toEqual([{ title: 'Mari Mentor ended your mentorship', body: expect.any(String), link: `/mentorships/${one}` }]);

  // Exactly once each, nobody else: [requested, decided, expired, ended].
  expect(await tally(mentor!)).toEqual([3, 0, 0, 0]);
  expect(await tally(accepted!)).toEqual([0, 1, 0, 1]);
  expect(await tally(declined!)).toEqual([0, 1, 0, 0]);
  expect(await tally(expired!)).toEqual([0, 0, 1, 0]);
  for (const other of [bystander!, staffA, studentB]) expect(await tally(other)).toEqual([0, 0, 0, 0]);
  // By email too, as the default preferences say.
  expect((await emails(mentor!, 'mentorship-requested')).length).toBe(3);
  expect((await emails(declined!, 'mentorship-decided')).map((e) => e.subject)).toEqual(['Mari Mentor declined your mentoring request']);
}, 60_000);
