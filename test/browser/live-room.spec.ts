import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { heading, signIn, startWebStack, VIEWPORTS, type Person, type WebStack } from './harness.js';

// The live room journey, each person in a browser context of their own, with the worker as a real
// process: an employer hosts a chat that is on now with two students; one student's network drops (the socket
// blocked, not just closed) while the others talk; on reconnection that student's page shows every message
// once, in order; the students ask and upvote; the host answers the upvoted question in the room and mutes a
// student, whose next send is refused in words beside the composer.
let stack: WebStack;
let chat: Awaited<ReturnType<WebStack['factory']['liveChat']>>;

beforeAll(async () => {
  stack = await startWebStack({ worker: true });
  chat = await stack.factory.liveChat(2);
}, 90_000);
afterAll(async () => {
  await stack?.stop();
});

const log = (page: Page) => page.getByRole('log', { name: 'Messages' });

/** The texts of the messages the page shows, oldest first (each message's text is its last paragraph). */
const shownTexts = (page: Page): Promise<string[]> =>
  log(page)
    .locator('li[data-seq]')
    .evaluateAll((items) => items.map((li) => li.querySelector('p:last-of-type')?.textContent ?? ''));

/** Signs `person` in and opens the room; waits until it is joined (the message log is there). */
async function enter(person: Person, email: string, password: string): Promise<void> {
  await signIn(person.page, email, password);
  await person.page.goto(`/live-chats/${chat.eventId}/room`);
  await heading(person.page, 'Meet us: live room');
  await log(person.page).waitFor();
}

/** Types `text` in the composer and sends it with Enter. */
async function say(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message', exact: true });
  await box.fill(text);
  await box.press('Enter');
}

/** Waits until the message `text` is in the room's log as stored (not "Sending…"). */
const stored = (page: Page, text: string): Promise<void> =>
  log(page).locator('li[data-seq]').filter({ hasText: text }).first().waitFor();

const question = (page: Page, text: string): Locator => page.getByRole('list', { name: /^(Questions|Question queue)$/ }).getByRole('listitem').filter({ hasText: text });

