import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import { errorCode, Factory, MENTORING_FIGURES, ok, startApi, type TestApi, type TestUser, twoTenants } from '@careers/testing';
import { createApiApp } from '../src/app.js';

const BECOME = `mutation($i: BecomeMentorInput!) { becomeMentor(input: $i) { id } }`;
const STOP = `mutation { stopMentoring { id } }`;

describe('mentoring: staff figures', () => {
  let api: TestApi;
  let factory: Factory;

  beforeAll(async () => {
    api = await startApi(createApiApp);
    factory = new Factory(api);
  });
  afterAll(() => api.close());

  async function mentor(institution: { id: string }, displayName: string, capacity: number): Promise<TestUser> {
    const person = await factory.user(Role.ALUMNUS, { institution: institution as never, displayName });
    ok(await api.gql(BECOME, { i: { offers: ['MENTORSHIP'], capacity } }, person.token));
    return person;
  }

  it('counts requests, acceptance, active mentorships and mentors near capacity on hand-made rows, per period', async () => {
    const { a, b, staffA, staffB, studentA, admin } = await twoTenants(factory);
    const full = await mentor(a, 'Full Ffion', 2);
    const near = await mentor(a, 'Near Nia', 5);
    const roomy = await mentor(a, 'Roomy Rhys', 10);
    const gone = await mentor(a, 'Gone Geraint', 1);
    const elsewhere = await mentor(b, 'Bangor Bryn', 1);
    const day = 24;
    await factory.mentorships(full, [{ status: 'ACTIVE', hoursAgo: 1 }, { status: 'ACTIVE', hoursAgo: 10 * day }]);
    await factory.mentorships(near, [
      ...Array.from({ length: 4 }, () => ({ status: 'ACTIVE' as const, hoursAgo: 40 * day })),
      { status: 'DECLINED', hoursAgo: 2 * day },
      { status: 'EXPIRED', hoursAgo: 50 * day },
    ]);
    await factory.mentorships(roomy, [
      { status: 'ACTIVE', hoursAgo: 3 },
      { status: 'ENDED', hoursAgo: 5 * day },
      { status: 'REQUESTED', hoursAgo: 1 },
      { status: 'DECLINED', hoursAgo: 200 * day },
      { status: 'ENDED', hoursAgo: 400 * day },
    ]);
    await factory.mentorships(gone, [{ status: 'ACTIVE', hoursAgo: 1 }]);
    ok(await api.gql(STOP, {}, gone.token));
    await factory.mentorships(elsewhere, [{ status: 'ACTIVE', hoursAgo: 1 }, { status: 'DECLINED', hoursAgo: 1 }]);

    const figures = async (days?: number, who = staffA, institutionId?: string) =>
      ok(await api.gql(MENTORING_FIGURES, { days, institutionId }, who.token)).mentoringFigures;

    // Last 30 days: full ×2, near declined, roomy active + ended + requested, gone active.
    expect(await figures()).toEqual({
      institutionId: a.id,
      days: 30,
      questionsAsked: 0,
      questionsAnswered: 0,
      medianHoursToFirstAnswer: null,
      mentorRequests: 7,
      requestsAccepted: 5,
      requestsDeclined: 1,
      requestsExpired: 0,
      requestsOpen: 1,
      acceptanceRate: 0.833,
      activeMentorships: 8,
      mentors: 3,
      mentorsNearCapacity: 2,
      nearCapacity: [
        { mentorId: full.user.id, displayName: 'Full Ffion', active: 2, capacity: 2 },
        { mentorId: near.user.id, displayName: 'Near Nia', active: 4, capacity: 5 },
      ],
    });
    // 90 days adds near's four active and the expired one; 365 the declined one; the 400-day-old one never.
    expect(await figures(90)).toMatchObject({ days: 90, mentorRequests: 12, requestsAccepted: 9, requestsDeclined: 1, requestsExpired: 1, acceptanceRate: 0.818 });
    expect(await figures(365)).toMatchObject({ mentorRequests: 13, requestsAccepted: 9, requestsDeclined: 2, requestsExpired: 1, acceptanceRate: 0.75 });
    // Admins name the institution; B's own figures are B's.
    expect(await figures(30, admin, a.id)).toMatchObject({ mentorRequests: 7 });
    expect(await figures(30, staffB)).toMatchObject({ institutionId: b.id, mentorRequests: 2, requestsAccepted: 1, acceptanceRate: 0.5, mentorsNearCapacity: 1 });

    // Staff of B cannot read A's; students and mentors have no figures; admins must name one; bad periods refused.
    expect(errorCode(await api.gql(MENTORING_FIGURES, { institutionId: a.id }, staffB.token))).toBe('FORBIDDEN');
    for (const who of [studentA, full]) expect(errorCode(await api.gql(MENTORING_FIGURES, {}, who.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(MENTORING_FIGURES, {}, admin.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(MENTORING_FIGURES, { institutionId: '00000000-0000-4000-8000-000000000000' }, admin.token))).toBe('NOT_FOUND');
    for (const days of [0, 7, 10_000]) expect(errorCode(await api.gql(MENTORING_FIGURES, { days }, staffA.token))).toBe('BAD_USER_INPUT');
  });

  it('counts questions asked and answered and the median time to a first answer, on hand-made rows', async () => {
    const c = await factory.institution();
    const other = await factory.institution();
    const staff = await factory.user(Role.STAFF, { institution: c });
    const student = await factory.user(Role.STUDENT, { institution: c });
    const alumnus = await factory.user(Role.ALUMNUS, { institution: c });
    const elsewhere = await factory.user(Role.STUDENT, { institution: other });
    // First answers after 1, 3, 4 and 10 hours (a later second answer does not count), one unanswered, one
    // answered after 2 hours but 40 days ago, one at another institution.
    await factory.answeredQuestions(student, c, alumnus, [
      { hoursAgo: 20, answersAfterHours: [1] },
      { hoursAgo: 30, answersAfterHours: [3, 0.5 + 3] },
      { hoursAgo: 50, answersAfterHours: [10, 12] },
      { hoursAgo: 60, answersAfterHours: [4] },
      { hoursAgo: 5, answersAfterHours: [] },
      { hoursAgo: 40 * 24, answersAfterHours: [2] },
    ]);
    await factory.answeredQuestions(elsewhere, other, alumnus, [{ hoursAgo: 5, answersAfterHours: [100] }]);
    const of = async (days: number) => ok(await api.gql(MENTORING_FIGURES, { days }, staff.token)).mentoringFigures;
    // 30 days: 5 asked, 4 answered, median of 1, 3, 4, 10 = 3.5 hours.
    expect(await of(30)).toMatchObject({ questionsAsked: 5, questionsAnswered: 4, medianHoursToFirstAnswer: 3.5 });
    // 90 days adds the old one (2 hours): median of 1, 2, 3, 4, 10 = 3.
    expect(await of(90)).toMatchObject({ questionsAsked: 6, questionsAnswered: 5, medianHoursToFirstAnswer: 3 });
  });

  it('gives an institution with no mentoring zeros, and no acceptance rate', async () => {
    const c = await factory.institution();
    const staff = await factory.user(Role.STAFF, { institution: c });
    expect(ok(await api.gql(MENTORING_FIGURES, { days: 365 }, staff.token)).mentoringFigures).toMatchObject({
      questionsAsked: 0,
      questionsAnswered: 0,
      medianHoursToFirstAnswer: null,
      mentorRequests: 0,
      acceptanceRate: null,
      activeMentorships: 0,
      mentors: 0,
      mentorsNearCapacity: 0,
      nearCapacity: [],
    });
  });
});
