import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { QueueName, Role, TrustLevel } from '@careers/contracts';
import type { Institution, Organisation } from '@careers/identity';
import { LiveChatQaService } from '@careers/live-chats';
import { getQueueToken } from '@nestjs/bullmq';
import { CANCEL_LIVE_CHAT, CANCEL_LIVE_CHAT_REGISTRATION, DECIDE_LIVE_CHAT, eventually, Factory, lockWorkerTests, ok, REGISTER_FOR_LIVE_CHAT, SCHEDULE_LIVE_CHAT, scheduledRuns, settled, startApi, startWorkerProcess, type TestApi, type TestUser, UPDATE_LIVE_CHAT, type WorkerProcess } from '@careers/testing';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.js';

// Live chats with the worker as a real process: notifications of decisions, moves up the waitlist,
// cancellations, and reminders a day and an hour before (the clock is moved in PostgreSQL, not slept).
const HOUR = 3600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

let api: TestApi;
let db: DataSource;
let factory: Factory;
let worker: WorkerProcess;
let unlock: () => Promise<void>;
let inst: Institution;
let org: Organisation;
let employer: TestUser;
let staff: TestUser;

beforeAll(async () => {
  unlock = await lockWorkerTests();
  api = await startApi(createApiApp);
  db = api.app.get(DataSource);
  factory = new Factory(api);
  inst = await factory.institution();
  org = await factory.organisation({ approvedBy: inst });
  [employer, staff] = await Promise.all([factory.user(Role.EMPLOYER, { organisation: org }), factory.user(Role.STAFF, { institution: inst })]);
  worker = startWorkerProcess({ LIVE_CHAT_REMINDER_INTERVAL: '1' });
}, 180_000);
afterAll(async () => {
  await worker?.stop();
  await api.close();
  await unlock();
});

const kindsOf = async (user: TestUser): Promise<{ kind: string; title: string; body: string; link: string }[]> =>
  db.query(`SELECT kind, title, body, link FROM notification WHERE user_id = $1 ORDER BY created_at, id`, [user.user.id]);
const waitFor = (what: string, user: TestUser, kind: string, n = 1) =>
  eventually(what, async () => (await kindsOf(user)).filter((k) => k.kind === kind).length >= n);

/** Two more runs of the reminder scan (so at least one began after now), and the events of `eventId` processed. */
const reminderScansAndEvents = async (eventId: string) => {
  await scheduledRuns(api.app.get<Queue>(getQueueToken(QueueName.LIVE_CHATS)), 'send-reminders', 2);
  await settled(db, eventId);
};

async function approvedEvent(capacity: number, startsInHours = 48): Promise<string> {
  const i = { title: 'Careers in law', description: 'Ask us', startsAt: inHours(startsInHours), endsAt: inHours(startsInHours + 1), capacity, institutionIds: [inst.id] };
  const id = ok(await api.gql(SCHEDULE_LIVE_CHAT, { i }, employer.token)).scheduleLiveChat.id;
  ok(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: id, approve: true } }, staff.token));
  return id;
}

/** Moves the event so that it starts `minutes` from now (in PostgreSQL's clock). */
const startIn = (id: string, minutes: number) =>
  db.query(`UPDATE live_chat_event SET starts_at = now() + $2 * interval '1 minute', ends_at = now() + ($2 + 60) * interval '1 minute' WHERE id = $1`, [id, minutes]);

it('tells hosts of decisions, the next waitlisted person of a free place, and registrants of a cancellation', async () => {
  const id = await approvedEvent(1);
  await waitFor('the approval notification', employer, 'live-chat-decided');
  expect((await kindsOf(employer))[0]).toMatchObject({ title: 'Your live chat "Careers in law" was approved', link: `/live-chats/${id}` });

  const [first, second] = await Promise.all([factory.user(Role.STUDENT, { institution: inst }), factory.user(Role.STUDENT, { institution: inst })]);
  expect(ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, first.token)).registerForLiveChat.status).toBe('REGISTERED');
  expect(ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, second.token)).registerForLiveChat.status).toBe('WAITLISTED');
  ok(await api.gql(CANCEL_LIVE_CHAT_REGISTRATION, { id }, first.token));
  await waitFor('the moved-up notification', second, 'live-chat-promoted');
  expect((await kindsOf(second))[0]!.title).toBe('You have a place: "Careers in law"');

  ok(await api.gql(CANCEL_LIVE_CHAT, { id, r: 'Our speaker is ill' }, employer.token));
  await waitFor('the cancellation notification', second, 'live-chat-cancelled');
  const cancelled = (await kindsOf(second)).find((k) => k.kind === 'live-chat-cancelled')!;
  expect(cancelled.body).toContain('Our speaker is ill');
  // The person who had given up their place hears nothing of it.
  expect((await kindsOf(first)).map((k) => k.kind)).toEqual([]);
}, 60_000);

