import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution, Organisation } from '@careers/identity';
import type { TestUser } from '@careers/testing';
import type { Locator, Page } from 'playwright-core';
import { heading, seriousAxeViolations, signIn, startWebStack, type WebStack } from './harness.js';

// An employer writes a vacancy in the browser (bad input refused beside its field, nothing written), saves a
// draft and submits it to institution A only; A's careers staff reject it with a reason in another browser; the
// employer reads the reason, edits and submits again; A approves; a student of A finds it in search. B's staff
// never see it in their approvals, and B's students never find it.
let stack: WebStack;
let a: Institution;
let b: Institution;
let organisation: Organisation;
let employer: TestUser;
let staffA: TestUser;
let staffB: TestUser;
let studentA: TestUser;
let studentB: TestUser;

const TITLE = `Junior policy researcher ${Date.now()}`;
const REASON = 'Say how many days a week are in the office.';
const ORG_VACANCIES = `query { organisationVacancies(first: 50) { edges { node { id title status } } } }`;

/** yyyy-mm-dd, `days` from now (what a date input takes). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** What a field's description and error say: the text its aria-describedby points at, as a screen reader reads it. */
const describedBy = async (field: Locator) => {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()));
  return texts.map((text) => text ?? '').join(' ');
};

const vacanciesWritten = async () =>
  ((await stack.api.gql<{ organisationVacancies: { edges: unknown[] } }>(ORG_VACANCIES, {}, employer.token)).data?.organisationVacancies.edges ?? []).length;

