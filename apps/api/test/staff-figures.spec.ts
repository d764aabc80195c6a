import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Role, type Principal } from '@careers/contracts';
import { RoomsService } from '@careers/live-chats';
import { countStatements, errorCode, Factory, ok, POST_VACANCY, startApi, type TestApi, type TestUser, twoTenants, type TwoTenants } from '@careers/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';

// The staff figures page in one request: the institution's approved vacancies with their alert reach, and its
// approved live chats with their turnout (registered, waitlisted, cancelled, attended).
const FIGURES = `query($inst: ID) {
  vacancyApprovals(first: 20, decision: APPROVED, institutionId: $inst) { edges { node { id title alertFigures { matched inApp email feed webhook } } } }
  liveChatsAwaitingApproval(first: 20, status: APPROVED, institutionId: $inst) { edges { node { eventId event { id title turnout { registered waitlisted cancelled attended } } } } }
}`;
const TURNOUT = `query($id: ID!) { liveChat(id: $id) { id turnout { registered waitlisted cancelled attended } } }`;

const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();
const principal = (u: TestUser): Principal => ({
  id: u.user.id,
  role: u.user.role,
  institutionId: u.user.institutionId,
  organisationId: u.user.organisationId,
  trustLevel: 'TRUSTED' as never,
  sessionId: 'test',
});

let api: TestApi;
let factory: Factory;
let t: TwoTenants;
let eventId: string;
let vacancyId: string;
let students: TestUser[];

beforeAll(async () => {
  api = await startApi(createApiApp);
  factory = new Factory(api);
  t = await twoTenants(factory);
  students = await Promise.all([1, 2, 3, 4].map(() => factory.user(Role.STUDENT, { institution: t.a })));
  const [came, stayedAway, waiting, gaveUp] = students as [TestUser, TestUser, TestUser, TestUser];
  const event = await factory.liveChatEvent({
    organisation: t.org,
    host: t.employer,
    audience: [t.a],
    registered: [came, stayedAway, gaveUp],
    waitlisted: [waiting],
    startsIn: -5,
    minutes: 60,
    capacity: 3,
  });
  eventId = event.id;
  await api.gql(`mutation($id: ID!) { cancelLiveChatRegistration(eventId: $id) { status } }`, { id: eventId }, gaveUp.token);
  // gaveUp's place went to the waiting student. Entering the room is attending: twice counts once, the host and staff are not counted.
  const rooms = api.app.get(RoomsService);
  await rooms.join(eventId, principal(came));
  await rooms.join(eventId, principal(came));
  await rooms.join(eventId, principal(t.employer));
  await rooms.join(eventId, principal(t.staffA));
  vacancyId = ok(
    await api.gql(
      POST_VACANCY,
      {
        i: {
          title: 'Graduate data analyst',
          description: 'Join our analytics team.',
          sector: 'Data',
          location: 'Leeds',
          remote: 'HYBRID',
          type: 'GRADUATE_JOB',
          closesAt: inDays(30),
          applyUrl: 'https://jobs.example.com/analyst',
          employerName: 'Acme Analytics',
          targetInstitutionIds: [t.a.id],
          submit: true,
        },
      },
      t.staffA.token,
    ),
  ).postVacancy.id;
});
afterAll(() => api.close());

it("gives staff their institution's vacancies with alert reach and live chats with turnout, in a bounded number of statements", async () => {
  const { result, statements } = await countStatements(api.app.get(DataSource), () => api.gql(FIGURES, {}, t.staffA.token));
  const data = ok(result);
  expect(data.vacancyApprovals.edges.map((e: { node: { id: string } }) => e.node)).toEqual([
    { id: vacancyId, title: 'Graduate data analyst', alertFigures: { matched: 0, inApp: 0, email: 0, feed: 0, webhook: 0 } },
  ]);
  expect(data.liveChatsAwaitingApproval.edges.map((e: { node: { event: unknown } }) => e.node.event)).toEqual([
    { id: eventId, title: 'Meet us', turnout: { registered: 3, waitlisted: 0, cancelled: 1, attended: 1 } },
  ]);
  expect(statements.length).toBeLessThanOrEqual(12);
});

it("shows staff of another institution none of them, and keeps turnout from students", async () => {
  const data = ok(await api.gql(FIGURES, {}, t.staffB.token));
  expect(data.vacancyApprovals.edges).toEqual([]);
  expect(data.liveChatsAwaitingApproval.edges).toEqual([]);
  // Naming the other institution (a public name) is refused; the chat itself they may not know of.
  expect(errorCode(await api.gql(FIGURES, { inst: t.a.id }, t.staffB.token))).toBe('FORBIDDEN');
  expect(errorCode(await api.gql(TURNOUT, { id: eventId }, t.staffB.token))).toBe('NOT_FOUND');
  // A registered student sees the chat, not its figures.
  expect(errorCode(await api.gql(TURNOUT, { id: eventId }, students[0]!.token))).toBe('FORBIDDEN');
});

it("gives the chat's employer and admins the same turnout", async () => {
  const turnout = { registered: 3, waitlisted: 0, cancelled: 1, attended: 1 };
  expect(ok(await api.gql(TURNOUT, { id: eventId }, t.employer.token)).liveChat.turnout).toEqual(turnout);
  const asAdmin = ok(await api.gql(FIGURES, { inst: t.a.id }, t.admin.token));
  expect(asAdmin.liveChatsAwaitingApproval.edges[0].node.event.turnout).toEqual(turnout);
  expect(asAdmin.vacancyApprovals.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([vacancyId]);
});
