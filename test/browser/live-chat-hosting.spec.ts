import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution, Organisation } from '@careers/identity';
import type { TestUser } from '@careers/testing';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { heading, seriousAxeViolations, signIn, startWebStack, type WebStack } from './harness.js';

// Hosting a live chat in the browser, one context per person: an employer schedules one (a bad end is refused
// beside its field, and nothing is written), staff approve it, a student registers, the host sees the registration
// and reschedules, and the student's page shows the new time. After a chat, the host signs off its Q&A page, staff
// publish it, a student reads it and asks a follow-up, and the host answers it.
let stack: WebStack;
let db: DataSource;
let institution: Institution;
let organisation: Organisation;
let host: TestUser;
let staff: TestUser;
let student: TestUser;

const OURS = `{ organisationLiveChats(first: 50) { edges { node { id title startsAt } } } }`;

beforeAll(async () => {
  stack = await startWebStack();
  db = stack.api.app.get(DataSource);
  institution = await stack.factory.institution();
  organisation = await stack.factory.organisation({ approvedBy: institution });
  [host, , staff, student] = await Promise.all([
    stack.factory.user(Role.EMPLOYER, { organisation, displayName: 'Hana Host' }),
    stack.factory.user(Role.EMPLOYER, { organisation, displayName: 'Cai Colleague' }),
    stack.factory.user(Role.STAFF, { institution, displayName: 'Sam Staff' }),
    stack.factory.user(Role.STUDENT, { institution, displayName: 'Stella Student' }),
  ]);
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

/** A `datetime-local` value `days` from today at `hour`:00 in the page's time zone, and the moment it is. */
async function localTime(page: Page, days: number, hour: number): Promise<{ input: string; iso: string }> {
  return page.evaluate(
    ([d, h]) => {
      const at = new Date();
      at.setDate(at.getDate() + d!);
      at.setHours(h!, 0, 0, 0);
      const pad = (n: number) => String(n).padStart(2, '0');
      return { input: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:00`, iso: at.toISOString() };
    },
    [days, hour],
  );
}

const chatsOfOrganisation = async () => (await stack.api.gql<{ organisationLiveChats: { edges: { node: { id: string; title: string; startsAt: string } }[] } }>(OURS, {}, host.token)).data!.organisationLiveChats.edges.map((e) => e.node);

it('an employer schedules a chat, staff approve it, a student registers, the host sees them and reschedules; the student sees the new time', async () => {
  const employer = await stack.person();
  await signIn(employer.page, host.email, host.password);
  await employer.page.goto('/live-chats');
  await heading(employer.page, 'Live chats');
  await employer.page.getByText('Your organisation has no live chats coming up.').waitFor();
  await employer.page.getByRole('link', { name: 'Schedule a live chat' }).click();
  await heading(employer.page, 'Schedule a live chat');
  expect(await seriousAxeViolations(employer.page)).toEqual([]);

  const start = await localTime(employer.page, 2, 10);
  const early = await localTime(employer.page, 2, 9);
  const end = await localTime(employer.page, 2, 11);
  const form = employer.page.getByRole('form', { name: 'Schedule a live chat' });
  await form.getByLabel('Title').fill('Careers in patent law');
  await form.getByLabel('Description').fill('Our trainees answer your questions.\n\nBring your CV questions too.');
  await form.getByLabel('Starts', { exact: true }).fill(start.input);
  await form.getByLabel('Ends', { exact: true }).fill(early.input);
  await form.getByLabel('Places').fill('30');
  await expect(form.getByRole('checkbox', { name: institution.name }).isChecked()).resolves.toBe(true);
  await form.getByRole('button', { name: 'Schedule' }).click();
  // Refused beside the field, before anything is sent.
  await form.getByText('The end must be after the start.').waitFor();
  expect(await form.getByLabel('Ends', { exact: true }).getAttribute('aria-describedby')).toBeTruthy();
  expect(await chatsOfOrganisation()).toEqual([]);

  await form.getByLabel('Ends', { exact: true }).fill(end.input);
  await form.getByText('Cai Colleague').click(); // the box's label: react-aria keeps the input itself visually hidden
  await expect(form.getByRole('checkbox', { name: 'Cai Colleague' }).isChecked()).resolves.toBe(true);
  await form.getByRole('button', { name: 'Schedule' }).click();
  await heading(employer.page, /^Careers in patent law$/);
  await employer.page.getByText(/Hosts: (Hana Host, Cai Colleague|Cai Colleague, Hana Host)\./).waitFor();
  const [scheduled] = await chatsOfOrganisation();
  expect(scheduled).toMatchObject({ title: 'Careers in patent law', startsAt: start.iso });
  const id = scheduled!.id;
  await employer.page.getByText('Waiting for a decision').waitFor();

  // Staff approve it from their approvals page.
  const adviser = await stack.person();
  await signIn(adviser.page, staff.email, staff.password);
  await adviser.page.goto(`/live-chats/${id}`);
  await heading(adviser.page, /^Careers in patent law$/);
  await adviser.page.getByRole('list', { name: 'Decisions by institution' }).getByText('Waiting for a decision').waitFor();
  await adviser.page.getByRole('link', { name: 'Approve or reject it' }).click();
  await heading(adviser.page, 'Approvals');
  expect(new URL(adviser.page.url()).pathname + new URL(adviser.page.url()).hash).toBe(`/approvals/live-chats#${id}`);
  const item = adviser.page.getByRole('listitem', { name: 'Careers in patent law' });
  await item.getByRole('button', { name: 'Approve' }).click();
  await item.waitFor({ state: 'detached' });

  // A student registers.
  const learner = await stack.person();
  await signIn(learner.page, student.email, student.password);
  await learner.page.goto(`/live-chats/${id}`);
  await heading(learner.page, /^Careers in patent law$/);
  await learner.page.getByRole('button', { name: 'Register' }).click();
  await learner.page.getByText('You have a place.').waitFor();

  // The host sees the registration, then reschedules.
  await employer.page.reload();
  await heading(employer.page, /^Careers in patent law$/);
  await employer.page.getByRole('list', { name: 'Registered' }).getByRole('link', { name: 'Stella Student' }).waitFor();
  expect(await seriousAxeViolations(employer.page)).toEqual([]);
  await employer.page.getByRole('link', { name: 'Edit, reschedule or cancel this chat' }).click();
  await heading(employer.page, 'Edit Careers in patent law');
  expect(await seriousAxeViolations(employer.page)).toEqual([]);
  const newStart = await localTime(employer.page, 3, 14);
  const newEnd = await localTime(employer.page, 3, 15);
  await employer.page.getByLabel('Starts', { exact: true }).fill(newStart.input);
  await employer.page.getByLabel('Ends', { exact: true }).fill(newEnd.input);
  await employer.page.getByRole('button', { name: 'Save changes' }).click();
  await heading(employer.page, /^Careers in patent law$/);
  expect((await chatsOfOrganisation())[0]!.startsAt).toBe(newStart.iso);

  await learner.page.reload();
  await heading(learner.page, /^Careers in patent law$/);
  await learner.page.locator(`header time[datetime="${newStart.iso}"], h1 ~ p time[datetime="${newStart.iso}"]`).first().waitFor();
  expect(await learner.page.locator(`time[datetime="${start.iso}"]`).count()).toBe(0);

  for (const p of [employer, adviser, learner]) expect(p.problems).toEqual([]);
}, 180_000);

it('after a chat the host signs off its Q&A page, staff publish it, a student reads it and asks a follow-up that the host answers', async () => {
  const past = await stack.factory.liveChatEvent({ organisation, host, audience: [institution], registered: [student], startsIn: -180, minutes: 60, capacity: 20 });
  // What was answered in the room (the live room's own tables, as the room writes them).
  await db.query(`INSERT INTO live_chat_room (event_id, last_seq) VALUES ($1, 1)`, [past.id]);
  const [question] = await db.query(
    `INSERT INTO live_chat_question (event_id, author_id, author_name, client_id, body, status, answer_seq) VALUES ($1, $2, 'Stella Student', gen_random_uuid(), 'Do you offer summer internships?', 'ANSWERED', 1) RETURNING id`,
    [past.id, student.user.id],
  );
  await db.query(
    `INSERT INTO live_chat_message (event_id, seq, author_id, author_name, author_role, client_id, body, question_id) VALUES ($1, 1, $2, 'Hana Host', 'HOST', gen_random_uuid(), 'Yes: eight weeks every July.', $3)`,
    [past.id, host.user.id, question.id],
  );
  const qa = `/live-chats/${past.id}/qa`;
  const title = 'Questions and answers: Meet us';

  const employer = await stack.person();
  await signIn(employer.page, host.email, host.password);
  await employer.page.goto(qa);
  await heading(employer.page, title);
  await employer.page.getByRole('button', { name: 'Sign off for publication' }).click();
  await employer.page.getByText('Waiting for careers staff to publish it.').waitFor();

  const adviser = await stack.person();
  await signIn(adviser.page, staff.email, staff.password);
  await adviser.page.goto(qa);
  await heading(adviser.page, title);
  await adviser.page.getByRole('button', { name: 'Publish the Q&A page' }).click();
  await adviser.page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await adviser.page.getByRole('list', { name: 'Questions answered in the chat' }).getByText('Do you offer summer internships?').waitFor();

  const learner = await stack.person();
  await signIn(learner.page, student.email, student.password);
  await learner.page.goto(`/live-chats/${past.id}`);
  await learner.page.getByRole('link', { name: 'Questions and answers from this chat' }).click();
  await heading(learner.page, title);
  await learner.page.getByText('Yes: eight weeks every July.').waitFor();
  expect(await seriousAxeViolations(learner.page)).toEqual([]);
  const ask = learner.page.getByRole('form', { name: 'Ask a follow-up question' });
  await ask.getByLabel('Your question').fill('Do you sponsor visas for graduates?');
  await ask.getByRole('button', { name: 'Ask' }).click();
  const asked = learner.page.getByRole('list', { name: 'Follow-up questions' }).getByRole('listitem').filter({ hasText: 'Do you sponsor visas for graduates?' });
  await asked.getByText('Waiting for an answer').waitFor();

  await employer.page.reload();
  await heading(employer.page, title);
  const answer = employer.page.getByRole('form', { name: 'Answer: Do you sponsor visas for graduates?' });
  await answer.getByLabel('Your answer').fill('Yes, for our graduate scheme.');
  await answer.getByRole('button', { name: 'Send answer' }).click();
  await employer.page.getByText('Answered by Hana Host').waitFor();
  expect(await seriousAxeViolations(employer.page)).toEqual([]);

  await learner.page.reload();
  await heading(learner.page, title);
  await asked.getByText('Yes, for our graduate scheme.').waitFor();
  expect(await asked.getByText('Waiting for an answer').count()).toBe(0);

  for (const p of [employer, adviser, learner]) expect(p.problems).toEqual([]);
}, 180_000);

it('the host cancels a chat with a reason, after confirming; the registered student sees it cancelled and why', async () => {
  const chat = await stack.factory.liveChatEvent({ organisation, host, audience: [institution], registered: [student], startsIn: 24 * 60, minutes: 60, capacity: 20 });
  const employer = await stack.person();
  await signIn(employer.page, host.email, host.password);
  await employer.page.goto(`/live-chats/${chat.id}/edit`);
  await heading(employer.page, 'Edit Meet us');
  await employer.page.getByRole('button', { name: 'Cancel the live chat…' }).click();
  const dialog = employer.page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Cancel the live chat' }).click();
  // A reason is required, and checked before anything is sent.
  await dialog.getByLabel('Reason').and(employer.page.locator('[aria-invalid="true"]')).waitFor();
  await dialog.getByLabel('Reason').fill('Our speaker is ill');
  await dialog.getByRole('button', { name: 'Cancel the live chat' }).click();
  await heading(employer.page, /^Meet us$/);
  await employer.page.getByText('Reason: Our speaker is ill').waitFor();
  expect(await employer.page.getByRole('link', { name: 'Edit, reschedule or cancel this chat' }).count()).toBe(0);

  const learner = await stack.person();
  await signIn(learner.page, student.email, student.password);
  await learner.page.goto(`/live-chats/${chat.id}`);
  await heading(learner.page, /^Meet us$/);
  await learner.page.getByText('Reason: Our speaker is ill').waitFor();
  await learner.page.getByText('cancelled', { exact: true }).waitFor();
  for (const p of [employer, learner]) expect(p.problems).toEqual([]);
}, 120_000);
