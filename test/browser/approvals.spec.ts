import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import type { TestUser } from '@careers/testing';
import type { Page } from 'playwright-core';
import { heading, seriousAxeViolations, signIn, startWebStack, type WebStack } from './harness.js';

// The third journey: a rejected employer edits its organisation and asks again; staff approve; the
// employer sees it approved. And the two tenants: staff of another institution never see it on /approvals.
let stack: WebStack;
let a: Institution;
let b: Institution;
let staffA: TestUser;
let staffB: TestUser;

beforeAll(async () => {
  stack = await startWebStack();
  a = await stack.factory.institution(`Ashford University ${Date.now()}`);
  b = await stack.factory.institution(`Brookvale College ${Date.now()}`);
  staffA = await stack.factory.user(Role.STAFF, { institution: a, displayName: 'Ada Staff' });
  staffB = await stack.factory.user(Role.STAFF, { institution: b, displayName: 'Bo Staff' });
}, 90_000);
afterAll(async () => {
  await stack?.stop();
});

let shot = 0;
async function axeAtBothWidths(page: Page) {
  shot += 1;
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    if (process.env['SCREENSHOTS']) await page.screenshot({ path: `${process.env['SCREENSHOTS']}/approvals-${shot}-${width}.png`, fullPage: true });
    expect({ width, url: page.url(), violations: await seriousAxeViolations(page) }).toEqual({ width, url: page.url(), violations: [] });
    if (width === 360) {
      const scrolls = await page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');
      expect({ width, url: page.url(), scrollsSideways: scrolls }).toEqual({ width, url: page.url(), scrollsSideways: false });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

it('a rejected employer edits and asks again; staff approve; the employer sees it approved; the other tenant sees none of it', async () => {
  const employer = await stack.person();
  const { page } = employer;
  await page.goto('/sign-up/employer');
  await heading(page, 'Sign up as an employer');
  await page.getByLabel('Your name').fill('Erin Employer');
  await page.getByLabel('Work email').fill(`erin-${Date.now()}@employer.example`);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByLabel('Organisation').fill('Acme Analytcs');
  await page.getByRole('button', { name: /Careers service to approve you/ }).click();
  await page.getByRole('option', { name: a.name }).click();
  await page.getByRole('button', { name: 'Create the account' }).click();
  await heading(page, 'Welcome, Erin Employer');

  // Staff of B: nothing of A's is theirs to see.
  const other = await stack.person();
  await signIn(other.page, staffB.email, staffB.password);
  await other.page.goto('/approvals');
  await heading(other.page, 'Approvals');
  await other.page.getByText('No employer awaits your decision.').waitFor();
  await expect(other.page.getByText('Acme Analytcs').count()).resolves.toBe(0);
  await axeAtBothWidths(other.page);

  // Staff of A reject it; the reason is required, and checked before anything is sent.
  const staffer = await stack.person();
  await signIn(staffer.page, staffA.email, staffA.password);
  await staffer.page.getByRole('link', { name: 'Employers: 1' }).click();
  await heading(staffer.page, 'Approvals');
  const item = staffer.page.getByRole('listitem').filter({ hasText: 'Acme Analytcs' });
  await item.waitFor();
  await axeAtBothWidths(staffer.page);
  await item.getByRole('button', { name: 'Reject…' }).click();
  const dialog = staffer.page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Reject' }).click();
  const reason = dialog.getByRole('textbox', { name: 'Reason' });
  await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true');
  await reason.fill('The name is misspelt; please correct it.');
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await dialog.waitFor({ state: 'detached' });
  await staffer.page.getByText('No employer awaits your decision.').waitFor();

  // The employer sees the rejection and its reason, edits, and asks again.
  await page.reload();
  await page.getByRole('link', { name: /Acme Analytcs: details and approvals/ }).click();
  await heading(page, 'Acme Analytcs');
  const organisationId = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByText('Reason: The name is misspelt; please correct it.').waitFor();
  await expect(page.getByText('Rejected', { exact: true }).isVisible()).resolves.toBe(true);
  await axeAtBothWidths(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('Acme Analytics');
  await page.getByRole('button', { name: 'Save' }).click();
  await heading(page, 'Acme Analytics');
  await page.getByRole('button', { name: `Ask ${a.name} again` }).click();
  await page.getByText('Waiting for a decision', { exact: true }).waitFor();

  // A notice's link (#<id>) focuses the item; staff approve it.
  await staffer.page.goto('/'); // a fresh load: a hash-only goto would keep the page (and its cached list)
  await staffer.page.goto(`/approvals/organisations#${organisationId}`);
  const again = staffer.page.getByRole('listitem').filter({ hasText: 'Acme Analytics' });
  await again.waitFor({ timeout: 10_000 }).catch(async (e: unknown) => {
    await staffer.page.screenshot({ path: '/tmp/pstaff-fail.png' });
    throw new Error(`${String(e)}\n${await staffer.page.locator('main').innerText()}`);
  });
  await expect(staffer.page.evaluate<string | undefined>('document.activeElement?.id')).resolves.toBe(organisationId);
  await again.getByRole('button', { name: 'Approve' }).click();
  await staffer.page.getByText('No employer awaits your decision.').waitFor();

  // Staff of B still see nothing; the employer sees it approved.
  await other.page.reload();
  await other.page.getByText('No employer awaits your decision.').waitFor();
  await page.reload();
  await heading(page, 'Acme Analytics');
  await page.getByText('Approved', { exact: true }).waitFor();
  await expect(page.getByRole('button', { name: /again/ }).count()).resolves.toBe(0);

  // The other tabs, empty, pass axe too.
  for (const tab of ['Vacancies', 'Live chats']) {
    await staffer.page.getByRole('tab', { name: tab }).click();
    await staffer.page.getByText(/awaits your decision\./).waitFor();
    await axeAtBothWidths(staffer.page);
  }

  expect(employer.problems).toEqual([]);
  expect(staffer.problems).toEqual([]);
  expect(other.problems).toEqual([]);
}, 120_000);
