import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { MENTOR_INVITATION_TOKEN, Role } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, signToken } from '@careers/platform';
import type { TestUser } from '@careers/testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { heading, seriousAxeViolations, signIn, startWebStack, type WebStack } from './harness.js';

// Careers staff invite a professional who is not an alumnus from the People page; the invitee opens the link in
// another browser, makes their account and arrives signed in as an alumnus of that institution. (The email itself
// is tested in test/e2e/mentor-invitations.spec.ts; here the link is signed as the worker signs it.)
let stack: WebStack;
let staff: TestUser;
const tag = randomBytes(3).toString('hex');

beforeAll(async () => {
  stack = await startWebStack();
  const institution = await stack.factory.institution(`Quay University ${tag}`);
  staff = await stack.factory.user(Role.STAFF, { institution, displayName: 'Quinn Staff' });
});
afterAll(() => stack.stop());

it('staff invite a mentor; the link makes their alumni account; a used link says so', async () => {
  const db = stack.api.app.get(DataSource);
  const { page, problems } = await stack.person();
  await signIn(page, staff.email, staff.password);
  await page.goto('/admin/users');
  await page.getByRole('link', { name: 'Invite a mentor' }).click();
  await heading(page, 'Mentor invitations');

  const email = `rosa-${tag}@engineers.example`;
  await page.getByLabel('Name').fill('Rosa Engineer');
  await page.getByLabel('Email').fill(`rosa-${tag}`); // not an address: the browser says so beside the field
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('A note for them').fill('Our civil engineering students would love to hear from you.');
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  const sent = page.getByRole('list', { name: 'Mentor invitations' }).getByRole('listitem').filter({ hasText: email });
  await sent.getByText('Waiting').waitFor();
  expect(await page.getByLabel('Name').inputValue()).toBe(''); // ready for the next one
  expect(await seriousAxeViolations(page)).toEqual([]);

  const [{ id }] = await db.query(`SELECT id FROM mentor_invitation WHERE email = $1`, [email]);
  const token = signToken(stack.api.app.get<AppConfig>(APP_CONFIG).JWT_SECRET, MENTOR_INVITATION_TOKEN, [id]);

  const invitee = await stack.person();
  await invitee.page.goto(`/invitations/${token}`);
  await heading(invitee.page, `Mentor Quay University ${tag}'s students`);
  await invitee.page.getByText('Our civil engineering students would love to hear from you.').waitFor();
  expect(await invitee.page.getByLabel('Your name').inputValue()).toBe('Rosa Engineer');
  await invitee.page.getByLabel('Password').fill('short');
  await invitee.page.getByRole('button', { name: 'Make my account' }).click();
  expect(await invitee.page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
  await invitee.page.getByLabel('Password').fill('a strong password 42');
  await invitee.page.getByRole('button', { name: 'Make my account' }).click();
  await invitee.page.waitForURL('**/mentoring');
  const [account] = await db.query(`SELECT role, institution_id FROM user_account WHERE email = $1`, [email]);
  expect(account.role).toBe(Role.ALUMNUS);

  // Staff see that they joined.
  await page.reload();
  await sent.getByText('Joined', { exact: true }).waitFor();

  // The link, opened again (signed out), says it does not work any more.
  const again = await stack.person();
  await again.page.goto(`/invitations/${token}`);
  await heading(again.page, 'This invitation does not work any more');
  expect([...problems, ...invitee.problems]).toEqual([]);
}, 120_000);
