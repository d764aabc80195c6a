import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution, Organisation } from '@careers/identity';
import { CREATE_ALERT, POST_VACANCY, type TestUser } from '@careers/testing';
import { bell, heading, signIn, startWebStack, type WebStack } from './harness.js';

// The alert journey of issue 12, in three browser contexts and the worker as a real process: a student signs up,
// saves a vacancy search as an alert; an employer's matching vacancy is submitted and the careers staff approve it
// on the approvals page; the student's bell counts it without a reload, the inbox links to the vacancy, and the
// alert's feed (the address its page shows) serves it.
let stack: WebStack;
let institution: Institution;
let organisation: Organisation;
let staff: TestUser;
let employer: TestUser;

const unread = async (page: Parameters<typeof bell>[0]) => {
  const label = (await bell(page).getAttribute('aria-label')) ?? '';
  return /none unread/.test(label) ? 0 : Number(/(\d+) unread/.exec(label)?.[1]);
};

beforeAll(async () => {
  stack = await startWebStack({ worker: true });
  institution = await stack.factory.institution(`Mapleford University ${Date.now()}`);
  organisation = await stack.factory.organisation({ approvedBy: institution });
  staff = await stack.factory.user(Role.STAFF, { institution, displayName: 'Sol Staff' });
  employer = await stack.factory.user(Role.EMPLOYER, { organisation, displayName: 'Ema Employer' });
}, 90_000);
afterAll(async () => {
  await stack?.stop();
});

it('a student saves a search as an alert; staff approve a matching vacancy; the bell, the inbox and the feed have it', async () => {
  const student = await stack.person();
  const { page } = student;
  await page.goto('/sign-up');
  await heading(page, 'Sign up');
  await page.getByLabel('Your name').fill('Ada Student');
  await page.getByLabel('University email').fill(`ada-${Date.now()}@${institution.emailDomains[0]}`);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await heading(page, 'My profile');

  // A search on /vacancies (nothing matches yet), saved as an alert: the new alert's form holds the search.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Vacancies' }).click();
  await heading(page, 'Vacancies');
  await page.getByLabel('Keywords').fill('cartographer');
  await page.getByLabel('Town or city').fill('Bristol');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/q=cartographer/);
  await page.getByText('No vacancies match this search').waitFor();
  await page.getByRole('link', { name: 'Create an alert from this search' }).click();
  await heading(page, 'New alert');
  await expect(page.getByLabel('Keywords').inputValue()).resolves.toBe('cartographer');
  await expect(page.getByLabel('Town or city').inputValue()).resolves.toBe('Bristol');
  await expect(page.getByLabel('Name').inputValue()).resolves.toBe('cartographer in Bristol');
  await page.getByRole('button', { name: 'Create the alert' }).click();
  await heading(page, 'Alert: cartographer in Bristol');
  const alertUrl = page.url();
  const atomUrl = (await page.getByLabel('Atom feed address').textContent())!.trim();
  expect(new URL(atomUrl).pathname).toMatch(/^\/alerts\/feeds\/[A-Za-z0-9_-]+\.atom$/);

  // A webhook address the api refuses: its message beside the field, and nothing of the edit written.
  await page.getByLabel('Name').fill('Renamed alert');
  await page.getByLabel('Webhook address').fill('https://10.0.0.5/hook');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const webhookField = page.getByLabel('Webhook address');
  // The api's answer first (the message above the button), then the field it marked.
  await page.getByRole('alert').filter({ hasText: 'see the messages beside the fields' }).waitFor();
  await expect(webhookField.getAttribute('aria-invalid')).resolves.toBe('true');
  const described = (await webhookField.getAttribute('aria-describedby')) ?? '';
  const messages = await Promise.all(described.split(' ').filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()));
  expect(messages.join(' ')).toMatch(/public|private|address/i);
  await page.reload();
  await heading(page, 'Alert: cartographer in Bristol');
  await expect(page.getByLabel('Name').inputValue()).resolves.toBe('cartographer in Bristol');
  await expect(page.getByLabel('Webhook address').inputValue()).resolves.toBe('');
  const before = await unread(page);

  // The employer's matching vacancy goes to approval (through the api); the staff approve it in their browser.
  const posted = await stack.api.gql<{ postVacancy: { id: string; status: string } }>(
    POST_VACANCY,
    {
      i: {
        title: 'Junior cartographer',
        description: 'Draw the maps of a growing city.',
        employerName: organisation.name,
        sector: 'Geography',
        location: 'Bristol, England',
        type: 'GRADUATE_JOB',
        remote: 'ON_SITE',
        closesAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
        applyUrl: 'https://jobs.example.com/cartographer',
        targetInstitutionIds: [institution.id],
        submit: true,
      },
    },
    employer.token,
  );
  expect(posted.errors).toBeUndefined();
  expect(posted.data!.postVacancy.status).toBe('PENDING_APPROVAL');
  const vacancyId = posted.data!.postVacancy.id;

  const staffer = await stack.person();
  await signIn(staffer.page, staff.email, staff.password);
  await staffer.page.goto('/approvals/vacancies');
  await heading(staffer.page, 'Approvals');
  const item = staffer.page.getByRole('listitem', { name: /Junior cartographer/ });
  await item.getByRole('button', { name: 'Approve' }).click();
  await item.waitFor({ state: 'detached' });

  // The student's page was not reloaded: the count rose over the socket.
  await page.getByRole('link', { name: `Notifications, ${before + 1} unread` }).waitFor({ timeout: 30_000 });
  await bell(page).click();
  await heading(page, 'Notifications');
  await page.getByRole('link', { name: /New vacancy: Junior cartographer/ }).click();
  await heading(page, 'Junior cartographer');
  expect(new URL(page.url()).pathname).toBe(`/vacancies/${vacancyId}`);

  // The feed the alert's page showed serves it (PUBLIC_URL is where people reach the api; this one has its own port).
  const feed = await fetch(`${stack.api.url}${new URL(atomUrl).pathname}`);
  expect(feed.status).toBe(200);
  expect(feed.headers.get('content-type')).toMatch(/application\/atom\+xml/);
  const xml = await feed.text();
  expect(xml).toContain('<feed');
  expect(xml).toContain('Junior cartographer');
  expect(xml).toContain(`/vacancies/${vacancyId}`);

  // The alert's page lists the match, and the home page shows it under the alerts' new vacancies.
  await page.goto(alertUrl);
  await heading(page, 'Alert: cartographer in Bristol');
  await page.getByRole('list', { name: 'Vacancies that matched this alert' }).getByRole('link', { name: 'Junior cartographer' }).waitFor();
  await page.goto('/');
  await page.getByRole('list', { name: 'New vacancies for your alerts' }).getByRole('link', { name: 'Junior cartographer' }).waitFor();

  expect(student.problems).toEqual([]);
  expect(staffer.problems).toEqual([]);
}, 150_000);

