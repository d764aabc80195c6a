import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution, Organisation } from '@careers/identity';
import { DECIDE_LIVE_CHAT, DECIDE_ORGANISATION, DECIDE_VACANCY, Factory, INBOX, lockWorkerTests, ok, POST_VACANCY, SCHEDULE_LIVE_CHAT, settled, SET_NOTIFICATION_PREFERENCE, SIGN_UP_EMPLOYER, startApi, startWorkerProcess, type TestApi, type TestUser, twoTenants, UPDATE_LIVE_CHAT, UPDATE_VACANCY, type WorkerProcess } from '@careers/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.js';

// Careers staff hear that an employer, a vacancy or a live chat awaits their decision, with the worker as a real process:
// the staff of each institution that has to decide, once per submission, in-app and by email as their preferences say.
const HOUR = 3600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const vacancy = (over: Record<string, unknown> = {}) => ({
  title: 'Graduate data analyst',
  description: 'Analyse data for our customers, with SQL and Python, in a friendly team.',
  sector: 'Data',
  location: 'Leeds',
  remote: 'HYBRID',
  type: 'GRADUATE_JOB',
  closesAt: new Date(Date.now() + 30 * 24 * HOUR).toISOString(),
  applyUrl: 'https://jobs.example.com/1',
  submit: true,
  ...over,
});

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
  worker = startWorkerProcess();
}, 180_000);
afterAll(async () => {
  await worker?.stop();
  await api.close();
  await unlock();
});

// Each test has institutions of its own: X and Y approved the employer, Z did not.
let x: Institution;
let y: Institution;
let org: Organisation;
let employer: TestUser;
let staffX1: TestUser;
let staffX2: TestUser;
let staffY: TestUser;
let staffZ: TestUser;
let adminX: TestUser;

beforeEach(async () => {
  ({ a: x, b: y, org, employer, staffA: staffX1, staffB: staffY } = await twoTenants(factory));
  const z = await factory.institution();
  [staffX2, staffZ, adminX] = await Promise.all([
    factory.user(Role.STAFF, { institution: x }),
    factory.user(Role.STAFF, { institution: z }),
    factory.user(Role.ADMIN, { institution: x }),
  ]);
});

const notices = async (user: TestUser, kind: string): Promise<{ title: string; body: string; link: string }[]> =>
  db.query(`SELECT title, body, link FROM notification WHERE user_id = $1 AND kind = $2 ORDER BY created_at, id`, [user.user.id, kind]);
const emails = async (user: TestUser, kind: string): Promise<{ subject: string; text_body: string }[]> =>
  db.query(`SELECT subject, text_body FROM notification_email WHERE user_id = $1 AND kind = $2 ORDER BY created_at, id`, [user.user.id, kind]);
const counts = (users: TestUser[], kind: string) => Promise.all(users.map(async (u) => (await notices(u, kind)).length));

it('tells the staff of the institution an employer chose at sign-up that its organisation awaits their decision, once', async () => {
  const KIND = 'organisation-awaiting-approval';
  const input = { email: `hr-${x.id}@acme.example`, password: 'a long enough password', displayName: 'HR', organisationName: 'Acme Analytics', website: 'https://acme.example', institutionId: x.id };
  const organisationId = ok(await api.gql(SIGN_UP_EMPLOYER, { i: input })).signUpEmployer.user.organisation.id;
  await settled(db, organisationId, { type: 'identity.organisation-submitted', count: 1 });
  expect(await counts([staffX1, staffX2], KIND)).toEqual([1, 1]);
  expect(await counts([staffY, staffZ, adminX, employer], KIND)).toEqual([0, 0, 0, 0]);
  const [notice] = await notices(staffX1, KIND);
  expect(notice).toEqual({
    title: 'Awaiting your decision: Acme Analytics asks to reach your students',
    body: expect.stringContaining('An employer signed up with Acme Analytics (https://acme.example).'),
    link: `/approvals/organisations#${organisationId}`,
  });
  expect((await emails(staffX2, KIND)).map((e) => e.subject)).toEqual([notice!.title]);

  // A decision tells no one of this kind again.
  ok(await api.gql(DECIDE_ORGANISATION, { input: { organisationId, approve: true } }, staffX1.token));
  await settled(db, organisationId, { type: 'identity.organisation-decided', count: 1 });
  expect(await counts([staffX1, staffX2], KIND)).toEqual([1, 1]);
  // The employer is told, with a link to the organisation's page of the web client.
  const decided = await db.query(
    `SELECT n.link FROM notification n JOIN user_account u ON u.id = n.user_id WHERE u.email = $1 AND n.kind = 'organisation-decided'`,
    [input.email],
  );
  expect(decided).toEqual([{ link: `/organisations/${organisationId}` }]);
});

