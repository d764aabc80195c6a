import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { QueueName, Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import { getQueueToken } from '@nestjs/bullmq';
import { CREATE_ALERT, eventually, Factory, INBOX, lockWorkerTests, mailHeader, mailText, ok, POST_VACANCY, scheduledRuns, settled, startApi, startSmtpServer, startWorkerProcess, type TestApi, type TestUser, UPDATE_VACANCY, VACANCY_ALERT_FIGURES, type WorkerProcess } from '@careers/testing';
import type { Queue } from 'bullmq';
import Parser from 'rss-parser';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.js';

// Vacancy alerts end to end: the api, a worker process, a real SMTP server and a webhook receiver on loopback.
const ALERT = `query($id: ID!) { alertSubscription(id: $id) { email webhook { state failures } } }`;

const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();
const vacancy = (over: Record<string, unknown> = {}) => ({
  title: 'Graduate data analyst',
  description: 'Analyse data for our customers, with SQL and Python, in a friendly team.',
  sector: 'Data',
  location: 'Leeds',
  remote: 'HYBRID',
  type: 'GRADUATE_JOB',
  closesAt: inDays(30),
  applyUrl: 'https://jobs.example.com/1',
  employerName: 'Acme',
  submit: true,
  ...over,
});

const hooks: { path: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let receiver: Server;
let hookBase: string;
let api: TestApi;
let db: DataSource;
let factory: Factory;
let worker: WorkerProcess;
let unlock: () => Promise<void>;
const flaky = new Map<string, number>();

const workerEnv = () => ({
  SMTP_URL: smtp.url,
  PUBLIC_URL: api.url,
  VACANCY_SCHEDULE_INTERVAL: '1',
  WEBHOOK_ALLOW_LOOPBACK: 'true',
  WEBHOOK_ATTEMPTS: '3',
  WEBHOOK_BACKOFF_MS: '100',
  WEBHOOK_DISABLE_AFTER: '2',
});

beforeAll(async () => {
  unlock = await lockWorkerTests();
  smtp = await startSmtpServer();
  // /ok answers 200; /flaky/<n>/<key> fails n times per key, then answers 200; /down always fails.
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      hooks.push({ path: req.url!, headers: req.headers, body });
      const [, kind, n] = req.url!.split('/');
      if (kind === 'down') return res.writeHead(503).end('down for maintenance');
      if (kind === 'flaky') {
        const seen = (flaky.get(req.url!) ?? 0) + 1;
        flaky.set(req.url!, seen);
        if (seen <= Number(n)) return res.writeHead(500).end('try again');
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookBase = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
  api = await startApi(createApiApp, { WEBHOOK_ALLOW_LOOPBACK: 'true' });
  db = api.app.get(DataSource);
  factory = new Factory(api);
  worker = startWorkerProcess(workerEnv());
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await api.close();
  await smtp.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await unlock();
});

const header = mailHeader;
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
const local = (url: string) => `${api.url}${new URL(url).pathname}`;
/**
 * What the worker had to do about these vacancies and alerts is done: their
 * events are processed (other test files write to the same outbox meanwhile)
 * and the vacancies schedule has run twice since (the second run began after).
 */
const settledAndScheduled = async (aggregateIds: string[]) => {
  await settled(db, aggregateIds);
  await scheduledRuns(api.app.get<Queue>(getQueueToken(QueueName.VACANCIES)), 'vacancies-schedule', 2);
};

describe('a published vacancy reaches the people whose alerts it matches', () => {
  // Each test has an institution of its own, so vacancies of one never reach the alerts of another.
  let school: Institution;
  let staff: TestUser;

  beforeEach(async () => {
    school = await factory.institution();
    staff = await factory.user(Role.STAFF, { institution: school });
  });

  it('in-app, by email, on the feed and by signed webhook, each once, with why it matched; and again never after a re-publish', async () => {
    const student = await factory.user(Role.STUDENT, { institution: school });
    const alert = ok(
      await api.gql(CREATE_ALERT, { i: { name: 'Data in Leeds', keywords: ['data'], filter: { location: 'Leeds' }, webhookUrl: `${hookBase}/ok/${randomUUID()}` } }, student.token),
    ).createAlertSubscription;
    const { id } = ok(await api.gql(POST_VACANCY, { i: vacancy() }, staff.token)).postVacancy;

    await eventually('the in-app alert', async () => ok(await api.gql(INBOX, {}, student.token)).notifications.edges.length === 1);
    expect(ok(await api.gql(INBOX, {}, student.token)).notifications.edges[0].node).toEqual({
      kind: 'vacancy-alert',
      title: 'New vacancy: Graduate data analyst at Acme',
      body: 'Why: keyword: data; location: Leeds',
      link: `/vacancies/${id}`,
    });

    await eventually('the alert email', async () => mailsTo(student.email).length === 1);
    const mail = mailsTo(student.email)[0]!.raw;
    expect(header(mail, 'Subject')).toBe('1 new vacancy for your alert "Data in Leeds"');
    expect(mailText(mail)).toContain('Why: keyword: data; location: Leeds');
    const unsubscribe = header(mail, 'List-Unsubscribe')!.replace(/^<|>$/g, '');
    expect(new URL(unsubscribe).pathname).toBe('/alerts/unsubscribe');

    await eventually('the webhook', async () => hooks.some((h) => h.body.includes(id)));
    const hook = hooks.find((h) => h.body.includes(id))!;
    const [t, v1] = String(hook.headers['x-careers-signature']).split(',').map((p) => p.split('=')[1]);
    expect(v1).toBe(createHmac('sha256', alert.webhook.secret).update(`${t}.${hook.body}`).digest('hex'));
    expect(JSON.parse(hook.body)).toMatchObject({ type: 'vacancy.matched', vacancy: { id, title: 'Graduate data analyst' }, why: 'keyword: data; location: Leeds' });

    // The feeds parse with a real feed reader.
    const parser = new Parser();
    for (const url of [alert.atomUrl, alert.rssUrl]) {
      const res = await fetch(local(url));
      expect(res.headers.get('content-type')).toMatch(/^application\/(atom|rss)\+xml/);
      const feed = await parser.parseString(await res.text());
      expect(feed.title).toBe('Vacancy alert: Data in Leeds');
      expect(feed.items.map((i) => [i.title, new URL(i.link!).pathname])).toEqual([['Graduate data analyst (Acme, Leeds)', `/vacancies/${id}`]]);
    }

    await eventually('the webhook recorded', async () => ok(await api.gql(VACANCY_ALERT_FIGURES, { id }, staff.token)).vacancy.alertFigures.webhook === 1);
    expect(ok(await api.gql(VACANCY_ALERT_FIGURES, { id }, staff.token)).vacancy.alertFigures).toEqual({ matched: 1, inApp: 1, email: 1, webhook: 1, feed: 1 });

    // Edited and published again: nobody hears of it twice, on any channel.
    ok(await api.gql(UPDATE_VACANCY, { i: { id, title: 'Graduate data analyst (Leeds)' } }, staff.token));
    await settledAndScheduled([id, alert.id]);
    expect(ok(await api.gql(INBOX, {}, student.token)).notifications.edges).toHaveLength(1);
    expect(mailsTo(student.email)).toHaveLength(1);
    expect(hooks.filter((h) => h.body.includes(id))).toHaveLength(1);

    // One-click unsubscribe turns off this alert's emails only.
    const posted = await fetch(local(unsubscribe) + new URL(unsubscribe).search, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(posted.status).toBe(200);
    expect(ok(await api.gql(ALERT, { id: alert.id }, student.token)).alertSubscription.email).toBe(false);
  }, 60_000);

  it('puts at most 10 vacancies in an email and 2 from one employer, counts the rest, and sends no digest early or empty', async () => {
    const student = await factory.user(Role.STUDENT, { institution: school });
    const sector = `Quality ${randomUUID().slice(0, 8)}`;
    const alert = ok(await api.gql(CREATE_ALERT, { i: { name: 'Quality jobs', filter: { sector }, frequency: 'DAILY' } }, student.token)).createAlertSubscription;
    const employers = ['Busy Ltd', 'Busy Ltd', 'Busy Ltd', 'Busy Ltd', 'Busy Ltd', ...Array.from({ length: 9 }, (_, i) => `Employer ${i}`)];
    const ids: string[] = [alert.id];
    for (const [i, employerName] of employers.entries()) {
      ids.push(ok(await api.gql(POST_VACANCY, { i: vacancy({ title: `Quality role ${i}`, sector, employerName }) }, staff.token)).postVacancy.id);
    }
    await eventually('every in-app alert', async () => ok(await api.gql(INBOX, {}, student.token)).notifications.edges.length === employers.length);
    await settledAndScheduled(ids);
    expect(mailsTo(student.email)).toHaveLength(0); // a daily digest waits for its day

    await db.query(`UPDATE alert_match SET matched_at = matched_at - interval '25 hours' WHERE user_id = $1`, [student.user.id]);
    await eventually('the digest', async () => mailsTo(student.email).length === 1);
    const text = mailText(mailsTo(student.email)[0]!.raw);
    const items = text.split('\n').filter((l) => l.startsWith('* '));
    expect(items).toHaveLength(10);
    expect(items.filter((l) => l.includes('Busy Ltd'))).toHaveLength(2);
    expect(text).toContain('4 more matches for this alert');
    expect(header(mailsTo(student.email)[0]!.raw, 'Subject')).toBe('10 new vacancies for your alert "Quality jobs"');

    // Nothing waits, so nothing more is sent, even when the next day comes.
    await db.query(`UPDATE alert_subscription SET last_emailed_at = now() - interval '2 days' WHERE user_id = $1`, [student.user.id]);
    await settledAndScheduled(ids);
    expect(mailsTo(student.email)).toHaveLength(1);
  }, 90_000);

  it('retries a failing webhook with backoff, and turns it off after repeated failures, telling its owner', async () => {
    const student = await factory.user(Role.STUDENT, { institution: school });
    const owner = await factory.user(Role.STUDENT, { institution: school });
    const keyword = `kw${randomUUID().slice(0, 6)}`;
    ok(await api.gql(CREATE_ALERT, { i: { name: 'Flaky', keywords: [keyword], webhookUrl: `${hookBase}/flaky/2/${randomUUID()}`, inApp: false, email: false } }, student.token));
    const down = ok(await api.gql(CREATE_ALERT, { i: { name: 'Down', keywords: [keyword], webhookUrl: `${hookBase}/down/${randomUUID()}`, email: false } }, owner.token))
      .createAlertSubscription;

    const first = ok(await api.gql(POST_VACANCY, { i: vacancy({ title: `Role ${keyword} one` }) }, staff.token)).postVacancy.id;
    await eventually('the flaky webhook to succeed on its third attempt', async () => ok(await api.gql(VACANCY_ALERT_FIGURES, { id: first }, staff.token)).vacancy.alertFigures.webhook === 1);
    expect(hooks.filter((h) => h.path.startsWith('/flaky/') && h.body.includes(first))).toHaveLength(3);

    await eventually('the first failed delivery', async () => ok(await api.gql(ALERT, { id: down.id }, owner.token)).alertSubscription.webhook.failures === 1);
    expect(ok(await api.gql(ALERT, { id: down.id }, owner.token)).alertSubscription.webhook.state).toBe('ACTIVE');
    ok(await api.gql(POST_VACANCY, { i: vacancy({ title: `Role ${keyword} two` }) }, staff.token));
    await eventually('the webhook turned off', async () => ok(await api.gql(ALERT, { id: down.id }, owner.token)).alertSubscription.webhook.state === 'DISABLED');
    expect(hooks.filter((h) => h.path.startsWith('/down/') && h.body.includes(keyword))).toHaveLength(2 * 3);
    await eventually('the notice', async () =>
      ok(await api.gql(INBOX, {}, owner.token)).notifications.edges.some((e: { node: { kind: string } }) => e.node.kind === 'alert-webhook-disabled'),
    );

    // A turned-off webhook is called no more.
    const third = ok(await api.gql(POST_VACANCY, { i: vacancy({ title: `Role ${keyword} three` }) }, staff.token)).postVacancy.id;
    await eventually('the in-app alert of the third', async () => ok(await api.gql(INBOX, {}, owner.token)).notifications.edges.length === 4);
    await settledAndScheduled([third, down.id]);
    expect(hooks.filter((h) => h.path.startsWith('/down/') && h.body.includes(third))).toHaveLength(0);
  }, 90_000);

  it('loses no alert and repeats none when the worker is killed in the middle of a fan-out', async () => {
    const total = 20_000;
    const keyword = `fan${randomUUID().slice(0, 6)}`;
    // Subscribers written straight to the table: the fan-out, not sign-up, is under test.
    await factory.alertSubscribers(school, keyword, total);
    await worker.stop();
    const { id } = ok(await api.gql(POST_VACANCY, { i: vacancy({ title: `Fan-out ${keyword}` }) }, staff.token)).postVacancy;
    const alerts = async () => (await db.query(`SELECT count(*)::int AS n FROM notification WHERE link = $1`, [`/vacancies/${id}`]))[0].n as number;

    const first = startWorkerProcess(workerEnv());
    await eventually('the fan-out to start', async () => (await alerts()) > 0, 30_000);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await alerts()).toBeLessThan(total);

    worker = startWorkerProcess(workerEnv());
    await eventually('every alert', async () => (await alerts()) >= total, 60_000);
    const [row] = await db.query(`SELECT count(*)::int AS rows, count(DISTINCT user_id)::int AS people FROM notification WHERE link = $1`, [`/vacancies/${id}`]);
    expect(row).toEqual({ rows: total, people: total });
  }, 120_000);
});
