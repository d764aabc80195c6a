import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { heading, startWebStack, type WebStack } from './harness.js';

// The Form component: the browser's validation first, then the api's BAD_USER_INPUT beside the field it names.
let stack: WebStack;

beforeAll(async () => {
  stack = await startWebStack();
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

it('a field fixed after a refused submit sends on one click; the api refusal shows beside the field it names', async () => {
  const { page, problems } = await stack.person();
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && request.postData()?.includes('SignUp')) sent.push(request.postData()!);
  });
  await page.goto('/sign-up');
  await heading(page, 'Sign up');
  await page.getByLabel('Your name').fill('Nomad');
  await page.getByLabel('University email').fill('nomad@nowhere.example');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create my account' }).click();
  const password = page.getByRole('textbox', { name: 'Password' });
  await expect(password.getAttribute('aria-invalid')).resolves.toBe('true');
  expect(sent).toEqual([]); // the browser's validation stopped it

  await password.fill('a long enough password');
  await page.getByRole('button', { name: 'Create my account' }).click();
  const email = page.getByRole('textbox', { name: 'University email' });
  await page.getByText('No institution on this platform uses the email domain nowhere.example').waitFor();
  expect(sent).toHaveLength(1);
  await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
  // The message is the field's description, beside it.
  const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
  const description = await page.evaluate<string>(`${JSON.stringify(describedBy.split(' '))}.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')`);
  expect(description).toContain('No institution on this platform uses the email domain nowhere.example');
  await expect(page.getByRole('alert').filter({ hasText: 'see the messages beside the fields' }).isVisible()).resolves.toBe(true);
  expect(problems).toEqual([]);
}, 60_000);
