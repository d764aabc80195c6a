import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import { BECOME_MENTOR, ok, type TestUser, UPDATE_PROFILE } from '@careers/testing';
import { heading, seriousAxeViolations, signIn, startWebStack, type WebStack } from './harness.js';

// The request flow in two browser contexts: a student finds a mentor in their suggestions and asks them (after the
// api refused a message of blanks beside its field); the mentor, in another context, finds it in their requests
// inbox and accepts it; the student's mentorships show it active, and the two talk in its conversation, each
// seeing the other's messages arrive without a reload.
let stack: WebStack;
let mentor: TestUser;
let student: TestUser;

beforeAll(async () => {
  stack = await startWebStack();
  const institution = await stack.factory.institution(`Ashcombe University ${Date.now()}`);
  [mentor, student] = await Promise.all([
    stack.factory.user(Role.ALUMNUS, { institution, displayName: 'Mina Mentor' }),
    stack.factory.user(Role.STUDENT, { institution, displayName: 'Sam Student' }),
  ]);
  ok(await stack.api.gql(BECOME_MENTOR, { i: { offers: ['CONVERSATION', 'CV_FEEDBACK'], capacity: 2, sectors: ['Law'] } }, mentor.token));
  ok(await stack.api.gql(UPDATE_PROFILE, { input: { sectors: ['Law'] } }, student.token));
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

it('a student requests a mentor from their suggestions, the mentor accepts, and they talk in realtime', async () => {
  const asker = await stack.person();
  await signIn(asker.page, student.email, student.password);
  await asker.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentors', exact: true }).click();
  await heading(asker.page, 'Mentors');
  const suggested = asker.page.getByRole('list', { name: 'Suggested mentors' });
  await suggested.getByText('same sector: Law').waitFor();
  await suggested.getByRole('link', { name: 'Request mentoring from Mina Mentor' }).click();
  await heading(asker.page, 'Ask Mina Mentor for mentoring');
  await asker.page.getByText('2 of 2 places free').waitFor();
  expect(await asker.page.getByRole('list', { name: 'What they offer' }).getByRole('listitem').allTextContents()).toEqual(['A conversation', 'Feedback on your CV']);
  expect(await seriousAxeViolations(asker.page)).toEqual([]);

  // Blanks pass the browser's "required" but not the api: its message shows beside the field.
  const message = asker.page.getByLabel('Your message');
  await message.fill('   ');
  await asker.page.getByRole('button', { name: 'Send request' }).click();
  await asker.page.getByRole('alert').filter({ hasText: 'see the messages beside the fields' }).waitFor();
  await expect(message.getAttribute('aria-invalid')).resolves.toBe('true');

  await asker.page.getByRole('button', { name: /What you ask for/ }).click();
  await asker.page.getByRole('option', { name: 'Feedback on your CV' }).click();
  await message.fill('I am applying for training contracts: could you look at my CV?');
  await asker.page.getByRole('button', { name: 'Send request' }).click();
  await heading(asker.page, 'Mentorship with Mina Mentor');
  expect(asker.page.url()).toMatch(/\/mentorships\/[0-9a-f-]{36}$/);
  await asker.page.getByText('Asked for: Feedback on your CV').waitFor();
  await asker.page.getByText('Requested', { exact: true }).waitFor();

  const giver = await stack.person();
  await signIn(giver.page, mentor.email, mentor.password);
  await giver.page.goto('/mentoring/requests');
  await heading(giver.page, 'Mentoring requests');
  await giver.page.getByText('I am applying for training contracts: could you look at my CV?').waitFor();
  expect(await seriousAxeViolations(giver.page)).toEqual([]);
  await giver.page.getByRole('button', { name: "Accept Sam Student's request" }).click();
  await giver.page.getByText('No requests are waiting for you.').waitFor();

  await asker.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentorships' }).click();
  await heading(asker.page, 'Mentorships');
  const active = asker.page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'Mina Mentor' });
  await active.getByText('Active', { exact: true }).waitFor();
  await active.getByRole('link', { name: 'With Mina Mentor' }).click();
  await heading(asker.page, 'Mentorship with Mina Mentor');
  await asker.page.getByRole('link', { name: 'Conversation' }).click();
  await heading(asker.page, 'Conversation with Mina Mentor');

  await giver.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentorships' }).click();
  await heading(giver.page, 'Mentorships');
  await giver.page.getByRole('tabpanel').getByRole('link', { name: /Sam Student/ }).click();
  await heading(giver.page, 'Mentoring Sam Student');
  await giver.page.getByRole('link', { name: 'Conversation' }).click();
  await heading(giver.page, 'Conversation with Sam Student');

  const say = async (page: typeof asker.page, text: string) => {
    await page.getByRole('textbox', { name: 'Your message' }).fill(text);
    await page.getByRole('button', { name: 'Send' }).click();
  };
  await say(asker.page, 'Thank you for accepting! When could we talk?');
  await giver.page.getByTestId('message').filter({ hasText: 'When could we talk?' }).waitFor();
  await say(giver.page, 'Thursday at five suits me.');
  await asker.page.getByTestId('message').filter({ hasText: 'Thursday at five suits me.' }).waitFor();
  await giver.page.getByTestId('read-tick').filter({ hasText: 'Read' }).last().waitFor();

  expect(asker.problems).toEqual([]);
  expect(giver.problems).toEqual([]);
}, 120_000);
