import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import { POST_VACANCY, type TestUser } from '@careers/testing';
import { heading, seriousAxeViolations, signIn, startWebStack, type WebStack, VIEWPORTS } from './harness.js';

// The vacancy search and the vacancy page, as a student uses them: filters kept in the address, a result
// that opens its page with the sanitised description and the apply link; axe wide and narrow.
let stack: WebStack;
let student: TestUser;
let vacancyId: string;

beforeAll(async () => {
  stack = await startWebStack();
  const institution = await stack.factory.institution();
  const staff = await stack.factory.user(Role.STAFF, { institution });
  student = await stack.factory.user(Role.STUDENT, { institution });
  const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const base = { employerName: 'Acme Analytics', sector: 'Data', remote: 'HYBRID', closesAt, applyUrl: 'https://jobs.example.com/a' };
  const posted = await stack.api.gql<{ postVacancy: { id: string } }>(
    POST_VACANCY,
    { i: { ...base, title: 'Graduate analyst', description: 'Work with **data**.\n\n<script>window.bad = 1</script>', location: 'Leeds', type: 'GRADUATE_JOB' } },
    staff.token,
  );
  expect(posted.errors).toBeUndefined();
  vacancyId = posted.data!.postVacancy.id;
  const second = await stack.api.gql(POST_VACANCY, { i: { ...base, title: 'Summer intern', description: 'Ten weeks of work with our analytics team.', location: 'York', type: 'INTERNSHIP' } }, staff.token);
  expect(second.errors).toBeUndefined();
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

describe.each(VIEWPORTS)('at %s', (name, viewport) => {
  it('a student filters vacancies, the filter stays in the address, and opens one', async () => {
    const { page, problems } = await stack.person(viewport);
    await signIn(page, student.email, student.password);
    await page.goto('/vacancies');
    await heading(page, 'Vacancies');
    const results = page.getByRole('list', { name: 'Vacancies' });
    await results.getByRole('link', { name: 'Summer intern' }).waitFor({ timeout: 8000 }).catch(async (e: unknown) => {
      await page.screenshot({ path: `/tmp/pvac-fail-${name}.png`, fullPage: true });
      throw e;
    });
    await results.getByRole('link', { name: 'Graduate analyst' }).waitFor();
    expect({ violations: await seriousAxeViolations(page) }).toEqual({ violations: [] });
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    await page.getByLabel('Town or city').fill('Leeds');
    await page.getByRole('checkbox', { name: 'Graduate job' }).check({ force: true });
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/location=Leeds/);
    expect(new URL(page.url()).searchParams.getAll('type')).toEqual(['GRADUATE_JOB']);
    await results.getByRole('link', { name: 'Summer intern' }).waitFor({ state: 'detached' });
    await page.screenshot({ path: `/tmp/pvac-vacancies-${name}.png`, fullPage: true });

    // A reload keeps the search (it lives in the query string).
    await page.reload();
    await results.getByRole('link', { name: 'Graduate analyst' }).waitFor();
    expect(await results.getByRole('link', { name: 'Summer intern' }).count()).toBe(0);
    expect(await page.getByLabel('Town or city').inputValue()).toBe('Leeds');

    await results.getByRole('link', { name: 'Graduate analyst' }).click();
    await heading(page, 'Graduate analyst');
    await page.getByRole('link', { name: /Apply on the employer/ }).waitFor();
    expect(await page.locator('main strong').textContent()).toBe('data');
    expect(await page.evaluate<unknown>('window.bad')).toBeUndefined();
    expect({ violations: await seriousAxeViolations(page) }).toEqual({ violations: [] });
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: `/tmp/pvac-vacancy-${name}.png`, fullPage: true });

    await page.goto(`/vacancies/${vacancyId.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}`);
    await heading(page, 'Page not found');
    expect(problems).toEqual([]);
  }, 90_000);
});
