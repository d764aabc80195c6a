import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { TestUser } from '@careers/testing';
import { heading, seriousAxeViolations, signIn, startWebStack, type WebStack, VIEWPORTS } from './harness.js';

// axe (serious and critical) on every page of the foundation, wide and narrow, with the api's CSP in force:
// a CSP violation is a console error, so `problems` catches it.
let stack: WebStack;
let student: TestUser;

const PUBLIC_PAGES: [string, string | RegExp][] = [
  ['/', 'Careers network'],
  ['/sign-in', 'Sign in'],
  ['/sign-up', 'Sign up'],
  ['/sign-up/employer', 'Sign up as an employer'],
  ['/no/such/page', 'Page not found'],
];
const SIGNED_IN_PAGES: [string, string | RegExp][] = [
  ['/', /^Welcome, /],
  ['/account', 'Account'],
  ['/profile', 'My profile'],
  ['/notifications', 'Notifications'],
  ['/settings/notifications', 'Notification preferences'],
  ['/alerts', 'Vacancy alerts'],
  ['/alerts/new?q=data&location=Leeds', 'New alert'],
  ['/mentors?q=law&language=welsh', 'Mentors'],
];

beforeAll(async () => {
  stack = await startWebStack();
  const institution = await stack.factory.institution();
  student = await stack.factory.user(Role.STUDENT, { institution, displayName: 'Alex Axe' });
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

describe.each(VIEWPORTS)('at %s', (_name, viewport) => {
  it('signed out: every page passes axe, with nothing refused by the CSP', async () => {
    const { page, problems } = await stack.person(viewport);
    for (const [path, title] of PUBLIC_PAGES) {
      await page.goto(path);
      await heading(page, title);
      expect({ path, violations: await seriousAxeViolations(page) }).toEqual({ path, violations: [] });
      expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    }
    expect(problems).toEqual([]);
  }, 90_000);

  it('signed in: every page passes axe, with nothing refused by the CSP', async () => {
    const { page, problems } = await stack.person(viewport);
    await signIn(page, student.email, student.password);
    for (const [path, title] of SIGNED_IN_PAGES) {
      await page.goto(path);
      await heading(page, title);
      expect({ path, violations: await seriousAxeViolations(page) }).toEqual({ path, violations: [] });
      expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    }
    const self = await stack.api.gql<{ me: { id: string } }>('{ me { id } }', {}, student.token);
    await page.goto(`/people/${self.data!.me.id}`);
    await heading(page, 'Alex Axe');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The document title follows the page.
    expect(await page.title()).toBe('Alex Axe · Careers network');
    expect(problems).toEqual([]);
  }, 120_000);
});
