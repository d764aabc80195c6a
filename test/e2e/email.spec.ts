import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueueName, Role } from '@careers/contracts';
import { getQueueToken } from '@nestjs/bullmq';
import { DECIDE_ORGANISATION, eventually, Factory, lockWorkerTests, mailHeader, ok, type ReceivedMail, scheduledRuns, settled, startApi, startSmtpServer, startWorkerProcess, type TestApi } from '@careers/testing';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.js';

// Email end to end: a real SMTP server in-process receives what the worker process sends.
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let received: ReceivedMail[];
let smtpPort: number;
let api: TestApi;
let unlock: () => Promise<void>;

beforeAll(async () => {
  unlock = await lockWorkerTests();
  smtp = await startSmtpServer();
  received = smtp.received;
  smtpPort = Number(new URL(smtp.url).port);
  api = await startApi(createApiApp);
}, 180_000);
afterAll(async () => {
  await api.close();
  await smtp.close();
  await unlock();
});

const header = mailHeader;
/** Two more runs of the email schedule, so at least one began after now. */
const emailSchedule = () => scheduledRuns(api.app.get<Queue>(getQueueToken(QueueName.NOTIFICATIONS)), 'send-scheduled-emails', 2);

it('emails the members of an organisation, with one-click unsubscribe that turns that kind of email off', async () => {
  const factory = new Factory(api);
  const institution = await factory.institution('Mail University');
  const staff = await factory.user(Role.STAFF, { institution });
  const org = await factory.organisation({ pendingAt: institution });
  const member = await factory.user(Role.EMPLOYER, { organisation: org });
  const worker = startWorkerProcess({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PUBLIC_URL: api.url });
  try {
    ok(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: false, reason: 'Add a website first' } }, staff.token));
    await eventually('the email', async () => received.some((m) => m.to.includes(member.email)));
    const mail = received.find((m) => m.to.includes(member.email))!.raw;
    expect(header(mail, 'Subject')).toBe(`Mail University did not approve ${org.name}`);
    expect(mail).toContain('Add a website first');
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = header(mail, 'List-Unsubscribe')!.replace(/^<|>$/g, '');
    expect(unsubscribe.startsWith(`${api.url}/unsubscribe?token=`)).toBe(true);

    // A forged link changes nothing; the real one, posted as a mail client does, turns the emails off.
    expect((await fetch(`${api.url}/unsubscribe?token=forged.token`, { method: 'POST' })).status).toBe(400);
    expect((await fetch(unsubscribe)).status).toBe(200);
    const decisions = async () =>
      ok(await api.gql(`{ notificationPreferences { kind email inApp } }`, {}, member.token)).notificationPreferences.find(
        (p: { kind: string }) => p.kind === 'organisation-decided',
      );
    expect(await decisions()).toEqual({ kind: 'organisation-decided', email: true, inApp: true });
    const posted = await fetch(unsubscribe, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(posted.status).toBe(200);
    expect(await decisions()).toEqual({ kind: 'organisation-decided', email: false, inApp: true });

    // The next decision reaches the inbox, not the mailbox.
    const before = received.filter((m) => m.to.includes(member.email)).length;
    ok(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: true } }, staff.token));
    await eventually('the in-app notification', async () =>
      ok(await api.gql(`{ notifications(first: 5) { edges { node { title } } } }`, {}, member.token)).notifications.edges.length === 2,
    );
    await settled(api.app.get(DataSource), org.id); // the decision's events and the emails they asked for
    expect(received.filter((m) => m.to.includes(member.email))).toHaveLength(before);
  } finally {
    await worker.stop();
  }
}, 60_000);

it('writes emails as .eml files under MAIL_DIR when no SMTP server is configured', async () => {
  const { mkdtempSync, readdirSync, readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'careers-mail-'));
  const factory = new Factory(api);
  const institution = await factory.institution('File University');
  const staff = await factory.user(Role.STAFF, { institution });
  const org = await factory.organisation({ pendingAt: institution });
  const member = await factory.user(Role.EMPLOYER, { organisation: org });
  const worker = startWorkerProcess({ MAIL_DIR: dir, SMTP_URL: '' });
  try {
    ok(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: true } }, staff.token));
    const mine = () => readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).filter((m) => m.includes(member.email));
    await eventually('the .eml file', async () => mine().length === 1);
    expect(header(mine()[0]!, 'Subject')).toBe(`File University approved ${org.name}`);
  } finally {
    await worker.stop();
  }
}, 30_000);

