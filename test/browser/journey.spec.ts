import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import type { TestUser } from '@careers/testing';
import { bell, heading, signIn, startWebStack, type WebStack } from './harness.js';

// An employer signs up in one browser; the careers staff who must decide hear of it on their bell in another,
// in real time (worker → Redis → socket), read it in the inbox, and sign out.
let stack: WebStack;
let institution: Institution;
let staff: TestUser;

beforeAll(async () => {
  stack = await startWebStack({ worker: true });
  institution = await stack.factory.institution(`Bellbrook University ${Date.now()}`);
  staff = await stack.factory.user(Role.STAFF, { institution, displayName: 'Sam Staff' });
}, 90_000);
afterAll(async () => {
  await stack?.stop();
});

it('an employer signs up; the staff bell counts it without a reload; the staff read it and sign out', async () => {
  const staffer = await stack.person();
  await signIn(staffer.page, staff.email, staff.password);
  await expect(bell(staffer.page).getAttribute('aria-label')).resolves.toBe('Notifications, none unread');

  const employer = await stack.person();
  const { page } = employer;
  await page.goto('/sign-up/employer');
  await heading(page, 'Sign up as an employer');
  await page.getByLabel('Your name').fill('Erin Employer');
  await page.getByLabel('Work email').fill(`erin-${Date.now()}@employer.example`);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByLabel('Organisation').fill('Acme Analytics');
  await page.getByRole('button', { name: /Careers service to approve you/ }).click();
  await page.getByRole('option', { name: institution.name }).click();
  await page.getByRole('button', { name: 'Create the account' }).click();
  await heading(page, 'Welcome, Erin Employer');

  // The staff page was not reloaded: the push came over the socket.
  await staffer.page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 20_000 });
  await bell(staffer.page).click();
  await heading(staffer.page, 'Notifications');
  const item = staffer.page.getByRole('listitem').filter({ hasText: 'Acme Analytics' });
  await item.waitFor();
  await item.getByRole('button', { name: /^Mark read/ }).click();
  await staffer.page.getByRole('link', { name: 'Notifications, none unread' }).waitFor();

  await staffer.page.getByRole('link', { name: 'Account' }).click();
  await heading(staffer.page, 'Account');
  await staffer.page.getByRole('button', { name: 'Sign out' }).click();
  await heading(staffer.page, 'Sign in');
  await expect(staffer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
  await expect(bell(staffer.page).count()).resolves.toBe(0);

  expect(staffer.problems).toEqual([]);
  expect(employer.problems).toEqual([]);
}, 90_000);
