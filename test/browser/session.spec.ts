import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import { eventually, type TestUser } from '@careers/testing';
import { heading, signIn, startWebStack, type WebStack } from './harness.js';

// The browser's session (docs/web.md, "Sessions"): the access token in memory, the refresh token in an
// HttpOnly cookie that scripts cannot read, resumed on reload, and dead after sign-out.
let stack: WebStack;
let student: TestUser;

beforeAll(async () => {
  stack = await startWebStack();
  const institution = await stack.factory.institution();
  student = await stack.factory.user(Role.STUDENT, { institution, displayName: 'Robin Reload' });
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

const refreshWith = (cookie: string) =>
  fetch(`${stack.api.url}/auth/refresh`, { method: 'POST', headers: { cookie: `careers_refresh=${cookie}`, 'X-CSRF-Protection': '1' } });

it('a sign-in survives a reload; scripts see no refresh token; after sign-out the old cookie no longer works', async () => {
  const { context, page, problems } = await stack.person();
  await signIn(page, student.email, student.password);

  const cookie = (await context.cookies()).find((c) => c.name === 'careers_refresh');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/auth' });
  await expect(page.evaluate<string>('document.cookie')).resolves.not.toContain('careers_refresh');
  await expect(page.evaluate<string>('JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })')).resolves.toBe('{}{}');

  await page.reload();
  await heading(page, 'Welcome, Robin Reload');
  await page.goto('/account');
  await heading(page, 'Account');

  // The reload rotated the cookie: this is the live one.
  const live = (await context.cookies()).find((c) => c.name === 'careers_refresh')!.value;
  await page.getByRole('button', { name: 'Sign out' }).click();
  await heading(page, 'Sign in');
  expect((await context.cookies()).find((c) => c.name === 'careers_refresh')).toBeUndefined();
  const after = await refreshWith(live);
  expect(after.status).toBe(401);

  await page.reload();
  await heading(page, 'Sign in');
  await page.goto('/account');
  await heading(page, 'Sign in'); // signed-in pages send the signed-out to sign in
  expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
  expect(problems).toEqual([]);
}, 60_000);

it('a page load whose refresh answer never arrived does not sign the person out on the next load', async () => {
  const { context, page, problems } = await stack.person();
  await signIn(page, student.email, student.password);
  const before = (await context.cookies()).find((c) => c.name === 'careers_refresh')!;

  // The api rotates the cookie, but the answer is lost (the person loaded another page before it came back).
  // route.fetch stores the answer's Set-Cookie in the context, so the old cookie is put back: it never arrived.
  let lost = 0;
  await page.route('**/auth/refresh', async (route) => {
    await route.fetch();
    await context.addCookies([before]);
    lost += 1;
    await route.abort('aborted');
  });
  await page.goto('/account');
  await eventually('the refresh answer to be lost', () => lost === 1);
  await page.unroute('**/auth/refresh');
  expect((await context.cookies()).find((c) => c.name === 'careers_refresh')!.value).toBe(before.value);
  problems.length = 0; // the aborted fetch logs a console error, which is the point of this test

  await page.goto('/account');
  await heading(page, 'Account');
  await page.goto('/');
  await heading(page, 'Welcome, Robin Reload');
  await page.reload();
  await heading(page, 'Welcome, Robin Reload');
  expect(problems).toEqual([]);
}, 60_000);

it('a new account lands on its profile even when that page loads after the account (it is not sent home instead)', async () => {
  const institution = await stack.factory.institution();
  const { page, problems } = await stack.person();
  // The profile page's code arrives a second late, long after the api said who the new person is: the sign-up
  // page, a page for the signed-out, must not send them home while its own navigation is still loading.
  await page.route(/\/assets\/ProfileEditorPage-[\w-]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  await page.goto('/sign-up');
  await heading(page, 'Sign up');
  await page.getByLabel('Your name').fill('Nia New');
  await page.getByLabel('University email').fill(`nia-${Date.now()}@${institution.emailDomains[0]}`);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await heading(page, 'My profile');
  expect(new URL(page.url()).pathname).toBe('/profile');
  expect(problems).toEqual([]);
});
