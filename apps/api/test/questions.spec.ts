import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import {
  ACCEPT_ANSWER,
  ANSWER_QUESTION,
  ASK_QUESTION,
  countStatements,
  EDIT_ANSWER,
  EDIT_QUESTION,
  errorCode,
  Factory,
  FOLLOW_QUESTION_TAG,
  MY_FOLLOWED_QUESTION_TAGS,
  ok,
  QUESTION_PAGE,
  QUESTION_TAGS,
  QUESTIONS,
  startApi,
  type TestApi,
  type TestUser,
  twoTenants,
  UNFOLLOW_QUESTION_TAG,
  UNVOTE_ANSWER,
  VOTE_ANSWER,
} from '@careers/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';

const BECOME = `mutation($i: BecomeMentorInput!) { becomeMentor(input: $i) { id } }`;
const PAUSE = `mutation { updateMentorProfile(input: { acceptingRequests: false }) { id } }`;

type Feed = { questions: { edges: { node: { id: string; title: string; answerCount: number; hasAcceptedAnswer: boolean; author: { displayName: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
const titles = (r: Feed) => r.questions.edges.map((e) => e.node.title);

describe('mentoring: questions and answers', () => {
  let api: TestApi;
  let factory: Factory;
  let db: DataSource;
  let a: Institution;
  let b: Institution;
  let staffA: TestUser;
  let staffB: TestUser;
  let studentA: TestUser;
  let studentB: TestUser;
  let employer: TestUser;
  let admin: TestUser;
  let alumnusA: TestUser;
  let alumnusB: TestUser;

  const ask = async (who: TestUser, i: Record<string, unknown>) =>
    ok(await api.gql(ASK_QUESTION, { i: { body: 'What should I know?', visibility: 'COMMUNITY', ...i } }, who.token)).askQuestion as { id: string; title: string; tags: string[] };
  const answer = async (who: TestUser, questionId: string, body = 'Here is what I know.') =>
    ok(await api.gql(ANSWER_QUESTION, { q: questionId, b: body }, who.token)).answerQuestion as { id: string };
  const feed = async (who: TestUser, f: Record<string, unknown> = {}, first?: number) => ok(await api.gql(QUESTIONS, { f, first }, who.token)) as Feed;
  const count = async (table: string) => ((await db.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0]!.n;

  async function mentor(institution: Institution, displayName: string): Promise<TestUser> {
    const person = await factory.user(Role.ALUMNUS, { institution, displayName });
    ok(await api.gql(BECOME, { i: { offers: ['QUESTION'], capacity: 3 } }, person.token));
    return person;
  }

  beforeAll(async () => {
    api = await startApi(createApiApp);
    factory = new Factory(api);
    db = api.app.get(DataSource);
    ({ a, b, staffA, staffB, studentA, studentB, employer, admin } = await twoTenants(factory));
    alumnusA = await factory.user(Role.ALUMNUS, { institution: a, displayName: 'Alys Alumna' });
    alumnusB = await factory.user(Role.ALUMNUS, { institution: b, displayName: 'Bryn Alumnus' });
  });
  afterAll(() => api.close());

  it('lets a student ask, alumni and staff answer, people vote, and the asker accept one answer', async () => {
    const q = await ask(studentA, { title: 'How do I get a training contract?', body: 'I read history. Where do I start?', tags: [' Law ', 'LAW', 'Trainée contracts'] });
    expect(q.tags).toEqual(['law', 'trainee contracts']);

    const first = await answer(alumnusA, q.id, 'Apply in your second year.');
    const second = await answer(staffA, q.id, 'Come to the law fair.');
    const voter = await factory.user(Role.STUDENT, { institution: a });
    expect(ok(await api.gql(VOTE_ANSWER, { id: second.id, up: true }, voter.token)).voteAnswer).toMatchObject({ score: 1, myVote: true });
    // One vote per person per answer: a second is a conflict, even the other way; taking it back allows another.
    expect(errorCode(await api.gql(VOTE_ANSWER, { id: second.id, up: true }, voter.token))).toBe('CONFLICT');
    expect(errorCode(await api.gql(VOTE_ANSWER, { id: second.id, up: false }, voter.token))).toBe('CONFLICT');
    expect(ok(await api.gql(UNVOTE_ANSWER, { id: second.id }, voter.token)).unvoteAnswer).toMatchObject({ score: 0, myVote: null });
    expect(ok(await api.gql(VOTE_ANSWER, { id: second.id, up: true }, voter.token)).voteAnswer).toMatchObject({ score: 1 });
    ok(await api.gql(VOTE_ANSWER, { id: first.id, up: false }, studentA.token));
    // Not on your own answer.
    expect(errorCode(await api.gql(VOTE_ANSWER, { id: first.id, up: true }, alumnusA.token))).toBe('FORBIDDEN');

    // By score, then oldest first, until one is accepted: that one leads.
    let page = ok(await api.gql(QUESTION_PAGE, { id: q.id }, studentA.token)).question;
    expect(page.answers.map((x: { id: string }) => x.id)).toEqual([second.id, first.id]);
    expect(page).toMatchObject({ answerCount: 2, hasAcceptedAnswer: false, mine: true, canAnswer: false });
    expect(ok(await api.gql(ACCEPT_ANSWER, { id: first.id }, studentA.token)).acceptAnswer).toEqual({ id: first.id, accepted: true });
    page = ok(await api.gql(QUESTION_PAGE, { id: q.id }, alumnusA.token)).question;
    expect(page.answers.map((x: { id: string; accepted: boolean }) => [x.id, x.accepted])).toEqual([[first.id, true], [second.id, false]]);
    expect(page).toMatchObject({ hasAcceptedAnswer: true, mine: false, canAnswer: true });
    expect(page.answers[0].author.displayName).toBe('Alys Alumna');
    // Accepting another moves the mark: one per question.
    ok(await api.gql(ACCEPT_ANSWER, { id: second.id }, studentA.token));
    page = ok(await api.gql(QUESTION_PAGE, { id: q.id }, studentA.token)).question;
    expect(page.answers.map((x: { id: string; accepted: boolean }) => [x.id, x.accepted])).toEqual([[second.id, true], [first.id, false]]);
    expect(((await db.query(`SELECT accepted_answer_id FROM question WHERE id = $1`, [q.id])) as { accepted_answer_id: string }[])[0]!.accepted_answer_id).toBe(second.id);

    // Someone else accepting: FORBIDDEN for people who see it; the answerer is not a student at all.
    expect(errorCode(await api.gql(ACCEPT_ANSWER, { id: first.id }, voter.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(ACCEPT_ANSWER, { id: first.id }, alumnusA.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(ACCEPT_ANSWER, { id: first.id }, studentB.token))).toBe('NOT_FOUND');
  });

  it('counts a view once per person', async () => {
    const q = await ask(studentA, { title: 'Views are counted once' });
    for (const who of [studentA, studentA, alumnusA, alumnusA, staffA]) await api.gql(QUESTION_PAGE, { id: q.id }, who.token);
    expect(ok(await api.gql(QUESTION_PAGE, { id: q.id }, studentA.token)).question.viewCount).toBe(3);
  });

  it('lets students ask and vote but not answer; answers stay with the audience', async () => {
    const q = await ask(studentA, { title: 'Who answers community questions?' });
    const other = await factory.user(Role.STUDENT, { institution: a });
    expect(errorCode(await api.gql(ANSWER_QUESTION, { q: q.id, b: 'Me!' }, other.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(ANSWER_QUESTION, { q: q.id, b: 'Me!' }, studentA.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(ANSWER_QUESTION, { q: q.id, b: 'Me!' }, employer.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(ANSWER_QUESTION, { q: q.id, b: 'Me!' }, admin.token))).toBe('FORBIDDEN');
    // Institution B cannot know it exists: not by id, not to answer, not in lists, searches or tags.
    for (const who of [alumnusB, staffB]) expect(errorCode(await api.gql(ANSWER_QUESTION, { q: q.id, b: 'Me!' }, who.token))).toBe('NOT_FOUND');
    for (const who of [studentB, alumnusB, staffB]) {
      expect(errorCode(await api.gql(QUESTION_PAGE, { id: q.id }, who.token))).toBe('NOT_FOUND');
      expect(titles(await feed(who, { search: 'community questions' }))).toEqual([]);
    }
    expect(errorCode(await api.gql(QUESTION_PAGE, { id: q.id }, employer.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(QUESTIONS, {}, employer.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(ASK_QUESTION, { i: { title: 'Can alumni ask?', body: 'x', visibility: 'COMMUNITY' } }, alumnusA.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(QUESTIONS, {}))).toBe('UNAUTHENTICATED');
    expect(titles(await feed(admin, { search: 'community questions' }))).toEqual(['Who answers community questions?']);
  });

  it('keeps a private question to the asker, the chosen mentor, staff of the asker and admins', async () => {
    const chosen = await mentor(a, 'Morgan Mentor');
    const otherMentor = await mentor(a, 'Other Mentor');
    const q = await ask(studentA, { title: 'A private worry about zebrafish', body: 'Something only my mentor should read.', visibility: 'PRIVATE', mentorId: chosen.user.id, tags: ['zebrafish-tag'] });
    const third = await factory.user(Role.STUDENT, { institution: a });

    for (const who of [studentA, chosen, staffA, admin]) {
      expect([who.user.role, ok(await api.gql(QUESTION_PAGE, { id: q.id }, who.token)).question.title]).toEqual([who.user.role, q.title]);
      expect(titles(await feed(who, { search: 'zebrafish' }))).toEqual([q.title]);
      expect(titles(await feed(who, { tag: 'zebrafish-tag' }))).toEqual([q.title]);
      expect(ok(await api.gql(QUESTION_TAGS, { s: 'zebra' }, who.token)).questionTags).toEqual([{ tag: 'zebrafish-tag', count: 1 }]);
    }
    for (const who of [third, otherMentor, alumnusA, staffB, studentB, alumnusB]) {
      expect(errorCode(await api.gql(QUESTION_PAGE, { id: q.id }, who.token))).toBe('NOT_FOUND');
      expect(titles(await feed(who, { search: 'zebrafish' }))).toEqual([]);
      expect(titles(await feed(who, { tag: 'zebrafish-tag' }))).toEqual([]);
      expect(titles(await feed(who, {}, 100))).not.toContain(q.title);
      expect(ok(await api.gql(QUESTION_TAGS, { s: 'zebra' }, who.token)).questionTags).toEqual([]);
    }
    // Only the chosen mentor answers it; others do not know it exists.
    expect(errorCode(await api.gql(ANSWER_QUESTION, { q: q.id, b: 'Hmm' }, otherMentor.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(ANSWER_QUESTION, { q: q.id, b: 'Hmm' }, staffA.token))).toBe('FORBIDDEN');
    const reply = await answer(chosen, q.id, 'Let us talk.');
    expect(errorCode(await api.gql(VOTE_ANSWER, { id: reply.id, up: true }, third.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(ACCEPT_ANSWER, { id: reply.id }, third.token))).toBe('NOT_FOUND');
    ok(await api.gql(ACCEPT_ANSWER, { id: reply.id }, studentA.token));

    // The mentor must be of the asker's network and take requests.
    const paused = await mentor(a, 'Paused Mentor');
    ok(await api.gql(PAUSE, {}, paused.token));
    const elsewhere = await mentor(b, 'Elsewhere Mentor');
    for (const mentorId of [paused.user.id, elsewhere.user.id, alumnusA.user.id, '00000000-0000-4000-8000-000000000000', undefined]) {
      const r = await api.gql(ASK_QUESTION, { i: { title: 'Private to whom?', body: 'x', visibility: 'PRIVATE', mentorId } }, studentA.token);
      expect([mentorId, errorCode(r)]).toEqual([mentorId, 'BAD_USER_INPUT']);
    }
  });

  it('keeps every earlier version of an edited question and answer, edited by their authors only', async () => {
    const q = await ask(studentA, { title: 'First title here', body: 'First body', tags: ['one'] });
    ok(await api.gql(EDIT_QUESTION, { i: { id: q.id, title: 'Second title here' } }, studentA.token));
    const edited = ok(await api.gql(EDIT_QUESTION, { i: { id: q.id, body: 'Third body', tags: ['two'] } }, studentA.token)).editQuestion;
    expect(edited).toMatchObject({ title: 'Second title here', body: 'Third body', tags: ['two'] });
    expect(edited.editedAt).not.toBeNull();
    expect(edited.revisions.map((r: { title: string; body: string; tags: string[] }) => [r.title, r.body, r.tags])).toEqual([
      ['First title here', 'First body', ['one']],
      ['Second title here', 'First body', ['one']],
    ]);
    const other = await factory.user(Role.STUDENT, { institution: a });
    expect(errorCode(await api.gql(EDIT_QUESTION, { i: { id: q.id, title: 'Hijacked title' } }, other.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(EDIT_QUESTION, { i: { id: q.id, title: 'Hijacked title' } }, studentB.token))).toBe('NOT_FOUND');

    const reply = await answer(alumnusA, q.id, 'Version one');
    const after = ok(await api.gql(EDIT_ANSWER, { id: reply.id, b: 'Version two' }, alumnusA.token)).editAnswer;
    expect(after.body).toBe('Version two');
    expect(after.revisions.map((r: { body: string }) => r.body)).toEqual(['Version one']);
    expect(errorCode(await api.gql(EDIT_ANSWER, { id: reply.id, b: 'Mine now' }, staffA.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(EDIT_ANSWER, { id: reply.id, b: 'Mine now' }, alumnusB.token))).toBe('NOT_FOUND');
  });

  it('finds questions by partial words, and shows unanswered, mine and tag views', async () => {
    const mine = await ask(studentA, { title: 'Pharmacology placements near Leeds', tags: ['pharmacy'] });
    const theirs = await ask(studentA, { title: 'Is a pharmaceutical career for me?', body: 'I like chemistry and people.', tags: ['pharmacy', 'chemistry'] });
    const someoneElse = await factory.user(Role.STUDENT, { institution: a });
    const other = await ask(someoneElse, { title: 'Chemistry jobs outside labs', tags: ['chemistry'] });
    await answer(alumnusA, other.id);

    expect(titles(await feed(studentA, { search: 'pharmac' })).sort()).toEqual([mine.title, theirs.title].sort());
    expect(titles(await feed(studentA, { search: 'placement' }))).toEqual([mine.title]);
    expect(titles(await feed(studentA, { search: 'chemistry' }))[0]).toBe(other.title); // in the title ranks above the body
    expect(titles(await feed(studentA, { tag: 'Chemistry' }))).toEqual([other.title, theirs.title]);
    expect(titles(await feed(someoneElse, { mine: true }))).toEqual([other.title]);
    const unanswered = titles(await feed(studentA, { unanswered: true, tag: 'chemistry' }));
    expect(unanswered).toEqual([theirs.title]);
    const row = (await feed(studentA, { tag: 'chemistry' })).questions.edges[0]!.node;
    expect(row).toMatchObject({ title: other.title, answerCount: 1, hasAcceptedAnswer: false });
    expect(row.author.displayName).toBe(someoneElse.user.displayName);
    expect(ok(await api.gql(QUESTION_TAGS, { s: 'ph' }, studentA.token)).questionTags).toEqual([{ tag: 'pharmacy', count: 2 }]);

    // Pages follow each other without repeats, searched or not.
    for (const f of [{ tag: 'pharmacy' }, { search: 'pharmac' }]) {
      const one = (await feed(studentA, f, 1)).questions;
      expect(one.pageInfo.hasNextPage).toBe(true);
      const two = ok(await api.gql(QUESTIONS, { f, first: 1, after: one.pageInfo.endCursor }, studentA.token)).questions;
      expect([...one.edges, ...two.edges].map((e: { node: { title: string } }) => e.node.title).sort()).toEqual([mine.title, theirs.title].sort());
    }
  });

  it('reads a page of the feed in the same number of statements whatever its size', async () => {
    const asker = await factory.user(Role.STUDENT, { institution: a });
    for (let i = 0; i < 12; i++) {
      const q = await ask(asker, { title: `Statement count question ${i}`, tags: ['statements', `t${i}`] });
      if (i % 2) await answer(i % 4 === 1 ? alumnusA : staffA, q.id);
    }
    const cost = async (first: number) => {
      const { result, statements } = await countStatements(db, () => api.gql(QUESTIONS, { f: { tag: 'statements' }, first }, studentA.token));
      expect(ok(result).questions.edges).toHaveLength(first);
      return statements.length;
    };
    expect(await cost(2)).toBe(await cost(12));
  });

  it('lets alumni and staff follow tags', async () => {
    expect(ok(await api.gql(FOLLOW_QUESTION_TAG, { t: ' Law ' }, alumnusA.token)).followQuestionTag).toEqual(['law']);
    expect(ok(await api.gql(FOLLOW_QUESTION_TAG, { t: 'LAW' }, alumnusA.token)).followQuestionTag).toEqual(['law']);
    ok(await api.gql(FOLLOW_QUESTION_TAG, { t: 'Économie' }, alumnusA.token));
    expect(ok(await api.gql(MY_FOLLOWED_QUESTION_TAGS, {}, alumnusA.token)).myFollowedQuestionTags).toEqual(['economie', 'law']);
    expect(ok(await api.gql(UNFOLLOW_QUESTION_TAG, { t: 'law' }, alumnusA.token)).unfollowQuestionTag).toEqual(['economie']);
    expect(ok(await api.gql(FOLLOW_QUESTION_TAG, { t: 'careers' }, staffA.token)).followQuestionTag).toEqual(['careers']);
    expect(errorCode(await api.gql(FOLLOW_QUESTION_TAG, { t: 'law' }, studentA.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(FOLLOW_QUESTION_TAG, { t: 'x'.repeat(41) }, alumnusA.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(FOLLOW_QUESTION_TAG, { t: '   ' }, alumnusA.token))).toBe('BAD_USER_INPUT');
  });

  it('refuses bad input with BAD_USER_INPUT and writes nothing', async () => {
    const before = { questions: await count('question'), answers: await count('answer') };
    const bad: Record<string, unknown>[] = [
      { title: '', body: '', visibility: 'COMMUNITY' },
      { title: 'A fine title', body: '   ', visibility: 'COMMUNITY' },
      { title: 'Tiny', body: 'x', visibility: 'COMMUNITY' },
      { title: 'T'.repeat(201), body: 'x', visibility: 'COMMUNITY' },
      { title: 'A fine title', body: 'x'.repeat(100_000), visibility: 'COMMUNITY' },
      { title: 'A fine title', body: 'x', visibility: 'COMMUNITY', tags: Array.from({ length: 500 }, (_, i) => `tag ${i}`) },
      { title: 'A fine title', body: 'x', visibility: 'COMMUNITY', tags: ['a', 'b', 'c', 'd', 'e', 'f'] },
      { title: 'A fine title', body: 'x', visibility: 'COMMUNITY', tags: ['t'.repeat(41)] },
      { title: 'A fine title', body: 'x', visibility: 'EVERYONE' },
      { title: 'A fine title', body: 'x', visibility: 'PRIVATE', mentorId: 'nope' },
      { title: 'A fine title', body: 'x', visibility: 'COMMUNITY', mentorId: alumnusA.user.id },
    ];
    for (const i of bad) {
      const r = await api.gql(ASK_QUESTION, { i }, studentA.token);
      expect([JSON.stringify(i).slice(0, 80), errorCode(r)]).toEqual([JSON.stringify(i).slice(0, 80), 'BAD_USER_INPUT']);
    }
    const q = await ask(studentA, { title: 'Input limits question' });
    for (const b of ['', '   ', 'y'.repeat(10_001)]) expect(errorCode(await api.gql(ANSWER_QUESTION, { q: q.id, b }, alumnusA.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(ANSWER_QUESTION, { q: 'nope', b: 'fine' }, alumnusA.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(ANSWER_QUESTION, { q: '00000000-0000-4000-8000-000000000000', b: 'fine' }, alumnusA.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(EDIT_QUESTION, { i: { id: q.id, body: 'z'.repeat(100_000) } }, studentA.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(QUESTIONS, { after: 'garbage' }, studentA.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(QUESTIONS, { f: { search: 's'.repeat(201) } }, studentA.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(QUESTIONS, { first: 101 }, studentA.token))).toBe('BAD_USER_INPUT');
    expect({ questions: await count('question'), answers: await count('answer') }).toEqual({ questions: before.questions + 1, answers: before.answers });
    expect(ok(await api.gql(QUESTION_PAGE, { id: q.id }, studentA.token)).question.revisions).toEqual([]);
  });
});