it('the host talks with two students through a dropped network, answers the upvoted question and mutes a student', async () => {
  const host = await stack.person();
  const ana = await stack.person();
  // The student whose network drops is on a phone: the room at 360 px.
  const ben = await stack.person(VIEWPORTS[1][1]);
  const [hana, student0, student1] = [chat.host, chat.students[0]!, chat.students[1]!];
  // Ben's WebSockets go through a proxy in the test: passed on, refused (a network that is down), or, once
  // open, silently dropped both ways (a network that went quiet under an open connection).
  let network: 'up' | 'down' | 'quiet' = 'up';
  await ben.context.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (network !== 'up') return ws.close({ code: 1006, reason: 'network down' });
    const server = ws.connectToServer();
    ws.onMessage((m) => network === 'up' && server.send(m));
    server.onMessage((m) => network === 'up' && ws.send(m));
  });
  await enter(host, hana.email, hana.password);
  await enter(ana, student0.email, student0.password);
  await enter(ben, student1.email, student1.password);

  await say(host.page, 'Welcome, everyone!');
  await say(ben.page, 'Hello from my phone');
  for (const p of [host, ana, ben]) await stored(p.page, 'Hello from my phone');

  // Ben's network goes: the browser is offline and every socket.io request and WebSocket is refused.
  network = 'down';
  await ben.context.route('**/socket.io/**', (route) => route.abort('internetdisconnected'));
  await ben.context.setOffline(true);
  await ben.page.getByRole('status').filter({ hasText: 'Reconnecting…' }).waitFor();

  // The others talk meanwhile; Ben types one too, which waits as "Sending…".
  await say(host.page, 'First, a word about our graduate scheme.');
  await stored(host.page, 'First, a word about our graduate scheme.');
  await say(ana.page, 'Is it open to history students?');
  await stored(ana.page, 'Is it open to history students?');
  await say(host.page, 'Yes: every degree is welcome.');
  await stored(host.page, 'Yes: every degree is welcome.');
  await say(ben.page, 'Sorry, my train went into a tunnel');
  await log(ben.page).getByText('Sending…').waitFor();
  await ben.page.getByRole('status').filter({ hasText: 'Reconnecting…' }).waitFor();
  expect(await shownTexts(ben.page)).toEqual(['Welcome, everyone!', 'Hello from my phone']);

  // The network comes back: Ben's room catches up, and the message typed offline is stored once.
  await ben.context.unroute('**/socket.io/**');
  network = 'up';
  await ben.context.setOffline(false);
  await ben.page.getByText('Sorry, my train went into a tunnel').and(ben.page.locator('li[data-seq] p')).waitFor({ timeout: 30_000 });
  await expect(ben.page.getByRole('status').filter({ hasText: /Reconnecting|Connecting/ }).count()).resolves.toBe(0);
  const conversation = [
    'Welcome, everyone!',
    'Hello from my phone',
    'First, a word about our graduate scheme.',
    'Is it open to history students?',
    'Yes: every degree is welcome.',
    'Sorry, my train went into a tunnel',
  ];
  expect(await shownTexts(ben.page)).toEqual(conversation);
  await expect(log(ben.page).getByText('Sending…').count()).resolves.toBe(0);
  for (const p of [host, ana]) {
    await stored(p.page, 'Sorry, my train went into a tunnel');
    expect(await shownTexts(p.page)).toEqual(conversation);
  }

  // Ben's network goes quiet under the open connection (no offline event, nothing closes): his next message
  // gets no answer, so the room says it is reconnecting, and sends it once the network is back.
  network = 'quiet';
  await say(ben.page, 'Can you hear me?');
  await ben.page.getByRole('status').filter({ hasText: 'Reconnecting…' }).waitFor({ timeout: 15_000 });
  await say(host.page, 'We lost Ben for a moment.');
  await stored(host.page, 'We lost Ben for a moment.');
  network = 'up';
  await stored(ben.page, 'Can you hear me?');
  await stored(ben.page, 'We lost Ben for a moment.');
  conversation.push('We lost Ben for a moment.', 'Can you hear me?');
  expect(await shownTexts(ben.page)).toEqual(conversation);
  await stored(host.page, 'Can you hear me?');
  expect(await shownTexts(host.page)).toEqual(conversation);

  // Shift+Enter is a new line, not a send.
  const box = ana.page.getByRole('textbox', { name: 'Message', exact: true });
  await box.fill('Two lines:');
  await box.press('Shift+Enter');
  await box.pressSequentially('the second');
  expect(await box.inputValue()).toBe('Two lines:\nthe second');
  await box.press('Enter');
  await stored(ana.page, 'the second');
  expect(await box.inputValue()).toBe('');

  // Questions: each student asks one, Ben upvotes Ana's, and the queue ranks it first.
  await ana.page.getByRole('textbox', { name: 'Ask a question' }).fill('What does the first year look like?');
  await ana.page.getByRole('button', { name: 'Ask', exact: true }).click();
  await ben.page.getByRole('textbox', { name: 'Ask a question' }).fill('Do you sponsor visas?');
  await ben.page.getByRole('textbox', { name: 'Ask a question' }).press('Enter');
  await question(ben.page, 'Do you sponsor visas?').waitFor();
  await ben.page.getByRole('button', { name: 'Upvote: What does the first year look like?' }).click();
  await ben.page.getByRole('button', { name: 'Upvoted: What does the first year look like?' }).waitFor();
  await question(host.page, 'What does the first year look like?').getByText('1 upvote').waitFor();
  const queue = host.page.getByRole('list', { name: 'Question queue' }).getByRole('listitem');
  await expect(queue.allInnerTexts().then((items) => items.map((t) => t.split('\n')[0]))).resolves.toEqual(['What does the first year look like?', 'Do you sponsor visas?']);

  // The host marks it as being answered (the students see it), and answers it in the room.
  await question(host.page, 'What does the first year look like?').getByRole('button', { name: 'Answering now' }).click();
  await question(ana.page, 'What does the first year look like?').getByText('Answering now').waitFor();
  await question(ben.page, 'What does the first year look like?').getByText('Answering now').waitFor();
  await question(host.page, 'What does the first year look like?').getByRole('button', { name: 'Answer…' }).click();
  const dialog = host.page.getByRole('dialog', { name: 'Answer in the room' });
  await dialog.getByRole('textbox', { name: 'Your answer' }).fill('Six months of training, then a client project with a mentor.');
  await dialog.getByRole('button', { name: 'Send answer' }).click();
  for (const p of [host, ana, ben]) {
    const answer = log(p.page).locator('li[data-seq]').filter({ hasText: 'Six months of training, then a client project with a mentor.' });
    await answer.waitFor();
    expect(await answer.innerText()).toContain('Answer to: “What does the first year look like?” (Student 0)');
  }

  // The host mutes Ben, whose next message is refused in words beside the composer and stays in the box.
  const bensMessage = log(host.page).locator('li[data-seq]').filter({ hasText: 'Hello from my phone' });
  await bensMessage.getByRole('button', { name: 'Mute…' }).click();
  const mute = host.page.getByRole('dialog', { name: 'Mute Student 1' });
  await mute.getByRole('textbox', { name: 'Minutes' }).fill('15');
  await mute.getByRole('button', { name: 'Mute', exact: true }).click();
  await host.page.getByText('Student 1 is muted for 15 minutes').waitFor();
  await ben.page.getByRole('note').filter({ hasText: 'The hosts muted you until' }).waitFor();
  await say(ben.page, 'But I had another question');
  const refusal = ben.page.getByRole('form', { name: 'Message' }).getByRole('alert').filter({ hasText: 'You are muted in this live chat until' });
  await refusal.waitFor();
  expect(await refusal.innerText()).toMatch(/^You are muted in this live chat until \d\d:\d\d: your message was not sent\.$/);
  expect(await ben.page.getByRole('textbox', { name: 'Message', exact: true }).inputValue()).toBe('But I had another question');
  // Ana may still talk, and nobody saw Ben's refused message.
  await say(ana.page, 'Thank you!');
  await stored(host.page, 'Thank you!');
  await stored(ben.page, 'Thank you!');
  expect(await shownTexts(host.page)).not.toContain('But I had another question');

  // At 360 px the room does not scroll sideways.
  expect(await ben.page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  for (const p of [host, ana, ben]) expect(p.problems).toEqual([]);
}, 180_000);
