import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import { twoTenants, type TestUser } from '@careers/testing';
import type { Page } from 'playwright-core';
import { heading, type Person, seriousAxeViolations, signIn, startWebStack, type WebStack, VIEWPORTS } from './harness.js';

// The mentor pages: an alumnus becomes a mentor on /mentoring (a bad capacity first: the api's message beside the
// field, everything else typed kept), a student of the same institution finds them on /mentors by part of a word
// and in their suggestions with the reasons, opens their page; the alumnus pauses and the student's suggestions
// lose them. A student of another institution finds them nowhere, and their page is the not-found page.
const SET_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { course } }`;
const MENTOR_NAME = 'Rhiannon Pryce-Evans';

let stack: WebStack;
let alumnus: TestUser;
let studentA: TestUser;
let studentB: TestUser;

/** The page fits the screen, and axe finds nothing serious. */
async function checkPage(page: Page): Promise<void> {
  expect({ violations: await seriousAxeViolations(page) }).toEqual({ violations: [] });
  expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
}

beforeAll(async () => {
  stack = await startWebStack();
  const { a, b, studentA: sa, studentB: sb } = await twoTenants(stack.factory);
  [studentA, studentB] = [sa, sb];
  alumnus = await stack.factory.user(Role.ALUMNUS, { institution: a, displayName: MENTOR_NAME });
  const profile = async (who: TestUser, input: Record<string, unknown>) => expect((await stack.api.gql(SET_PROFILE, { input }, who.token)).errors).toBeUndefined();
  await profile(alumnus, { course: 'History', graduationYear: 2012 });
  // Both students would match her on everything; only A is of her institution.
  await profile(studentA, { course: 'History', sectors: ['public policy'], interests: ['welsh'] });
  await profile(studentB, { course: 'History', sectors: ['public policy'], interests: ['welsh'] });
  // A mentor of B's, so B's directory is not empty for want of mentors.
  const other = await stack.factory.user(Role.ALUMNUS, { institution: b, displayName: 'Bryn Other' });
  expect((await stack.api.gql(`mutation { becomeMentor(input: { offers: [QUESTION], capacity: 1, sectors: ["Energy"] }) { id } }`, {}, other.token)).errors).toBeUndefined();
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

it('an alumnus becomes a mentor, students of their institution find them with reasons, and pausing hides them', async () => {
  const mentor = await stack.person();
  await signIn(mentor.page, alumnus.email, alumnus.password);
  await mentor.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentoring' }).click();
  await heading(mentor.page, 'Mentoring');
  const form = mentor.page.getByRole('form', { name: 'Your mentor profile' });
  await form.waitFor();
  await mentor.page.getByText('History, 2012').waitFor();
  await checkPage(mentor.page);

  await form.getByRole('checkbox', { name: 'A conversation' }).check({ force: true });
  await form.getByRole('checkbox', { name: 'A longer mentorship' }).check({ force: true });
  await form.getByLabel('Places').fill('0');
  const addTags = async (label: string, ...tags: string[]) => {
    for (const tag of tags) {
      await form.getByRole('textbox', { name: label, exact: true }).fill(tag);
      await form.getByRole('textbox', { name: label, exact: true }).press('Enter');
    }
  };
  await addTags('Sectors', 'Public policy', 'Law');
  await addTags('Skills', 'Policy analysis');
  await addTags('Organisations', 'Welsh Government');
  await addTags('Languages', 'Welsh', 'English');
  await addTags('Topics', 'Civil service fast stream');
  // Typed but not added with Enter: sent all the same.
  await form.getByRole('textbox', { name: 'Topics', exact: true }).fill('Working in Cardiff');
  await form.getByLabel('About you').fill('Policy adviser in Cardiff. Ask me about the civil service.');
  await form.getByRole('button', { name: 'Start mentoring' }).click();

  // The api refuses the capacity: its message under the field, the rest as typed.
  const places = form.getByLabel('Places');
  await form.getByText('capacity must be 1 to 50').waitFor();
  await expect(places.getAttribute('aria-invalid')).resolves.toBe('true');
  expect(await mentor.page.getByRole('alert').filter({ hasText: 'Some values need a change' }).count()).toBe(1);
  expect(await form.getByRole('list', { name: 'Sectors' }).getByRole('listitem').allTextContents()).toEqual(['Public policy×', 'Law×']);
  expect(await form.getByRole('list', { name: 'Languages' }).getByRole('listitem').allTextContents()).toEqual(['Welsh×', 'English×']);
  expect(await form.getByRole('textbox', { name: 'Topics', exact: true }).inputValue()).toBe('Working in Cardiff');
  expect(await form.getByLabel('About you').inputValue()).toBe('Policy adviser in Cardiff. Ask me about the civil service.');
  expect(await form.getByRole('checkbox', { name: 'A longer mentorship' }).isChecked()).toBe(true);
  // Removing a tag takes it out.
  await form.getByRole('button', { name: 'Remove Law' }).click();

  await places.fill('2');
  await form.getByRole('button', { name: 'Start mentoring' }).click();
  await form.getByRole('button', { name: 'Save changes' }).waitFor();
  await mentor.page.getByText('Taking requests', { exact: true }).waitFor();
  expect(await form.getByRole('list', { name: 'Sectors' }).getByRole('listitem').allTextContents()).toEqual(['Public policy×']);
  expect(await form.getByRole('list', { name: 'Topics' }).getByRole('listitem').allTextContents()).toEqual(['Civil service fast stream×', 'Working in Cardiff×']);
  await mentor.page.getByRole('link', { name: 'Requests', exact: true }).waitFor();
  await checkPage(mentor.page);
  await mentor.page.screenshot({ path: '/tmp/mentors-mentoring-wide.png', fullPage: true });

  // A student of the same institution: suggested first, with the reasons in words.
  const student = await stack.person();
  await signIn(student.page, studentA.email, studentA.password);
  await student.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentors', exact: true }).click();
  await heading(student.page, 'Mentors');
  const suggested = student.page.getByRole('list', { name: 'Suggested mentors' });
  await suggested.getByRole('link', { name: MENTOR_NAME, exact: true }).waitFor();
  expect(await student.page.getByRole('list', { name: `Why ${MENTOR_NAME}` }).getByRole('listitem').allTextContents()).toEqual([
    'Same sector: Public policy',
    'Studied History at your university',
    'Speaks Welsh',
    '2 of 2 places free',
  ]);
  await suggested.getByRole('link', { name: `Request mentoring from ${MENTOR_NAME}` }).waitFor();
  await checkPage(student.page);
  await student.page.screenshot({ path: '/tmp/mentors-mentors-wide.png', fullPage: true });

  // The directory by part of a word; the search stays in the address across a reload.
  const directory = student.page.getByRole('list', { name: 'Mentors', exact: true });
  await student.page.getByRole('searchbox', { name: 'Search' }).fill('rhian');
  await student.page.getByRole('button', { name: 'Search' }).click();
  await student.page.waitForURL(/q=rhian/);
  await directory.getByRole('link', { name: MENTOR_NAME, exact: true }).waitFor();
  // The filters: a language she mentors in finds her, one she does not leaves her out.
  await student.page.getByText('Filter by sector, skill, language or offer').click();
  await student.page.getByRole('textbox', { name: 'Language' }).fill('welsh');
  await student.page.getByRole('button', { name: 'Search' }).click();
  await student.page.waitForURL(/language=welsh/);
  await directory.getByRole('link', { name: MENTOR_NAME, exact: true }).waitFor();
  await student.page.getByRole('textbox', { name: 'Language' }).fill('German');
  await student.page.getByRole('button', { name: 'Search' }).click();
  await student.page.getByText('No mentors match this search.').waitFor();
  await student.page.getByRole('textbox', { name: 'Language' }).fill('');
  await student.page.getByRole('button', { name: 'Search' }).click();
  await student.page.waitForURL((url) => !url.searchParams.has('language'));
  await directory.getByRole('link', { name: MENTOR_NAME, exact: true }).waitFor();
  await student.page.reload();
  await directory.getByRole('link', { name: MENTOR_NAME, exact: true }).waitFor();
  expect(await student.page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('rhian');
  await student.page.getByRole('searchbox', { name: 'Search' }).fill('zzqx');
  await student.page.getByRole('button', { name: 'Search' }).click();
  await student.page.getByText('No mentors match this search.').waitFor();

  await suggested.getByRole('link', { name: MENTOR_NAME, exact: true }).click();
  await heading(student.page, MENTOR_NAME);
  const mentorUrl = new URL(student.page.url()).pathname;
  expect(mentorUrl).toBe(`/mentors/${alumnus.user.id}`);
  await student.page.getByText('Taking requests', { exact: true }).waitFor();
  expect(await student.page.getByRole('link', { name: 'Request mentoring' }).getAttribute('href')).toBe(`${mentorUrl}/request`);
  await student.page.getByText('Welsh Government').waitFor();
  await checkPage(student.page);

  // A student of another institution: not in their suggestions nor their directory; the page is not found.
  const stranger = await stack.person();
  await signIn(stranger.page, studentB.email, studentB.password);
  await stranger.page.goto('/mentors?q=rhian');
  await heading(stranger.page, 'Mentors');
  await stranger.page.getByText('No mentors match this search.').waitFor();
  await stranger.page.getByText(/^No suggestions yet/).waitFor();
  await stranger.page.goto('/mentors');
  await stranger.page.getByRole('list', { name: 'Mentors', exact: true }).getByRole('link', { name: 'Bryn Other', exact: true }).waitFor();
  expect(await stranger.page.getByRole('link', { name: MENTOR_NAME, exact: true }).count()).toBe(0);
  await stranger.page.goto(mentorUrl);
  await heading(stranger.page, 'Page not found');

  // The alumnus pauses: the student's suggestions and directory lose them; their page says so.
  await mentor.page.getByRole('switch', { name: 'Taking requests now' }).click({ force: true });
  await mentor.page.getByText('Paused', { exact: true }).waitFor();
  await student.page.goto('/mentors');
  await heading(student.page, 'Mentors');
  await student.page.getByText(/^No suggestions yet/).waitFor();
  expect(await student.page.getByRole('link', { name: MENTOR_NAME, exact: true }).count()).toBe(0);
  await student.page.goto(mentorUrl);
  await student.page.getByText('Paused: not taking requests now').waitFor();
  expect(await student.page.getByRole('link', { name: 'Request mentoring' }).count()).toBe(0);

  for (const who of [mentor, student, stranger] as Person[]) expect(who.problems).toEqual([]);
}, 120_000);

it('the mentor pages fit a phone and pass axe', async () => {
  const [, narrow] = VIEWPORTS[1];
  const mentor = await stack.person(narrow);
  await signIn(mentor.page, alumnus.email, alumnus.password);
  // On a phone the navigation folds behind "Menu".
  const menu = mentor.page.getByRole('button', { name: 'Menu' });
  expect(await mentor.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentoring' }).isVisible()).toBe(false);
  await menu.click();
  expect(await menu.getAttribute('aria-expanded')).toBe('true');
  await mentor.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentoring' }).click();
  await heading(mentor.page, 'Mentoring');
  expect(await menu.getAttribute('aria-expanded')).toBe('false');
  await mentor.page.getByRole('button', { name: 'Save changes' }).waitFor();
  await checkPage(mentor.page);
  await mentor.page.screenshot({ path: '/tmp/mentors-mentoring-narrow.png', fullPage: true });
  const student = await stack.person(narrow);
  await signIn(student.page, studentA.email, studentA.password);
  await student.page.goto('/mentors');
  await heading(student.page, 'Mentors');
  await student.page.getByRole('list', { name: 'Mentors', exact: true }).waitFor().catch(() => undefined);
  await checkPage(student.page);
  await student.page.screenshot({ path: '/tmp/mentors-mentors-narrow.png', fullPage: true });
  await student.page.goto(`/mentors/${alumnus.user.id}`);
  await heading(student.page, MENTOR_NAME);
  await checkPage(student.page);
  await student.page.screenshot({ path: '/tmp/mentors-mentor-narrow.png', fullPage: true });
  expect([...mentor.problems, ...student.problems]).toEqual([]);
}, 90_000);
