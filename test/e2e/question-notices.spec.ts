import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import {
  ACCEPT_ANSWER,
  ANSWER_QUESTION,
  ASK_QUESTION,
  EDIT_ANSWER,
  Factory,
  FOLLOW_QUESTION_TAG,
  lockWorkerTests,
  ok,
  SET_NOTIFICATION_PREFERENCE,
  settled,
  startApi,
  startWorkerProcess,
  type TestApi,
  type TestUser,
  twoTenants,
  type WorkerProcess,
} from '@careers/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.js';

// Questions and answers tell the right people exactly once, with the worker as a real process: the chosen mentor of a
// private question, the followers of a community question's tags (once, however many of its tags they follow), the
// asker of each new answer, the answerer when accepted; never anyone of another institution, never of a private one.
const BECOME = `mutation($i: BecomeMentorInput!) { becomeMentor(input: $i) { id } }`;

let api: TestApi;
let db: DataSource;
let factory: Factory;
let worker: WorkerProcess;
let unlock: () => Promise<void>;

beforeAll(async () => {
  unlock = await lockWorkerTests();
  api = await startApi(createApiApp);
  db = api.app.get(DataSource);
  factory = new Factory(api);
  worker = startWorkerProcess();
}, 180_000);
afterAll(async () => {
  await worker?.stop();
  await api.close();
  await unlock();
});

const notices = async (user: TestUser, kind?: string): Promise<{ kind: string; title: string; link: string }[]> =>
  db.query(`SELECT kind, title, link FROM notification WHERE user_id = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY created_at, id`, [user.user.id, kind ?? null]);
const emails = async (user: TestUser, kind: string): Promise<{ subject: string }[]> =>
  db.query(`SELECT subject FROM notification_email WHERE user_id = $1 AND kind = $2 ORDER BY created_at, id`, [user.user.id, kind]);
const counts = (users: TestUser[], kind: string) => Promise.all(users.map(async (u) => (await notices(u, kind)).length));

