import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Page } from 'playwright-core';
import { heading, signIn, startWebStack, VIEWPORTS, type WebStack } from './harness.js';

// The mentorship's conversation in two browser contexts: the mentee (on a phone, 360 px) and the mentor of an
// ACTIVE mentorship exchange messages, each sees the other's arrive without a reload, and the read tick.
let stack: WebStack;

beforeAll(async () => {
  stack = await startWebStack();
}, 90_000);
afterAll(async () => {
  await stack?.stop();
});

const messages = (page: Page) => page.getByTestId('message');
async function say(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Your message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

it('mentor and mentee exchange messages live, with read ticks and a goal they agree on', async () => {
  const institution = await stack.factory.institution();
  const alan = await stack.factory.user(Role.ALUMNUS, { institution, displayName: 'Alan Alumnus' });
  const sam = await stack.factory.user(Role.STUDENT, { institution, displayName: 'Sam Student' });
  const id = await stack.factory.activeMentorship(alan, sam);

  const mentee = await stack.person(VIEWPORTS[1][1]);
  const mentor = await stack.person();
  await signIn(mentee.page, sam.email, sam.password);
  await signIn(mentor.page, alan.email, alan.password);
  await mentee.page.goto(`/mentorships/${id}/conversation`);
  await mentor.page.goto(`/mentorships/${id}/conversation`);
  await heading(mentee.page, 'Conversation with Alan Alumnus');
  await heading(mentor.page, 'Conversation with Sam Student');
  await mentor.page.getByText('No messages yet').waitFor();

  await say(mentee.page, 'Hello Alan, could we talk about training contracts?');
  // The mentor's page shows it without a reload, and reading it ticks it on the mentee's.
  await messages(mentor.page).filter({ hasText: 'could we talk about training contracts' }).waitFor();
  await mentee.page.getByTestId('read-tick').filter({ hasText: 'Read' }).waitFor();

  await say(mentor.page, 'Of course: next Tuesday?');
  await messages(mentee.page).filter({ hasText: 'next Tuesday?' }).waitFor();
  await mentor.page.getByTestId('read-tick').filter({ hasText: 'Read' }).last().waitFor();
  expect(await messages(mentee.page).allTextContents()).toEqual([
    expect.stringContaining('Hello Alan'),
    expect.stringContaining('Of course: next Tuesday?'),
  ]);
  expect(await mentee.page.getByRole('textbox', { name: 'Your message' }).inputValue()).toBe('');

  // A goal: proposed by the mentee, agreed by the mentor (whose page hears of it), seen agreed by both.
  await mentee.page.getByRole('textbox', { name: 'A goal for you both' }).fill('Two training contract applications by March');
  await mentee.page.getByRole('button', { name: 'Propose' }).click();
  await mentor.page.getByTestId('goal').filter({ hasText: 'Proposed to you' }).waitFor();
  await mentor.page.getByRole('button', { name: 'Agree' }).click();
  await mentee.page.getByTestId('goal').filter({ hasText: 'Agreed' }).waitFor();

  // Nothing scrolls sideways on the phone.
  expect(await mentee.page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  expect([...mentee.problems, ...mentor.problems]).toEqual([]);
}, 90_000);

it('keeps what the person typed when a send fails, and sends it on the retry', async () => {
  const institution = await stack.factory.institution();
  const alan = await stack.factory.user(Role.ALUMNUS, { institution, displayName: 'Retry Mentor' });
  const sam = await stack.factory.user(Role.STUDENT, { institution, displayName: 'Retry Mentee' });
  const id = await stack.factory.activeMentorship(alan, sam);
  const mentee = await stack.person();
  await signIn(mentee.page, sam.email, sam.password);
  await mentee.page.goto(`/mentorships/${id}/conversation`);
  await heading(mentee.page, 'Conversation with Retry Mentor');

  // The first send's request fails at the network; the text stays in the box.
  let fail = true;
  await mentee.page.route('**/graphql', async (route) => {
    if (fail && (route.request().postData() ?? '').includes('SendMentorshipMessageFromPage')) {
      fail = false;
      return route.abort('internetdisconnected');
    }
    return route.continue();
  });
  await say(mentee.page, 'Please keep this text');
  await mentee.page.getByRole('alert').filter({ hasText: /server could not be reached/ }).waitFor();
  expect(await mentee.page.getByRole('textbox', { name: 'Your message' }).inputValue()).toBe('Please keep this text');
  await mentee.page.getByRole('button', { name: 'Send' }).click();
  await messages(mentee.page).filter({ hasText: 'Please keep this text' }).waitFor();
  expect(await messages(mentee.page).count()).toBe(1);
  expect(await mentee.page.getByRole('textbox', { name: 'Your message' }).inputValue()).toBe('');
}, 60_000);

it('shows what arrived while the socket was down once it reconnects, without a reload', async () => {
  const institution = await stack.factory.institution();
  const alan = await stack.factory.user(Role.ALUMNUS, { institution, displayName: 'Away Mentor' });
  const sam = await stack.factory.user(Role.STUDENT, { institution, displayName: 'Away Mentee' });
  const id = await stack.factory.activeMentorship(alan, sam);
  const mentor = await stack.person();
  // The mentor's WebSockets go through a proxy in the test: passed on while the network is up, cut while down.
  let up = true;
  const open: { close(): Promise<void> }[] = [];
  await mentor.context.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (!up) return ws.close({ code: 1006, reason: 'network down' });
    const server = ws.connectToServer();
    ws.onMessage((m) => up && server.send(m));
    server.onMessage((m) => up && ws.send(m));
    open.push({ close: () => ws.close({ code: 1006, reason: 'network down' }) });
  });
  await signIn(mentor.page, alan.email, alan.password);
  await mentor.page.goto(`/mentorships/${id}/conversation`);
  await heading(mentor.page, 'Conversation with Away Mentee');
  await mentor.page.getByText('No messages yet').waitFor();

  up = false;
  for (const ws of open.splice(0)) await ws.close();
  const sent = await stack.api.gql(
    `mutation($i: SendMentorshipMessageInput!) { sendMentorshipMessage(input: $i) { id } }`,
    { i: { mentorshipId: id, body: 'Sent while you were away', clientId: 'away-1' } },
    sam.token,
  );
  expect(sent.errors).toBeUndefined();
  expect(await messages(mentor.page).count()).toBe(0); // the push went nowhere
  up = true; // socket.io reconnects by itself; the page then reads the newest messages again
  await messages(mentor.page).filter({ hasText: 'Sent while you were away' }).waitFor({ timeout: 20_000 });
  expect(await messages(mentor.page).count()).toBe(1);
}, 60_000);
