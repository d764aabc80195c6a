import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution, Organisation } from '@careers/identity';
import type { TestUser } from '@careers/testing';
import { heading, seriousAxeViolations, signIn, startWebStack, type WebStack } from './harness.js';

// The journey: careers staff reject an employer with a reason; the employer reads it on their
// organisation's page, edits its details and asks the institution again; staff see the new details and approve;
// the employer's page shows the approval. Each person in a browser of their own.
let stack: WebStack;
let institution: Institution;
let organisation: Organisation;
let employer: TestUser;
let staff: TestUser;

const REASON = 'Tell us what your organisation does and give its website.';

beforeAll(async () => {
  stack = await startWebStack();
  institution = await stack.factory.institution(`Riverside University ${Date.now()}`);
  organisation = await stack.factory.organisation({ pendingAt: institution });
  [employer, staff] = await Promise.all([
    stack.factory.user(Role.EMPLOYER, { organisation, displayName: 'Rhea Recruiter' }),
    stack.factory.user(Role.STAFF, { institution }),
  ]);
}, 90_000);
afterAll(async () => {
  await stack?.stop();
});

it('staff reject an employer with a reason; the employer edits its organisation and asks again; staff approve', async () => {
  const staffer = await stack.person();
  await signIn(staffer.page, staff.email, staff.password);
  await staffer.page.goto('/approvals');
  await heading(staffer.page, 'Approvals');
  const item = staffer.page.getByRole('listitem').filter({ has: staffer.page.getByRole('heading', { name: organisation.name }) });
  await item.getByRole('button', { name: 'Reject…' }).click();
  await staffer.page.getByLabel('Reason').fill(REASON);
  await staffer.page.getByRole('dialog').getByRole('button', { name: 'Reject', exact: true }).click();
  await item.waitFor({ state: 'detached' });

  // The employer finds the rejection and its reason from their home page.
  const emp = await stack.person();
  const { page } = emp;
  await signIn(page, employer.email, employer.password);
  await page.getByRole('link', { name: `${organisation.name}: details and approvals` }).click();
  await heading(page, organisation.name);
  const approvals = page.getByRole('list', { name: 'Approvals' });
  const mine = approvals.getByRole('listitem').filter({ hasText: institution.name });
  await mine.getByText('Rejected', { exact: true }).waitFor();
  await mine.getByText(`Reason: ${REASON}`).waitFor();
  expect({ violations: await seriousAxeViolations(page) }).toEqual({ violations: [] });

  // They do what the reason asks, then ask again.
  await page.getByLabel('Website').fill('https://riverside-recruiting.example');
  await page.getByLabel('Description').fill('We place graduates in public-sector analysis roles across Yorkshire.');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.').waitFor();
  await mine.getByRole('button', { name: `Ask ${institution.name} again` }).click();
  await mine.getByText('Waiting for a decision', { exact: true }).waitFor();
  expect(await mine.getByRole('button', { name: `Ask ${institution.name} again` }).count()).toBe(0);

  // Staff see it again, with the new details, and approve.
  await staffer.page.reload();
  await heading(staffer.page, 'Approvals');
  await item.getByText(/public-sector analysis roles/).waitFor();
  await item.getByText(/riverside-recruiting\.example/).waitFor();
  await item.getByRole('button', { name: 'Approve' }).click();
  await item.waitFor({ state: 'detached' });

  // The employer's page shows the approval (after a reload: nothing pushes it to this page).
  await page.reload();
  await heading(page, organisation.name);
  await mine.getByText('Approved', { exact: true }).waitFor();
  expect(await mine.getByText(/^Reason:/).count()).toBe(0);
  // Approved, they may post vacancies to that institution.
  await page.goto('/vacancies/new');
  await heading(page, 'Post a vacancy');
  await page.getByRole('checkbox', { name: institution.name }).waitFor();

  expect(staffer.problems).toEqual([]);
  expect(emp.problems).toEqual([]);
}, 120_000);
