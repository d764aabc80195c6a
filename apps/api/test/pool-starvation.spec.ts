import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import { Factory, ok, startApi, type TestApi, type TestUser } from '@careers/testing';
import { createApiApp } from '../src/app.js';

// A transaction that reads through the people directory (identity, on a pool connection of its own) holds
// one connection while it waits for a second. When concurrent requests have taken every connection, each
// waits for the others forever and the api hangs. With a pool of 2, six requests at once of each kind
// that writes with a transaction and reads the directory must all finish.
const SCHEDULE = `mutation($i: ScheduleLiveChatInput!) { scheduleLiveChat(input: $i) { id status } }`;
const POST = `mutation($i: PostVacancyInput!) { postVacancy(input: $i) { id status } }`;
const SUBMIT = `mutation($id: ID!) { submitVacancy(id: $id) { id status } }`;
const UPDATE = `mutation($i: UpdateVacancyInput!) { updateVacancy(input: $i) { id status } }`;
const AT_ONCE = 6;

let api: TestApi;
let employers: TestUser[];
let institutionId: string;
beforeAll(async () => {
  api = await startApi(createApiApp, { DATABASE_POOL_SIZE: '2' });
  const factory = new Factory(api);
  const institution = await factory.institution();
  institutionId = institution.id;
  const org = await factory.organisation({ approvedBy: institution });
  await factory.user(Role.STAFF, { institution });
  employers = await Promise.all(Array.from({ length: AT_ONCE }, () => factory.user(Role.EMPLOYER, { organisation: org })));
});
afterAll(() => api.close());

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const vacancy = (submit: boolean) => ({
  title: 'Graduate analyst',
  description: 'Join our analytics team and work with data.',
  sector: 'Data',
  location: 'Leeds',
  remote: 'HYBRID',
  type: 'GRADUATE_JOB',
  closesAt: inHours(24 * 30),
  applyUrl: 'https://jobs.example.com/a',
  targetInstitutionIds: [institutionId],
  submit,
});
const atOnce = <T>(work: (employer: TestUser, i: number) => Promise<T>) => Promise.all(employers.map(work));

it('schedules live chats', async () => {
  const input = { title: 'Law', description: 'Ask', startsAt: inHours(48), endsAt: inHours(49), capacity: 10, institutionIds: [institutionId] };
  const done = await atOnce((e) => api.gql(SCHEDULE, { i: input }, e.token));
  expect(done.map((r) => ok(r).scheduleLiveChat.status)).toEqual(Array(AT_ONCE).fill('PENDING'));
}, 20_000);

it('posts, submits and edits vacancies', async () => {
  const posted = await atOnce((e) => api.gql(POST, { i: vacancy(true) }, e.token));
  expect(posted.map((r) => ok(r).postVacancy.status)).toEqual(Array(AT_ONCE).fill('PENDING_APPROVAL'));

  const drafts = await Promise.all(employers.map(async (e) => ok(await api.gql(POST, { i: vacancy(false) }, e.token)).postVacancy.id as string));
  const submitted = await atOnce((e, i) => api.gql(SUBMIT, { id: drafts[i] }, e.token));
  expect(submitted.map((r) => ok(r).submitVacancy.status)).toEqual(Array(AT_ONCE).fill('PENDING_APPROVAL'));

  const edited = await atOnce((e, i) => api.gql(UPDATE, { i: { id: drafts[i], title: 'Graduate analyst (edited)', targetInstitutionIds: [institutionId] } }, e.token));
  expect(edited.map((r) => ok(r).updateVacancy.status)).toEqual(Array(AT_ONCE).fill('PENDING_APPROVAL'));
}, 20_000);
