import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import { QueueName, Role } from '@careers/contracts';
import { eventually, type TestUser } from '@careers/testing';
import { type Queue, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { heading, seriousAxeViolations, signIn, startWebStack, type WebStack } from './harness.js';

// Careers staff and admins: an admin adds an institution (a bad domain is refused beside the field, nothing
// written), creates a staff account for it; that person signs in elsewhere and opens the figures; an admin
// retries a failed job. The api has a queue prefix of its own, so no worker of another spec takes the job.
let stack: WebStack;
let admin: TestUser;
const tag = randomBytes(3).toString('hex');

beforeAll(async () => {
  stack = await startWebStack({ env: { REDIS_PREFIX: `${process.env['REDIS_PREFIX']}-staff-${tag}` } });
  admin = await stack.factory.user(Role.ADMIN, { displayName: 'Ada Admin' });
});
afterAll(() => stack.stop());

it('an admin adds an institution and a staff account for it; the new staff member sees the figures', async () => {
  const db = stack.api.app.get(DataSource);
  const { page, problems } = await stack.person();
  await signIn(page, admin.email, admin.password);
  await page.getByRole('link', { name: 'Institutions', exact: true }).first().click();
  await heading(page, 'Institutions');

  const form = page.getByRole('form', { name: 'Add an institution' });
  const name = `Harbour University ${tag}`;
  const domain = `harbour-${tag}.ac.uk`;
  await form.getByLabel('Name').fill(name);
  // Passes the browser's check (letters and dots), not the api's: a full domain name has a top-level part.
  await form.getByLabel('Email domains').fill('intranet');
  await form.getByRole('button', { name: 'Add institution' }).click();
  const domains = form.getByLabel('Email domains');
  await expect(domains.getAttribute('aria-describedby')).resolves.toBeTruthy();
  await form.getByText('each email domain must be a domain name such as leeds.ac.uk').waitFor();
  expect(await domains.getAttribute('aria-invalid')).toBe('true');
  expect((await db.query(`SELECT count(*)::int AS n FROM institution WHERE name = $1`, [name]))[0].n).toBe(0);

  await domains.fill(domain);
  await form.getByRole('button', { name: 'Add institution' }).click();
  await page.getByRole('list', { name: 'Institutions' }).getByRole('heading', { name }).waitFor();
  expect((await db.query(`SELECT email_domains FROM institution WHERE name = $1`, [name]))[0].email_domains).toEqual([domain]);

  // A staff account for it.
  await page.goto('/admin/users');
  await heading(page, 'Users');
  await page.getByRole('button', { name: 'New staff account…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New staff account' });
  const email = `sam-${tag}@${domain}`;
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Sam Staff');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('First password').fill('a first password 1');
  await dialog.getByRole('button', { name: /Institution/ }).click();
  await page.getByRole('option', { name }).click();
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('list', { name: 'Users' }).getByRole('heading', { name: 'Sam Staff' }).waitFor();
  expect(problems).toEqual([]);

  // Sam, in a browser of their own: the figures of their institution (none yet), charts and all.
  const sam = await stack.person();
  await signIn(sam.page, email, 'a first password 1');
  await sam.page.getByRole('link', { name: 'All figures, with charts' }).click();
  await heading(sam.page, 'Figures');
  await sam.page.getByText('No vacancy is published for your students yet.').waitFor();
  await sam.page.getByText('No live chat is approved for your students yet.').waitFor();
  expect(await seriousAxeViolations(sam.page)).toEqual([]);
  expect(sam.problems).toEqual([]);
});

it('an admin retries a failed job and it waits for a worker again', async () => {
  const queue = stack.api.app.get<Queue>(getQueueToken(QueueName.EVENTS));
  // A worker of this test's own that fails every job, stopped once the job failed: the retry then waits.
  const failing = new Worker(
    queue.name,
    async () => {
      throw new Error('The printer is on fire');
    },
    { connection: queue.opts.connection, prefix: queue.opts.prefix },
  );
  try {
    await queue.add('print-report', { report: 42 }, { jobId: `print-${tag}`, attempts: 1 });
    await eventually('the job to fail', async () => (await queue.getFailedCount()) === 1);
  } finally {
    await failing.close();
  }

  const { page, problems } = await stack.person();
  await signIn(page, admin.email, admin.password);
  await page.getByRole('link', { name: 'Failed jobs: 1' }).click();
  await heading(page, 'Queues');
  const failed = page.getByRole('list', { name: `Failed jobs in ${queue.name}` });
  await failed.getByText('The printer is on fire').waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await failed.getByRole('button', { name: `Retry print-report (print-${tag})` }).click();
  await page.getByText('No failed jobs in this queue.').waitFor();
  await eventually('the job to wait again', async () => (await queue.getWaitingCount()) === 1 && (await queue.getFailedCount()) === 0);
  expect(problems).toEqual([]);
});
