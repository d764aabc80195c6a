import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { QueueName, Role } from '@careers/contracts';
import { getQueueToken } from '@nestjs/bullmq';
import {
  eventually,
  Factory,
  INBOX,
  lockWorkerTests,
  mailHeader,
  MARK_MENTORSHIP_READ,
  ok,
  type ReceivedMail,
  scheduledRuns,
  SEND_MENTORSHIP_MESSAGE,
  startApi,
  startSmtpServer,
  startWorkerProcess,
  type TestApi,
  type WorkerProcess,
} from '@careers/testing';
import type { Queue } from 'bullmq';
import { createApiApp } from '../../apps/api/src/app.js';

// Mentorship conversations' schedule end to end: the worker as a real process scans every second, a message is
// "unread for a while" after 2 s here (15 min by default), and its email lands in a real SMTP server.
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let received: ReceivedMail[];
let api: TestApi;
let factory: Factory;
let worker: WorkerProcess;
let unlock: () => Promise<void>;

beforeAll(async () => {
  unlock = await lockWorkerTests();
  smtp = await startSmtpServer();
  received = smtp.received;
  api = await startApi(createApiApp);
  factory = new Factory(api);
  worker = startWorkerProcess({ SMTP_URL: smtp.url, PUBLIC_URL: api.url, MENTORSHIP_SCAN_INTERVAL: '1', MENTORSHIP_UNREAD_EMAIL_AFTER: '2', EMAIL_SCHEDULE_INTERVAL: '1' });
}, 180_000);
afterAll(async () => {
  await worker.stop();
  await api.close();
  await smtp.close();
  await unlock();
});

/** Two more runs of the conversations' scan, so at least one began after now. */
const scans = () => scheduledRuns(api.app.get<Queue>(getQueueToken(QueueName.MENTORING)), 'scan-conversations', 2);
const mailTo = (email: string) => received.filter((m) => m.to.includes(email));
const inbox = async (token: string) => ok(await api.gql(INBOX, {}, token)).notifications.edges.map((e: { node: { kind: string; title: string; body: string; link: string } }) => e.node);

it('emails the recipient once per unread spell, never the message text, and nobody else', async () => {
  const institution = await factory.institution();
  const mentor = await factory.user(Role.ALUMNUS, { institution, displayName: 'Alan Alumnus' });
  const mentee = await factory.user(Role.STUDENT, { institution, displayName: 'Sam Student' });
  const stranger = await factory.user(Role.STUDENT, { institution });
  const id = await factory.activeMentorship(mentor, mentee);
  const send = async (body: string, clientId: string) => ok(await api.gql(SEND_MENTORSHIP_MESSAGE, { i: { mentorshipId: id, body, clientId } }, mentee.token)).sendMentorshipMessage;
  await send('A secret about my application', 'm1');
  const last = await send('And another thing', 'm2');

  await eventually('the unread email', () => mailTo(mentor.email).length > 0);
  const mail = mailTo(mentor.email)[0]!.raw;
  expect(mailHeader(mail, 'Subject')).toBe('Sam Student sent you 2 messages');
  expect(mail).toContain(`/mentorships/${id}/conversation`);
  expect(mail).not.toContain('secret');
  // More scans, still one email: not one per message, nor per scan.
  await scans();
  expect(mailTo(mentor.email)).toHaveLength(1);
  expect(mailTo(mentee.email)).toHaveLength(0); // the sender has nothing unread
  expect((await inbox(mentor.token)).filter((n: { kind: string }) => n.kind === 'mentorship-message-unread')).toHaveLength(1);
  expect(await inbox(stranger.token)).toEqual([]);
  expect(mailTo(stranger.email)).toHaveLength(0);

  // Reading ends the spell; the next unread message starts another, with its own one email.
  ok(await api.gql(MARK_MENTORSHIP_READ, { m: id, up: last.id }, mentor.token));
  await send('Did you see my last message?', 'm3');
  await eventually('the second unread email', () => mailTo(mentor.email).length === 2);
  expect(mailHeader(mailTo(mentor.email)[1]!.raw, 'Subject')).toBe('Sam Student sent you a message');
  await scans();
  expect(mailTo(mentor.email)).toHaveLength(2);
}, 90_000);

it('prompts both parties to check in after a quiet spell, once', async () => {
  const institution = await factory.institution();
  const mentor = await factory.user(Role.ALUMNUS, { institution, displayName: 'Quiet Mentor' });
  const mentee = await factory.user(Role.STUDENT, { institution, displayName: 'Quiet Mentee' });
  const busyMentor = await factory.user(Role.ALUMNUS, { institution });
  const busyMentee = await factory.user(Role.STUDENT, { institution });
  const quiet = await factory.activeMentorship(mentor, mentee, { startedDaysAgo: 15 });
  const busy = await factory.activeMentorship(busyMentor, busyMentee, { startedDaysAgo: 15 });
  ok(await api.gql(SEND_MENTORSHIP_MESSAGE, { i: { mentorshipId: busy, body: 'Still here', clientId: 'b1' } }, busyMentee.token));

  const checkIns = async (token: string) => (await inbox(token)).filter((n: { kind: string }) => n.kind === 'mentorship-check-in');
  await eventually('both check-in prompts', async () => (await checkIns(mentor.token)).length === 1 && (await checkIns(mentee.token)).length === 1);
  expect((await checkIns(mentee.token))[0]).toMatchObject({ title: 'Time to check in with Quiet Mentor?', link: `/mentorships/${quiet}/conversation` });
  expect((await checkIns(mentor.token))[0].title).toBe('Time to check in with Quiet Mentee?');
  await scans();
  expect(await checkIns(mentor.token)).toHaveLength(1);
  expect(await checkIns(busyMentor.token)).toEqual([]);
  expect(await checkIns(busyMentee.token)).toEqual([]);
}, 90_000);