it('tells the staff of each target institution that a vacancy awaits their decision, once per submission', async () => {
  const KIND = 'vacancy-awaiting-approval';
  // Y's staff member wants these in-app only.
  ok(await api.gql(SET_NOTIFICATION_PREFERENCE, { i: { kind: KIND, email: false } }, staffY.token));

  const id = ok(await api.gql(POST_VACANCY, { i: vacancy({ targetInstitutionIds: [x.id, y.id] }) }, employer.token)).postVacancy.id;
  await settled(db, id, { type: 'vacancies.vacancy-submitted', count: 1 });
  expect(await counts([staffX1, staffX2, staffY], KIND)).toEqual([1, 1, 1]);
  // Nobody else: not the staff of an institution it is not for, not an admin, not the employer.
  expect(await counts([staffZ, adminX, employer], KIND)).toEqual([0, 0, 0]);

  const [notice] = await notices(staffX1, KIND);
  expect(notice).toEqual({
    title: `Awaiting your decision: Graduate data analyst from ${org.name}`,
    body: expect.stringContaining('In your vacancy approvals, approve it for your students, or reject it'),
    link: `/approvals/vacancies#${id}`,
  });
  // Read in the inbox the staff member sees.
  const inbox = ok(await api.gql(INBOX, {}, staffX1.token)).notifications.edges.map((e: { node: { kind: string } }) => e.node);
  expect(inbox).toEqual([expect.objectContaining({ kind: KIND, link: `/approvals/vacancies#${id}` })]);
  // By email too, unless turned off.
  expect(await emails(staffX1, KIND)).toEqual([
    { subject: notice!.title, text_body: expect.stringMatching(new RegExp(`Open it: \\S+/approvals/vacancies#${id}$`)) },
  ]);
  expect(await emails(staffY, KIND)).toEqual([]);

  // X decides: nobody is asked again for this submission.
  ok(await api.gql(DECIDE_VACANCY, { i: { vacancyId: id, approve: true } }, staffX2.token));
  await settled(db, id, { type: 'vacancies.vacancy-decided', count: 1 });
  expect(await counts([staffX1, staffX2, staffY], KIND)).toEqual([1, 1, 1]);

  // The employer's edit of the published vacancy sends it back to review: every target is asked again.
  expect(ok(await api.gql(UPDATE_VACANCY, { i: { id, title: 'Senior data analyst' } }, employer.token)).updateVacancy.status).toBe('PENDING_APPROVAL');
  await settled(db, id, { type: 'vacancies.vacancy-submitted', count: 2 });
  expect(await counts([staffX1, staffX2, staffY], KIND)).toEqual([2, 2, 2]);
  expect(await counts([staffZ, adminX, employer], KIND)).toEqual([0, 0, 0]);
  const [, again] = await notices(staffY, KIND);
  expect(again!.title).toBe(`Awaiting your decision: Senior data analyst from ${org.name}`);
  expect(again!.body).toContain('edited this vacancy, so it needs your decision again');
}, 60_000);

it('tells only the institutions left to decide when staff post for their own and another', async () => {
  const KIND = 'vacancy-awaiting-approval';
  const id = ok(await api.gql(POST_VACANCY, { i: vacancy({ employerName: 'Leeds City Council', targetInstitutionIds: [x.id, y.id] }) }, staffX1.token)).postVacancy.id;
  await settled(db, id, { type: 'vacancies.vacancy-submitted', count: 1 });
  expect(await counts([staffY], KIND)).toEqual([1]);
  expect((await notices(staffY, KIND))[0]!.title).toBe('Awaiting your decision: Graduate data analyst from Leeds City Council');
  expect(await counts([staffX1, staffX2, staffZ, adminX], KIND)).toEqual([0, 0, 0, 0]);
}, 60_000);

it('tells the staff of each audience institution that a live chat awaits their decision, once', async () => {
  const KIND = 'live-chat-awaiting-approval';
  const startsAt = inHours(48);
  const i = { title: 'Careers in law', description: 'Ask us', startsAt, endsAt: inHours(49), capacity: 50, institutionIds: [x.id, y.id] };
  const id = ok(await api.gql(SCHEDULE_LIVE_CHAT, { i }, employer.token)).scheduleLiveChat.id;
  await settled(db, id, { type: 'live-chats.event-submitted', count: 1 });
  expect(await counts([staffX1, staffX2, staffY], KIND)).toEqual([1, 1, 1]);
  expect(await counts([staffZ, adminX, employer], KIND)).toEqual([0, 0, 0]);
  const [notice] = await notices(staffY, KIND);
  expect(notice).toEqual({
    title: `Awaiting your decision: live chat "Careers in law" from ${org.name}`,
    body: expect.stringContaining(`on ${startsAt.slice(0, 10)} ${startsAt.slice(11, 16)} UTC`),
    link: `/approvals/live-chats#${id}`,
  });
  expect(notice!.body).toContain('In your live chat approvals, approve it for your students, or reject it');
  expect(await emails(staffX1, KIND)).toHaveLength(1);

  // A decision, an edit and a move ask nobody again (a live chat does not go back to review).
  ok(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: id, approve: true } }, staffX1.token));
  expect(ok(await api.gql(UPDATE_LIVE_CHAT, { id, i: { title: 'Careers in law firms', startsAt: inHours(50), endsAt: inHours(51) } }, employer.token)).updateLiveChat.sequence).toBe(1);
  await settled(db, id, { type: 'live-chats.event-rescheduled', count: 1 });
  expect(await counts([staffX1, staffX2, staffY], KIND)).toEqual([1, 1, 1]);
  // The employer heard of X's decision, so the events after the request were processed too.
  expect(await counts([employer], 'live-chat-decided')).toEqual([1]);
}, 60_000);