describe('digests and quiet hours', () => {
  const SETTINGS = `mutation($i: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $i) { emailFrequency timeZone quietStart quietEnd } }`;
  const mailsTo = (email: string) => received.filter((m) => m.to.includes(email));

  it('refuses settings that make no sense', async () => {
    const person = await new Factory(api).user(Role.STUDENT, { institution: await new Factory(api).institution() });
    const { errorCode } = await import('@careers/testing');
    expect(errorCode(await api.gql(SETTINGS, { i: { timeZone: 'Europe/Londres' } }, person.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(SETTINGS, { i: { quietStart: 1320 } }, person.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(SETTINGS, { i: { quietStart: 1320, quietEnd: 2000 } }, person.token))).toBe('BAD_USER_INPUT');
    expect(ok(await api.gql(`{ notificationSettings { emailFrequency timeZone quietStart quietEnd } }`, {}, person.token)).notificationSettings).toEqual({
      emailFrequency: 'INSTANT',
      timeZone: 'UTC',
      quietStart: null,
      quietEnd: null,
    });
  });

  it('groups what arrived in the period into one digest, and sends none when nothing did', async () => {
    const factory = new Factory(api);
    const institution = await factory.institution('Digest University');
    const staff = await factory.user(Role.STAFF, { institution });
    const org = await factory.organisation({ pendingAt: institution });
    const member = await factory.user(Role.EMPLOYER, { organisation: org });
    ok(await api.gql(SETTINGS, { i: { emailFrequency: 'DAILY' } }, member.token));
    const worker = startWorkerProcess({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PUBLIC_URL: api.url, EMAIL_SCHEDULE_INTERVAL: '1' });
    try {
      ok(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: false, reason: 'Add a website' } }, staff.token));
      ok(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: true } }, staff.token));
      await eventually('both in-app notifications', async () =>
        ok(await api.gql(`{ unreadNotificationCount }`, {}, member.token)).unreadNotificationCount === 2,
      );
      await emailSchedule(); // the day has not passed
      expect(mailsTo(member.email)).toHaveLength(0);

      // A day passes (the clock is PostgreSQL's: move the two emails a day back).
      const db = api.app.get((await import('typeorm')).DataSource);
      await db.query(`UPDATE notification_email SET created_at = created_at - interval '25 hours' WHERE user_id = $1`, [member.user.id]);
      await eventually('the digest', async () => mailsTo(member.email).length === 1);
      const digest = mailsTo(member.email)[0]!.raw;
      expect(header(digest, 'Subject')).toBe('Your daily digest: 2 notifications');
      expect(digest).toContain(`Digest University did not approve ${org.name}`);
      expect(digest).toContain(`Digest University approved ${org.name}`);
      await emailSchedule();
      expect(mailsTo(member.email)).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  }, 60_000);

  it('holds an instant email during quiet hours and sends it when they end', async () => {
    const factory = new Factory(api);
    const institution = await factory.institution('Quiet University');
    const staff = await factory.user(Role.STAFF, { institution });
    const org = await factory.organisation({ pendingAt: institution });
    const member = await factory.user(Role.EMPLOYER, { organisation: org });
    const now = new Date();
    const minute = now.getUTCHours() * 60 + now.getUTCMinutes();
    ok(await api.gql(SETTINGS, { i: { timeZone: 'UTC', quietStart: (minute + 1380) % 1440, quietEnd: (minute + 60) % 1440 } }, member.token));
    const worker = startWorkerProcess({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PUBLIC_URL: api.url, EMAIL_SCHEDULE_INTERVAL: '1' });
    try {
      ok(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: true } }, staff.token));
      await eventually('the in-app notification', async () => ok(await api.gql(`{ unreadNotificationCount }`, {}, member.token)).unreadNotificationCount === 1);
      const db = api.app.get((await import('typeorm')).DataSource);
      const [held] = await db.query(`SELECT send_after FROM notification_email WHERE user_id = $1`, [member.user.id]);
      const expected = Math.floor(now.getTime() / 60_000) * 60_000 + 60 * 60_000;
      expect(Math.abs(new Date(held.send_after).getTime() - expected)).toBeLessThanOrEqual(60_000);
      await emailSchedule();
      expect(mailsTo(member.email)).toHaveLength(0);

      // The quiet hours end (move the hold to now).
      await db.query(`UPDATE notification_email SET send_after = now() WHERE user_id = $1`, [member.user.id]);
      await eventually('the held email', async () => mailsTo(member.email).length === 1);
      expect(header(mailsTo(member.email)[0]!.raw, 'Subject')).toBe(`Quiet University approved ${org.name}`);
    } finally {
      await worker.stop();
    }
  }, 60_000);
});
