import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import { ok } from '@careers/testing';
import { DataSource } from 'typeorm';
import { heading, seriousAxeViolations, signIn, startWebStack, type WebStack } from './harness.js';

// A student adds a contact and a want on their network map, sees the gap and the mentor who fills it, and asks
// for an introduction; the mentor sees the request on their introductions page and accepts it.
let stack: WebStack;

beforeAll(async () => {
  stack = await startWebStack();
});
afterAll(() => stack.stop());

it('a student adds a contact and a want, sees the gap with a suggested mentor, and asks for an introduction', async () => {
  const db = stack.api.app.get(DataSource);
  const institution = await stack.factory.institution();
  const student = await stack.factory.user(Role.STUDENT, { institution, displayName: 'Sian Student' });
  const mentor = await stack.factory.user(Role.ALUMNUS, { institution, displayName: 'Ifan Engineer' });
  ok(await stack.api.gql(`mutation { becomeMentor(input: { offers: [CONVERSATION], capacity: 3, organisations: ["Arup"] }) { id } }`, {}, mentor.token));

  const { page, problems } = await stack.person();
  await signIn(page, student.email, student.password);
  await page.getByRole('link', { name: 'My network' }).first().click();
  await heading(page, 'My network');

  const contactForm = page.getByRole('form', { name: 'Add a contact' });
  await contactForm.getByRole('textbox', { name: 'Name' }).fill('Aunt Mair');
  await contactForm.getByRole('textbox', { name: 'Sector' }).fill('Law');
  await contactForm.getByRole('textbox', { name: 'How you know them' }).fill('My aunt');
  await contactForm.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('list', { name: 'Contacts' }).getByRole('heading', { name: 'Aunt Mair' }).waitFor();

  // A want no contact covers: the gap shows with the mentor who fills it and why.
  const wantForm = page.getByRole('form', { name: 'Add a want' });
  await wantForm.getByRole('button', { name: /Kind/ }).click();
  await page.getByRole('option', { name: 'An organisation' }).click();
  await wantForm.getByRole('textbox', { name: 'Sector, organisation or role' }).fill('arup');
  await wantForm.getByRole('button', { name: 'Add' }).click();
  const gaps = page.getByRole('list', { name: 'Gaps' });
  await gaps.getByRole('heading', { name: 'Organisation: arup' }).waitFor();
  const suggestions = gaps.getByRole('list', { name: 'Mentors for arup' });
  await suggestions.getByText('Ifan Engineer').waitFor();
  await suggestions.getByText('worked at Arup').waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The introduction request, with a message.
  await suggestions.getByRole('button', { name: 'Ask for an introduction' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ask Ifan Engineer for an introduction' });
  await dialog.getByRole('textbox', { name: 'Your message' }).fill('Could you introduce me to a graduate engineer at Arup?');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('list', { name: 'Introductions you asked for' }).getByText('Waiting for an answer').waitFor();
  const rows = await db.query(`SELECT status, message FROM introduction_request WHERE student_id = $1`, [student.user.id]);
  expect(rows).toEqual([{ status: 'OPEN', message: 'Could you introduce me to a graduate engineer at Arup?' }]);

  // The mentor accepts it on their introductions page.
  const other = await stack.person();
  await signIn(other.page, mentor.email, mentor.password);
  await other.page.goto('/mentoring/introductions');
  await heading(other.page, 'Introduction requests');
  const request = other.page.getByRole('list', { name: 'Introduction requests' });
  await request.getByText('Could you introduce me to a graduate engineer at Arup?').waitFor();
  await request.getByRole('textbox', { name: /A note for the student/ }).fill('Happy to help.');
  await request.getByRole('button', { name: 'Accept' }).click();
  await request.getByText('Accepted').waitFor();
  expect(await seriousAxeViolations(other.page)).toEqual([]);
  expect([...problems, ...other.problems]).toEqual([]);
}, 90_000);
