import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role, type Principal, TrustLevel } from '@careers/contracts';
import type { Institution, Organisation } from '@careers/identity';
import { LiveChatQaService } from '@careers/live-chats';
import { DECIDE_LIVE_CHAT, errorCode, Factory, ok, SCHEDULE_LIVE_CHAT, startApi, type TestApi, type TestUser, twoTenants } from '@careers/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';

// After the chat: the host signs off, staff publish a Q&A page (a snapshot of the room's answered
// questions, handed over through publishTranscript), students search it and ask follow-ups.
const SIGN_OFF = `mutation($id: ID!) { signOffLiveChatQa(eventId: $id) { eventId signedOffAt publishedAt } }`;
const PUBLISH = `mutation($id: ID!) { publishLiveChatQa(eventId: $id) { publishedAt } }`;
const PAGE = `query($id: ID!) { liveChatQaPage(eventId: $id) { publishedAt event { title } items(first: 10) { edges { node { position question answer } } }
  followUps(first: 10) { edges { node { id question answer askerName answererName } } } } }`;
const SEARCH = `query($q: String!) { searchLiveChatQa(query: $q, first: 10) { edges { node { question event { id } } } } }`;
const ASK = `mutation($id: ID!, $q: String!) { askLiveChatFollowUp(eventId: $id, question: $q) { id question answer } }`;
const ANSWER = `mutation($id: ID!, $a: String!) { answerLiveChatFollowUp(id: $id, answer: $a) { id answer answeredAt } }`;
const HOUR = 3600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

let api: TestApi;
let db: DataSource;
let factory: Factory;
let qa: LiveChatQaService;
let a: Institution;
let b: Institution;
let host: TestUser;
let colleague: TestUser;
let staffA: TestUser;
let staffB: TestUser;
let studentA: TestUser;
let studentB: TestUser;

const principal = (u: TestUser): Principal => ({
  id: u.user.id,
  role: u.user.role,
  institutionId: u.user.institutionId,
  organisationId: u.user.organisationId,
  trustLevel: TrustLevel.NEW,
  sessionId: 'test',
});

beforeAll(async () => {
  api = await startApi(createApiApp);
  db = api.app.get(DataSource);
  qa = api.app.get(LiveChatQaService);
  factory = new Factory(api);
  let org: Organisation;
  ({ a, b, org, employer: host, staffA, staffB, studentA, studentB } = await twoTenants(factory));
  colleague = await factory.user(Role.EMPLOYER, { organisation: org });
});
afterAll(() => api.close());

