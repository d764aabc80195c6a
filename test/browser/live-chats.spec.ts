import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { heading, seriousAxeViolations, signIn, startWebStack, type WebStack, VIEWPORTS } from './harness.js';

// The live chat pages of a student: the upcoming list and one chat's page (register, cancel, calendar), axe at both widths.
let stack: WebStack;
let chat: Awaited<ReturnType<WebStack['factory']['liveChat']>>;

beforeAll(async () => {
  stack = await startWebStack();
  chat = await stack.factory.liveChat(1, { startsIn: -1 });
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

describe.each(VIEWPORTS)('at %s', (_name, viewport) => {
  it('a registered student finds the chat, sees the room link, cancels and registers again; axe passes', async () => {
    const { page, problems } = await stack.person(viewport);
    const student = chat.students[0]!;
    await signIn(page, student.email, student.password);
    await page.goto('/live-chats');
    await heading(page, 'Live chats');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('list', { name: 'Upcoming live chats' }).getByRole('link').first().click();
    await page.getByRole('link', { name: 'Join the live room' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.getByRole('button', { name: 'Cancel registration' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel registration' }).click();
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByText('You have a place.').waitFor();
    expect(problems).toEqual([]);
  }, 90_000);
});