async function choose(page: Page, select: RegExp, option: string) {
  await page.getByRole('button', { name: select }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

beforeAll(async () => {
  stack = await startWebStack();
  [a, b] = await Promise.all([stack.factory.institution(`Aldgate University ${Date.now()}`), stack.factory.institution(`Bankside University ${Date.now()}`)]);
  organisation = await stack.factory.organisation({ approvedBy: a });
  await stack.factory.approveOrganisation(organisation, b);
  [employer, staffA, staffB, studentA, studentB] = await Promise.all([
    stack.factory.user(Role.EMPLOYER, { organisation, displayName: 'Esme Employer' }),
    stack.factory.user(Role.STAFF, { institution: a }),
    stack.factory.user(Role.STAFF, { institution: b }),
    stack.factory.user(Role.STUDENT, { institution: a }),
    stack.factory.user(Role.STUDENT, { institution: b }),
  ]);
}, 90_000);
afterAll(async () => {
  await stack?.stop();
});

it('an employer drafts and submits a vacancy; A rejects it with a reason; the employer edits and resubmits; A approves; A’s student finds it; the employer closes and renews it', async () => {
  const emp = await stack.person();
  const { page } = emp;
  await signIn(page, employer.email, employer.password);
  await page.getByRole('link', { name: 'Post a vacancy' }).click();
  await heading(page, 'Post a vacancy');
  const form = page.getByRole('form', { name: 'Vacancy' });
  await form.getByRole('checkbox', { name: b.name }).waitFor();
  expect({ violations: await seriousAxeViolations(page) }).toEqual({ violations: [] });

  await page.getByLabel('Job title').fill(TITLE);
  await page.getByLabel('Description', { exact: true }).fill('Research **public policy** with our small team, three days a week in Leeds.');
  await page.getByLabel('Location').fill('Leeds, West Yorkshire');
  await page.getByLabel('Sector').fill('Public policy');
  await choose(page, /Type/, 'Graduate job');
  await choose(page, /Where the work is/, 'Hybrid');
  await page.getByLabel('From', { exact: true }).fill('30000');
  await page.getByLabel('To', { exact: true }).fill('26000');
  await page.getByLabel('Apply on the web').fill('https://jobs.example.com/policy');
  // Only A's students: B is unticked.
  await form.getByRole('checkbox', { name: b.name }).uncheck({ force: true });

  // A closing date in the past: the browser refuses it beside the field, and nothing is sent.
  const closing = page.getByLabel('Closing date');
  await closing.fill(day(-2));
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(describedBy(closing)).resolves.toMatch(/today or later/);
  expect(await vacanciesWritten()).toBe(0);

  // A pay range upside down: the api's BAD_USER_INPUT shows beside "From"; still nothing written.
  await closing.fill(day(30));
  await page.getByRole('button', { name: 'Save draft' }).click();
  const from = page.getByLabel('From', { exact: true });
  await page.getByText(/salaryMin is more than salaryMax/).waitFor();
  await expect(describedBy(from)).resolves.toMatch(/salaryMin is more than salaryMax/);
  expect(await vacanciesWritten()).toBe(0);

  // The message names "From", but "To" was the wrong figure: fixing that one sends the form.
  await page.getByLabel('To', { exact: true }).fill('34000');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await heading(page, TITLE);
  await page.getByText('Draft', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await page.getByText('Waiting for approval', { exact: true }).waitFor();
  const decisions = page.locator('section', { hasText: 'Decisions by institution' });
  await decisions.getByText(`${a.name}: Waiting for a decision`).waitFor();
  expect(await decisions.getByText(b.name).count()).toBe(0);

  // B's staff were not asked: nothing awaits them.
  const bStaff = await stack.person();
  await signIn(bStaff.page, staffB.email, staffB.password);
  await bStaff.page.goto('/approvals/vacancies');
  await bStaff.page.getByText('No vacancy awaits your decision.').waitFor();

  // A's staff reject it with a reason, in their own browser.
  const aStaff = await stack.person();
  await signIn(aStaff.page, staffA.email, staffA.password);
  await aStaff.page.goto('/approvals/vacancies');
  const item = aStaff.page.getByRole('listitem').filter({ has: aStaff.page.getByRole('heading', { name: TITLE }) });
  await item.getByRole('button', { name: 'Reject…' }).click();
  await aStaff.page.getByLabel('Reason').fill(REASON);
  await aStaff.page.getByRole('dialog').getByRole('button', { name: 'Reject', exact: true }).click();
  await item.waitFor({ state: 'detached' });

  // The employer sees the rejection and its reason in their list, and edits and submits again.
  await page.getByRole('link', { name: 'Our vacancies' }).click();
  await heading(page, 'Our vacancies');
  await page.getByRole('link', { name: 'Rejected', exact: true }).click();
  await page.waitForURL(/status=REJECTED/);
  const mine = page.getByRole('list', { name: `Decisions on ${TITLE}` });
  await mine.getByText(`${a.name}: Rejected — “${REASON}”`).waitFor();
  expect({ violations: await seriousAxeViolations(page) }).toEqual({ violations: [] });
  await page.getByRole('link', { name: TITLE }).click();
  await heading(page, TITLE);
  await page.getByText(`“${REASON}”`).waitFor();
  await page.getByRole('link', { name: 'Edit' }).click();
  await heading(page, `Edit: ${TITLE}`);
  await page.getByText(`${a.name}: ${REASON}`).waitFor();
  await page.getByLabel('Description', { exact: true }).fill('Research **public policy** with our small team: Tuesday to Thursday in our Leeds office, the rest from home.');
  expect({ violations: await seriousAxeViolations(page) }).toEqual({ violations: [] });
  await page.getByRole('button', { name: 'Save and submit' }).click();
  await heading(page, TITLE);
  await page.getByText('Waiting for approval', { exact: true }).waitFor();

  // A approves the new text.
  await aStaff.page.reload();
  await item.getByRole('button', { name: 'Approve' }).click();
  await item.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByText('Published', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Close' }).waitFor();

  // A student of A finds it; a student of B does not.
  const student = await stack.person();
  await signIn(student.page, studentA.email, studentA.password);
  await student.page.goto(`/vacancies?q=${encodeURIComponent('policy researcher')}`);
  await student.page.getByRole('list', { name: 'Vacancies' }).getByRole('link', { name: TITLE }).click();
  await heading(student.page, TITLE);
  await student.page.getByText(/Tuesday to Thursday/).waitFor();
  expect(await student.page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
  const other = await stack.person();
  await signIn(other.page, studentB.email, studentB.password);
  await other.page.goto(`/vacancies?q=${encodeURIComponent('policy researcher')}`);
  await other.page.getByText(/No vacancies match this search/).waitFor();

  // The poster closes it (confirmed) and renews it with a new closing date; A's approval stands.
  expect({ violations: await seriousAxeViolations(page) }).toEqual({ violations: [] });
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Close vacancy' }).click();
  await page.getByText('Closed', { exact: true }).waitFor();
  expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
  await page.getByRole('button', { name: 'Renew' }).click();
  const renew = page.getByRole('dialog');
  expect({ violations: await seriousAxeViolations(page) }).toEqual({ violations: [] });
  await renew.getByLabel('New closing date').fill(day(-1));
  await renew.getByRole('button', { name: 'Renew' }).click();
  await expect(describedBy(renew.getByLabel('New closing date'))).resolves.toMatch(/today or later/);
  await renew.getByLabel('New closing date').fill(day(40));
  await renew.getByRole('button', { name: 'Renew' }).click();
  await renew.waitFor({ state: 'detached' });
  await page.getByText('Published', { exact: true }).waitFor();
  await page.getByText(`${a.name}: Approved`, { exact: false }).waitFor();

  for (const p of [emp, aStaff, bStaff, student, other]) expect(p.problems).toEqual([]);
}, 180_000);

it('careers staff post a vacancy directly: published for their own students at once', async () => {
  const title = `Library assistant ${Date.now()}`;
  const staffer = await stack.person();
  const { page } = staffer;
  await signIn(page, staffA.email, staffA.password);
  await page.getByRole('link', { name: 'Post a vacancy' }).click();
  await heading(page, 'Post a vacancy');
  const form = page.getByRole('form', { name: 'Vacancy' });
  // Their own institution is ticked; any other may be added (its staff then decide).
  await expect(form.getByRole('checkbox', { name: a.name }).isChecked()).resolves.toBe(true);
  await expect(form.getByRole('checkbox', { name: b.name }).isChecked()).resolves.toBe(false);
  await page.getByLabel('Job title').fill(title);
  await page.getByLabel('Employer').fill('Aldgate City Libraries');
  await page.getByLabel('Description', { exact: true }).fill('Help students find what they need, evenings and weekends.');
  await page.getByLabel('Location').fill('London');
  await page.getByLabel('Sector').fill('Libraries');
  await choose(page, /Type/, 'Part-time');
  await choose(page, /Where the work is/, 'On site');
  await page.getByLabel('Apply by email').fill('jobs@libraries.example');
  await page.getByLabel('Closing date').fill(day(14));
  expect({ violations: await seriousAxeViolations(page) }).toEqual({ violations: [] });
  await page.getByRole('button', { name: 'Publish' }).click();
  await heading(page, title);
  await page.getByText('Published', { exact: true }).waitFor();
  await page.getByText('Aldgate City Libraries', { exact: false }).first().waitFor();

  const student = await stack.person();
  await signIn(student.page, studentA.email, studentA.password);
  await student.page.goto(`/vacancies?q=${encodeURIComponent('library assistant')}`);
  await student.page.getByRole('list', { name: 'Vacancies' }).getByRole('link', { name: title }).waitFor();
  for (const p of [staffer, student]) expect(p.problems).toEqual([]);
}, 90_000);