it('tells followers of a tag, the asker of answers, the answerer of acceptance, and the mentor of a private question, once each', async () => {
  const { a, b, staffA, staffB, studentA, admin } = await twoTenants(factory);
  const [bothTags, oneTag, noTag, followerB, mentor, studentA2] = await Promise.all([
    factory.user(Role.ALUMNUS, { institution: a }),
    factory.user(Role.ALUMNUS, { institution: a }),
    factory.user(Role.ALUMNUS, { institution: a }),
    factory.user(Role.ALUMNUS, { institution: b }),
    factory.user(Role.ALUMNUS, { institution: a }),
    factory.user(Role.STUDENT, { institution: a }),
  ]);
  for (const t of ['law', 'careers']) ok(await api.gql(FOLLOW_QUESTION_TAG, { t }, bothTags.token));
  ok(await api.gql(FOLLOW_QUESTION_TAG, { t: 'Law' }, oneTag.token));
  ok(await api.gql(FOLLOW_QUESTION_TAG, { t: 'law' }, staffA.token));
  ok(await api.gql(FOLLOW_QUESTION_TAG, { t: 'law' }, followerB.token));
  ok(await api.gql(FOLLOW_QUESTION_TAG, { t: 'law' }, mentor.token));
  ok(await api.gql(BECOME, { i: { offers: ['QUESTION'], capacity: 3 } }, mentor.token));
  // oneTag wants in-app only.
  ok(await api.gql(SET_NOTIFICATION_PREFERENCE, { i: { kind: 'question-in-followed-tag', email: false } }, oneTag.token));

  // A community question in two tags: each follower once; not B's follower, not the asker.
  const community = ok(
    await api.gql(ASK_QUESTION, { i: { title: 'Law or careers in law?', body: 'Which way?', tags: ['Law', 'careers'], visibility: 'COMMUNITY' } }, studentA.token),
  ).askQuestion;
  await settled(db, community.id, { type: 'mentoring.question-asked', count: 1 });
  const FOLLOWED = 'question-in-followed-tag';
  expect(await counts([bothTags, oneTag, staffA, mentor], FOLLOWED)).toEqual([1, 1, 1, 1]);
  expect(await counts([noTag, followerB, staffB, admin, studentA, studentA2], FOLLOWED)).toEqual([0, 0, 0, 0, 0, 0]);
  expect(await notices(bothTags, FOLLOWED)).toEqual([{ kind: FOLLOWED, title: 'New question in a tag you follow: Law or careers in law?', link: `/questions/${community.id}` }]);
  expect((await emails(bothTags, FOLLOWED)).map((e) => e.subject)).toEqual(['New question in a tag you follow: Law or careers in law?']);
  expect(await emails(oneTag, FOLLOWED)).toEqual([]);

  // A private question in a followed tag: only the chosen mentor hears, as a private question; no follower.
  const secret = ok(
    await api.gql(ASK_QUESTION, { i: { title: 'A private law question', body: 'Just you.', tags: ['law'], visibility: 'PRIVATE', mentorId: mentor.user.id } }, studentA.token),
  ).askQuestion;
  await settled(db, secret.id, { type: 'mentoring.question-asked', count: 1 });
  expect(await counts([bothTags, oneTag, staffA, mentor], FOLLOWED)).toEqual([1, 1, 1, 1]);
  expect(await notices(mentor, 'question-for-you')).toEqual([{ kind: 'question-for-you', title: 'A student asked you privately: A private law question', link: `/questions/${secret.id}` }]);
  for (const who of [bothTags, oneTag, noTag, staffA, staffB, admin, studentA2]) {
    expect((await notices(who)).filter((n) => n.title.includes('private law question'))).toEqual([]);
  }

  // Each answer tells the asker once; an edit tells nobody; accepting tells the answerer once.
  const first = ok(await api.gql(ANSWER_QUESTION, { q: community.id, b: 'Both!' }, bothTags.token)).answerQuestion;
  const second = ok(await api.gql(ANSWER_QUESTION, { q: community.id, b: 'Law.' }, staffA.token)).answerQuestion;
  ok(await api.gql(EDIT_ANSWER, { id: first.id, b: 'Both, really.' }, bothTags.token));
  await settled(db, community.id, { type: 'mentoring.question-answered', count: 2 });
  expect(await notices(studentA, 'question-answered')).toEqual([
    { kind: 'question-answered', title: 'New answer to your question: Law or careers in law?', link: `/questions/${community.id}#answer-${first.id}` },
    { kind: 'question-answered', title: 'New answer to your question: Law or careers in law?', link: `/questions/${community.id}#answer-${second.id}` },
  ]);
  expect(await counts([bothTags, staffA, studentA2], 'question-answered')).toEqual([0, 0, 0]);

  ok(await api.gql(ACCEPT_ANSWER, { id: first.id }, studentA.token));
  ok(await api.gql(ACCEPT_ANSWER, { id: first.id }, studentA.token)); // again: nothing changes, nobody is told twice
  await settled(db, community.id, { type: 'mentoring.answer-accepted', count: 1 });
  expect(await notices(bothTags, 'answer-accepted')).toEqual([
    { kind: 'answer-accepted', title: 'Your answer was accepted: Law or careers in law?', link: `/questions/${community.id}#answer-${first.id}` },
  ]);
  expect(await counts([staffA, studentA, mentor], 'answer-accepted')).toEqual([0, 0, 0]);

  // The private question's answer reaches its asker only.
  ok(await api.gql(ANSWER_QUESTION, { q: secret.id, b: 'Let us talk.' }, mentor.token));
  await settled(db, secret.id, { type: 'mentoring.question-answered', count: 1 });
  expect((await notices(studentA, 'question-answered')).filter((n) => n.link.startsWith(`/questions/${secret.id}`))).toHaveLength(1);
  const [row] = await db.query(`SELECT count(*)::int AS n FROM notification WHERE link LIKE $1`, [`/questions/${secret.id}%`]);
  expect(row.n).toBe(2); // the mentor's and the asker's
}, 120_000);