it('reminds registrants a day and an hour before, once each, and again after a reschedule', async () => {
  const id = await approvedEvent(1);
  const [registered, waitlisted] = await Promise.all([factory.user(Role.STUDENT, { institution: inst }), factory.user(Role.STUDENT, { institution: inst })]);
  ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, registered.token));
  ok(await api.gql(REGISTER_FOR_LIVE_CHAT, { id }, waitlisted.token));
  const reminders = async (u: TestUser) => (await kindsOf(u)).filter((k) => k.kind === 'live-chat-reminder').map((k) => k.title);

  // 23 hours before: the day-before reminder, once, however many scans run.
  await startIn(id, 23 * 60);
  await waitFor('the day-before reminder', registered, 'live-chat-reminder');
  await reminderScansAndEvents(id); // at least one more whole scan, and what it asked done
  expect(await reminders(registered)).toEqual(['Tomorrow: "Careers in law"']);

  // A reschedule makes the day-before reminder due again, for the new time.
  expect(ok(await api.gql(UPDATE_LIVE_CHAT, { id, i: { startsAt: inHours(22), endsAt: inHours(23) } }, employer.token)).updateLiveChat.sequence).toBe(1);
  await waitFor('the day-before reminder for the new time', registered, 'live-chat-reminder', 2);

  // 30 minutes before: the hour-before reminder.
  await startIn(id, 30);
  await waitFor('the hour-before reminder', registered, 'live-chat-reminder', 3);
  await reminderScansAndEvents(id);
  expect(await reminders(registered)).toEqual(['Tomorrow: "Careers in law"', 'Tomorrow: "Careers in law"', 'In an hour: "Careers in law"']);
  const rows = await db.query(`SELECT which, sequence FROM live_chat_reminder WHERE event_id = $1 AND user_id = $2 ORDER BY sent_at, which`, [id, registered.user.id]);
  expect(rows).toEqual([
    { which: 'DAY_BEFORE', sequence: 0 },
    { which: 'DAY_BEFORE', sequence: 1 },
    { which: 'HOUR_BEFORE', sequence: 1 },
  ]);
  // Waitlisted people have no place to be reminded of.
  expect(await reminders(waitlisted)).toEqual([]);
}, 60_000);

it('tells hosts of a follow-up question on the Q&A page, and the student when a host answers it', async () => {
  const id = await approvedEvent(5);
  const student = await factory.user(Role.STUDENT, { institution: inst });
  await db.query(`UPDATE live_chat_event SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [id]);
  ok(await api.gql(`mutation($id: ID!) { signOffLiveChatQa(eventId: $id) { eventId } }`, { id }, employer.token));
  const publisher = { id: staff.user.id, role: Role.STAFF, institutionId: inst.id, organisationId: null, trustLevel: TrustLevel.NEW, sessionId: 'test' };
  await api.app.get(LiveChatQaService).publishTranscript(publisher, id, [{ question: 'Is it remote?', answer: 'Hybrid', askedById: null, answeredById: null }]);
  const asked = ok(await api.gql(`mutation($id: ID!) { askLiveChatFollowUp(eventId: $id, question: "Which offices?") { id } }`, { id }, student.token)).askLiveChatFollowUp;
  await waitFor('the asked notification', employer, 'live-chat-follow-up-asked');
  expect((await kindsOf(employer)).find((k) => k.kind === 'live-chat-follow-up-asked')!.link).toBe(`/live-chats/${id}/qa#${asked.id}`);
  ok(await api.gql(`mutation($id: ID!) { answerLiveChatFollowUp(id: $id, answer: "London and Leeds") { id } }`, { id: asked.id }, employer.token));
  await waitFor('the answered notification', student, 'live-chat-follow-up-answered');
  expect((await kindsOf(student))[0]).toMatchObject({ title: 'Your question on "Careers in law" was answered', link: `/live-chats/${id}/qa#${asked.id}` });
}, 60_000);