/** A chat approved by A (B still pending), which is over unless `over` is false (the clock is moved in PostgreSQL). */
async function chat(title: string, over = true): Promise<string> {
  const i = { title, description: 'Ask us', startsAt: inHours(24), endsAt: inHours(25), capacity: 10, institutionIds: [a.id, b.id] };
  const id = ok(await api.gql(SCHEDULE_LIVE_CHAT, { i }, host.token)).scheduleLiveChat.id;
  ok(await api.gql(DECIDE_LIVE_CHAT, { i: { eventId: id, approve: true } }, staffA.token));
  if (over) await db.query(`UPDATE live_chat_event SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [id]);
  return id;
}

const items = [
  { question: 'Do you offer summer internships?', answer: 'Yes, eight weeks in July and August.', askedById: null, answeredById: null },
  { question: 'What happens at the assessment centre?', answer: 'A group exercise and two interviews.', askedById: null, answeredById: null },
];

it('publishes a signed-off chat as a Q&A page that students of approving institutions read and search', async () => {
  const id = await chat('Law firm open evening');

  // Staff cannot publish before a host signs off; only a host signs off.
  expect(errorCode(await api.gql(PUBLISH, { id }, staffA.token))).toBe('FORBIDDEN');
  expect(errorCode(await api.gql(SIGN_OFF, { id }, colleague.token))).toBe('FORBIDDEN');
  expect(ok(await api.gql(SIGN_OFF, { id }, host.token)).signOffLiveChatQa).toMatchObject({ eventId: id, publishedAt: null });
  expect(errorCode(await api.gql(PAGE, { id }, studentA.token))).toBe('NOT_FOUND');
  expect(ok(await api.gql(PAGE, { id }, staffA.token)).liveChatQaPage).toMatchObject({ publishedAt: null, items: { edges: [] } });

  // Staff of B have not approved the chat; bad items change nothing.
  await expect(qa.publishTranscript(principal(staffB), id, items)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await expect(qa.publishTranscript(principal(staffA), id, [{ ...items[0]!, answer: ' ' }])).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  expect(ok(await api.gql(PAGE, { id }, staffA.token)).liveChatQaPage.publishedAt).toBeNull();

  // The room hands over its answered questions; publishing again keeps the snapshot.
  const published = await qa.publishTranscript(principal(staffA), id, items);
  expect(published.publishedAt).toBeInstanceOf(Date);
  await qa.publishTranscript(principal(staffA), id, [{ question: 'Replaced?', answer: 'No', askedById: null, answeredById: null }]);
  const page = ok(await api.gql(PAGE, { id }, studentA.token)).liveChatQaPage;
  expect(page.event.title).toBe('Law firm open evening');
  expect(page.items.edges.map((e: any) => e.node)).toEqual([
    { position: 1, question: items[0]!.question, answer: items[0]!.answer },
    { position: 2, question: items[1]!.question, answer: items[1]!.answer },
  ]);

  // Parts of words (trigrams) and word forms (full text) both find it; B's students (not approved) see nothing.
  const found = async (q: string, who: TestUser) => ok(await api.gql(SEARCH, { q }, who.token)).searchLiveChatQa.edges.map((e: any) => e.node.question);
  expect(await found('intern', studentA)).toEqual([items[0]!.question]);
  expect(await found('interview', studentA)).toEqual([items[1]!.question]);
  expect(await found('assessment centres', studentA)).toEqual([items[1]!.question]);
  expect(await found('intern', studentB)).toEqual([]);
  expect(errorCode(await api.gql(PAGE, { id }, studentB.token))).toBe('NOT_FOUND');
  expect(errorCode(await api.gql(SEARCH, { q: 'x' }, studentA.token))).toBe('BAD_USER_INPUT');

  // Pages of results: keyset cursors over (score, id), nothing twice.
  const PAGED = `query($q: String!, $after: String) { searchLiveChatQa(query: $q, first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
  const one = ok(await api.gql(PAGED, { q: 'an' }, studentA.token)).searchLiveChatQa;
  expect(one.pageInfo.hasNextPage).toBe(true);
  const two = ok(await api.gql(PAGED, { q: 'an', after: one.pageInfo.endCursor }, studentA.token)).searchLiveChatQa;
  expect(two.edges).toHaveLength(1);
  expect(two.edges[0].node.id).not.toBe(one.edges[0].node.id);
});

it('publishes only chats that are over, through the mutation too', async () => {
  const id = await chat('Still to come', false);
  ok(await api.gql(SIGN_OFF, { id }, host.token));
  const early = await api.gql(PUBLISH, { id }, staffA.token);
  expect(errorCode(early)).toBe('BAD_USER_INPUT');
  expect(early.errors![0]!.message).toContain('not over yet');
  await db.query(`UPDATE live_chat_event SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [id]);
  expect(ok(await api.gql(PUBLISH, { id }, staffA.token)).publishLiveChatQa.publishedAt).toEqual(expect.any(String));
});

it('takes follow-up questions from students, answered by a host, the asker told once', async () => {
  const id = await chat('Graduate scheme Q&A');
  ok(await api.gql(SIGN_OFF, { id }, host.token));
  await qa.publishTranscript(principal(staffA), id, items);

  expect(errorCode(await api.gql(ASK, { id, q: 'Hm?' }, studentA.token))).toBe('BAD_USER_INPUT');
  expect(errorCode(await api.gql(ASK, { id, q: 'Can I apply from abroad?' }, studentB.token))).toBe('NOT_FOUND');
  const asked = ok(await api.gql(ASK, { id, q: 'Can I apply from abroad?' }, studentA.token)).askLiveChatFollowUp;
  expect(asked).toMatchObject({ question: 'Can I apply from abroad?', answer: null });

  expect(errorCode(await api.gql(ANSWER, { id: asked.id, a: 'Yes' }, colleague.token))).toBe('FORBIDDEN');
  expect(ok(await api.gql(ANSWER, { id: asked.id, a: 'Yes, we sponsor visas.' }, host.token)).answerLiveChatFollowUp.answer).toBe('Yes, we sponsor visas.');
  expect(errorCode(await api.gql(ANSWER, { id: asked.id, a: 'Again' }, host.token))).toBe('CONFLICT');

  const followUps = ok(await api.gql(PAGE, { id }, studentA.token)).liveChatQaPage.followUps.edges.map((e: any) => e.node);
  expect(followUps).toEqual([
    { id: asked.id, question: 'Can I apply from abroad?', answer: 'Yes, we sponsor visas.', askerName: studentA.user.displayName, answererName: host.user.displayName },
  ]);
  const events = await db.query(`SELECT payload FROM outbox_event WHERE type = 'live-chats.follow-up-answered' AND aggregate_id = $1`, [id]);
  expect(events.map((e: any) => e.payload)).toEqual([{ eventId: id, title: 'Graduate scheme Q&A', questionId: asked.id, askerId: studentA.user.id }]);
});
