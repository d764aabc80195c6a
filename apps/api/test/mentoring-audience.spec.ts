import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import {
  ANSWER_QUESTION,
  ASK_QUESTION,
  errorCode,
  Factory,
  FOLLOW_QUESTION_TAG,
  ok,
  QUESTION_PAGE,
  QUESTIONS,
  REQUEST_MENTORSHIP,
  startApi,
  type TestApi,
  type TestUser,
} from '@careers/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';

// An institution's mentoring audience: within the institution (the default), or the whole network of every
// institution that chose to share. Three institutions: A and B share in turn, C never does.
const SETTINGS = `query($id: ID) { mentoringSettings(institutionId: $id) { institutionId audience updatedAt } }`;
const SET = `mutation($i: SetMentoringAudienceInput!) { setMentoringAudience(input: $i) { institutionId audience updatedAt } }`;
const BECOME = `mutation($i: BecomeMentorInput!) { becomeMentor(input: $i) { id } }`;
const DIRECTORY = `query { mentors(first: 50) { edges { node { displayName } } } }`;
const GET = `query($id: ID!) { mentor(id: $id) { displayName } }`;
const SUGGEST = `query { mentorSuggestions { reasons mentor { displayName } } }`;
const SET_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { course } }`;

let api: TestApi;
let factory: Factory;
let db: DataSource;
let a: Institution, b: Institution, c: Institution;
let staffA: TestUser, staffB: TestUser, studentA: TestUser, studentB: TestUser, studentC: TestUser, admin: TestUser;
let mentorA: TestUser, mentorB: TestUser, mentorC: TestUser;

async function mentor(institution: Institution, displayName: string): Promise<TestUser> {
  const person = await factory.user(Role.ALUMNUS, { institution, displayName });
  ok(await api.gql(SET_PROFILE, { input: { course: 'History', graduationYear: 2012 } }, person.token));
  ok(await api.gql(BECOME, { i: { offers: ['QUESTION', 'MENTORSHIP'], capacity: 3, sectors: ['Maritime law'] } }, person.token));
  return person;
}
const directory = async (who: TestUser) =>
  ok(await api.gql(DIRECTORY, {}, who.token)).mentors.edges.map((e: { node: { displayName: string } }) => e.node.displayName).sort();
const suggested = async (who: TestUser) => ok(await api.gql(SUGGEST, {}, who.token)).mentorSuggestions as { reasons: string[]; mentor: { displayName: string } }[];
const feed = async (who: TestUser) =>
  ok(await api.gql(QUESTIONS, { first: 50 }, who.token)).questions.edges.map((e: { node: { title: string } }) => e.node.title);
const share = async (staff: TestUser, audience: 'OWN_INSTITUTION' | 'WHOLE_NETWORK') => ok(await api.gql(SET, { i: { audience } }, staff.token)).setMentoringAudience;

beforeAll(async () => {
  api = await startApi(createApiApp);
  factory = new Factory(api);
  db = api.app.get(DataSource);
  [a, b, c] = await Promise.all([factory.institution(), factory.institution(), factory.institution()]);
  [staffA, staffB, studentA, studentB, studentC, admin] = await Promise.all([
    factory.user(Role.STAFF, { institution: a }),
    factory.user(Role.STAFF, { institution: b }),
    factory.user(Role.STUDENT, { institution: a }),
    factory.user(Role.STUDENT, { institution: b }),
    factory.user(Role.STUDENT, { institution: c }),
    factory.user(Role.ADMIN),
  ]);
  [mentorA, mentorB, mentorC] = await Promise.all([mentor(a, 'Ada of A'), mentor(b, 'Bea of B'), mentor(c, 'Cai of C')]);
  for (const s of [studentA, studentB, studentC]) ok(await api.gql(SET_PROFILE, { input: { sectors: ['Maritime law'], course: 'History' } }, s.token));
});
afterAll(() => api.close());

it('every institution starts within itself; its careers staff choose, and nobody else', async () => {
  expect(ok(await api.gql(SETTINGS, {}, studentA.token)).mentoringSettings).toEqual({ institutionId: a.id, audience: 'OWN_INSTITUTION', updatedAt: null });
  expect(errorCode(await api.gql(SET, { i: { audience: 'WHOLE_NETWORK' } }, studentA.token))).toBe('FORBIDDEN');
  expect(errorCode(await api.gql(SET, { i: { audience: 'WHOLE_NETWORK' } }, mentorA.token))).toBe('FORBIDDEN');
  expect(errorCode(await api.gql(SET, { i: { audience: 'WHOLE_NETWORK', institutionId: a.id } }, staffB.token))).toBe('FORBIDDEN');
  expect(errorCode(await api.gql(SETTINGS, { id: a.id }, staffB.token))).toBe('FORBIDDEN');
  expect(errorCode(await api.gql(SET, { i: { audience: 'WHOLE_NETWORK' } }, admin.token))).toBe('BAD_USER_INPUT');
  expect(errorCode(await api.gql(SET, { i: { audience: 'EVERYWHERE' } }, staffA.token))).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  expect((await db.query(`SELECT count(*)::int AS n FROM mentoring_institution_setting WHERE institution_id = ANY($1)`, [[a.id, b.id]]))[0].n).toBe(0);

  const set = await share(staffA, 'WHOLE_NETWORK');
  expect(set).toMatchObject({ institutionId: a.id, audience: 'WHOLE_NETWORK' });
  expect(set.updatedAt).not.toBeNull();
  expect(ok(await api.gql(SETTINGS, {}, studentA.token)).mentoringSettings.audience).toBe('WHOLE_NETWORK');
  expect(ok(await api.gql(SETTINGS, { id: b.id }, admin.token)).mentoringSettings.audience).toBe('OWN_INSTITUTION');
  await share(staffA, 'OWN_INSTITUTION');
});

it('mentors reach across the institutions that both share, and only those', async () => {
  // Within each institution.
  expect(await directory(studentA)).toEqual(['Ada of A']);
  expect(errorCode(await api.gql(GET, { id: mentorB.user.id }, studentA.token))).toBe('NOT_FOUND');
  expect((await suggested(studentA)).map((s) => s.mentor.displayName)).toEqual(['Ada of A']);

  // A shares, B does not: nothing changes for either.
  await share(staffA, 'WHOLE_NETWORK');
  expect(await directory(studentA)).toEqual(['Ada of A']);
  expect(await directory(studentB)).toEqual(['Bea of B']);

  // Both share: each finds, is suggested and may ask the other's mentor; C, within itself, neither.
  await share(staffB, 'WHOLE_NETWORK');
  expect(await directory(studentA)).toEqual(['Ada of A', 'Bea of B']);
  expect(await directory(studentB)).toEqual(['Ada of A', 'Bea of B']);
  expect(ok(await api.gql(GET, { id: mentorB.user.id }, studentA.token)).mentor.displayName).toBe('Bea of B');
  const forA = await suggested(studentA);
  expect(forA.map((s) => s.mentor.displayName).sort()).toEqual(['Ada of A', 'Bea of B']);
  // "Your university" is said of a mentor who studied there only.
  expect(forA.find((s) => s.mentor.displayName === 'Ada of A')!.reasons).toContain('studied History at your university');
  expect(forA.find((s) => s.mentor.displayName === 'Bea of B')!.reasons.join('; ')).not.toMatch(/your university/);
  ok(await api.gql(REQUEST_MENTORSHIP, { i: { mentorId: mentorB.user.id, message: 'Could we talk about shipping law?', asksFor: 'MENTORSHIP' } }, studentA.token));
  expect(await directory(studentC)).toEqual(['Cai of C']);
  expect(errorCode(await api.gql(GET, { id: mentorA.user.id }, studentC.token))).toBe('NOT_FOUND');
  expect(errorCode(await api.gql(GET, { id: mentorC.user.id }, studentA.token))).toBe('NOT_FOUND');
  // B's staff see A's mentors in the directory, but manage only their own.
  expect(await directory(staffB)).toEqual(['Ada of A', 'Bea of B']);

  await share(staffA, 'OWN_INSTITUTION');
  expect(await directory(studentA)).toEqual(['Ada of A']);
  expect(await directory(studentB)).toEqual(['Bea of B']);
  await share(staffB, 'OWN_INSTITUTION');
});

it("community questions reach the alumni of every sharing institution; private ones stay with their people", async () => {
  await Promise.all([share(staffA, 'WHOLE_NETWORK'), share(staffB, 'WHOLE_NETWORK')]);
  ok(await api.gql(FOLLOW_QUESTION_TAG, { t: 'shipping' }, mentorA.token));
  const asked = ok(await api.gql(ASK_QUESTION, { i: { title: 'How do I get into shipping law?', body: 'I am in my second year.', tags: ['shipping'], visibility: 'COMMUNITY' } }, studentB.token)).askQuestion;
  const secret = ok(await api.gql(ASK_QUESTION, { i: { title: 'A private worry about pupillage', body: 'Between us.', tags: ['shipping'], visibility: 'PRIVATE', mentorId: mentorB.user.id } }, studentB.token)).askQuestion;

  // A's alumnus, who follows the tag, is told of B's community question, and sees and answers it.
  const [event] = await db.query(`SELECT payload FROM outbox_event WHERE type = 'mentoring.question-asked' AND aggregate_id = $1`, [asked.id]);
  expect(event.payload.followerIds).toEqual([mentorA.user.id]);
  expect(await feed(mentorA)).toContain('How do I get into shipping law?');
  expect(ok(await api.gql(QUESTION_PAGE, { id: asked.id }, mentorA.token)).question.canAnswer).toBe(true);
  ok(await api.gql(ANSWER_QUESTION, { q: asked.id, b: 'Start with a vacation scheme at a shipping firm.' }, mentorA.token));
  // The private one: nobody of A (alumni, staff), nor C; B's staff and its mentor do.
  for (const who of [mentorA, staffA, studentA, studentC, mentorC]) {
    expect(await feed(who)).not.toContain('A private worry about pupillage');
    expect(errorCode(await api.gql(QUESTION_PAGE, { id: secret.id }, who.token))).toBe('NOT_FOUND');
  }
  expect(ok(await api.gql(QUESTION_PAGE, { id: secret.id }, staffB.token)).question.title).toBe('A private worry about pupillage');
  expect(ok(await api.gql(QUESTION_PAGE, { id: secret.id }, mentorB.token)).question.title).toBe('A private worry about pupillage');
  // C, within itself, sees neither.
  expect(await feed(studentC)).not.toContain('How do I get into shipping law?');
  expect(errorCode(await api.gql(QUESTION_PAGE, { id: asked.id }, mentorC.token))).toBe('NOT_FOUND');

  // B goes back within itself: A's alumnus no longer reaches B's questions.
  await share(staffB, 'OWN_INSTITUTION');
  expect(await feed(mentorA)).not.toContain('How do I get into shipping law?');
  expect(errorCode(await api.gql(QUESTION_PAGE, { id: asked.id }, mentorA.token))).toBe('NOT_FOUND');
  expect(await feed(studentB)).toContain('How do I get into shipping law?');
});