it("pauses, resumes and deletes an alert on /alerts; another student's alert is the not-found page", async () => {
  const owner = await stack.factory.user(Role.STUDENT, { institution, displayName: 'Owen Owner' });
  const other = await stack.factory.user(Role.STUDENT, { institution, displayName: 'Oona Other' });
  const created = await stack.api.gql<{ createAlertSubscription: { id: string } }>(CREATE_ALERT, { i: { name: 'Policy roles', keywords: ['policy'] } }, owner.token);
  expect(created.errors).toBeUndefined();
  const alertId = created.data!.createAlertSubscription.id;

  const { page, problems } = await stack.person();
  await signIn(page, owner.email, owner.password);
  await page.goto('/alerts');
  await heading(page, 'Vacancy alerts');
  const item = page.getByRole('listitem', { name: 'Policy roles' });
  await item.getByText('policy').first().waitFor();
  await item.getByRole('button', { name: /^Pause/ }).click();
  await item.getByText('Paused', { exact: true }).waitFor();
  await page.reload();
  await heading(page, 'Vacancy alerts');
  await item.getByText('Paused', { exact: true }).waitFor();
  await item.getByRole('button', { name: /^Resume/ }).click();
  await item.getByRole('button', { name: /^Pause/ }).waitFor();

  await item.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Policy roles”?' });
  await dialog.getByRole('button', { name: 'Delete the alert' }).click();
  await page.getByText('No alerts yet.').waitFor();
  const gone = await stack.api.gql(`query($id: ID!) { alertSubscription(id: $id) { id } }`, { id: alertId }, owner.token);
  expect(gone.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

  // Someone else's alert (here one that exists) is not theirs to see.
  const theirs = await stack.api.gql<{ createAlertSubscription: { id: string } }>(CREATE_ALERT, { i: { name: 'Not yours' } }, other.token);
  await page.goto(`/alerts/${theirs.data!.createAlertSubscription.id}`);
  await heading(page, 'Page not found');
  expect(problems).toEqual([]);
}, 90_000);
