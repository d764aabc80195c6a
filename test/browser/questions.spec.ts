import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import { heading, seriousAxeViolations, signIn, startWebStack, type WebStack } from './harness.js';

// Questions and answers in two browsers: a student asks (a refused field keeps what was typed), an alumnus answers
// in another context, the student sees the answer appear without reloading and accepts it, and the alumnus sees it
// accepted, also without reloading (the question page polls while it is visible).
let stack: WebStack;

beforeAll(async () => {
  stack = await startWebStack();
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

it('a student asks, an alumnus answers, the student sees it appear and accepts it; the alumnus sees it accepted', async () => {
  const institution = await stack.factory.institution();
  const student = await stack.factory.user(Role.STUDENT, { institution, displayName: 'Sian Student' });
  const alumnus = await stack.factory.user(Role.ALUMNUS, { institution, displayName: 'Aled Alumnus' });
  const asker = await stack.person();
  const answerer = await stack.person();
  await signIn(asker.page, student.email, student.password);
  await signIn(answerer.page, alumnus.email, alumnus.password);

  // Ask: six tags are refused beside the field, and the title and question typed stay.
  await asker.page.getByRole('link', { name: 'Questions' }).first().click();
  await heading(asker.page, 'Questions');
  await asker.page.getByRole('link', { name: 'Ask a question' }).click();
  await heading(asker.page, 'Ask a question');
  expect(await seriousAxeViolations(asker.page)).toEqual([]);
  const title = 'How do I get into museum curation?';
  await asker.page.getByLabel('Title').fill(title);
  await asker.page.getByLabel('Your question').fill('I study history.\nWhere do curators start <b>out</b>?');
  await asker.page.getByLabel('Tags').fill('museums, heritage, history, curation, arts, careers');
  await asker.page.getByRole('button', { name: 'Ask' }).click();
  await asker.page.getByText(/at most 5 tags/).waitFor();
  expect(await asker.page.getByLabel('Title').inputValue()).toBe(title);
  await asker.page.getByLabel('Tags').fill('museums, Heritage');
  await asker.page.getByRole('button', { name: 'Ask' }).click();
  await heading(asker.page, title);
  // Plain text: the markup the student typed is shown as typed.
  await asker.page.getByText('Where do curators start <b>out</b>?').waitFor();
  await asker.page.getByText('No answers yet.').waitFor();
  expect(await seriousAxeViolations(asker.page)).toEqual([]);

  // The alumnus finds it in the unanswered view and answers.
  await answerer.page.goto('/questions?view=unanswered');
  await heading(answerer.page, 'Questions');
  await answerer.page.getByRole('link', { name: title }).click();
  await heading(answerer.page, title);
  await answerer.page.getByLabel('Answer', { exact: true }).fill('Volunteer at a local museum first, then apply for trainee curator schemes.');
  await answerer.page.getByRole('button', { name: 'Send answer' }).click();
  await answerer.page.getByRole('listitem', { name: 'Answer by Aled Alumnus' }).waitFor();
  expect(await seriousAxeViolations(answerer.page)).toEqual([]);

  // The student's page, never reloaded, shows it within a poll, and the student accepts it.
  const theirs = asker.page.getByRole('listitem', { name: 'Answer by Aled Alumnus' });
  await theirs.getByText('Volunteer at a local museum first').waitFor({ timeout: 20_000 });
  await theirs.getByRole('button', { name: 'Accept the answer by Aled Alumnus' }).click();
  await theirs.getByText('Accepted answer').waitFor();

  // The alumnus sees it accepted without reloading.
  await answerer.page.getByRole('listitem', { name: 'Answer by Aled Alumnus' }).getByText('Accepted answer').waitFor({ timeout: 20_000 });
  await answerer.page.goto('/questions');
  await answerer.page.getByRole('listitem').filter({ hasText: title }).getByText('Accepted answer').waitFor();
  expect(asker.problems).toEqual([]);
  expect(answerer.problems).toEqual([]);
}, 120_000);
