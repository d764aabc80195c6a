import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import { errorCode, Factory, ok, POST_VACANCY, startApi, type TestApi, type TestUser } from '@careers/testing';
import { AlertMatcher, isAllowedAddress, MAX_SUBSCRIPTIONS } from '@careers/vacancies';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/app.js';

const CREATE = `mutation($i: CreateAlertSubscriptionInput!) { createAlertSubscription(input: $i) {
  id name keywords sector location frequency inApp email paused atomUrl webhook { url secret state } } }`;
const UPDATE = `mutation($i: UpdateAlertSubscriptionInput!) { updateAlertSubscription(input: $i) { id name keywords paused frequency webhook { url state } } }`;
const DELETE = `mutation($id: ID!) { deleteAlertSubscription(id: $id) }`;
const GET = `query($id: ID!) { alertSubscription(id: $id) { id name } }`;
const LIST = `query { alertSubscriptions(first: 100) { edges { node { id } } } }`;
const REGENERATE = `mutation($id: ID!) { regenerateAlertFeedUrl(id: $id) { atomUrl } }`;

const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();

describe('alert subscriptions', () => {
  let api: TestApi;
  let factory: Factory;
  let school: Institution;
  let student: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    api = await startApi(createApiApp);
    factory = new Factory(api);
    school = await factory.institution();
    [student, other] = await Promise.all([factory.user(Role.STUDENT, { institution: school }), factory.user(Role.STUDENT, { institution: school })]);
  });
  afterAll(() => api.close());

  it('creates, edits, pauses and deletes an alert, each scoped to its owner', async () => {
    const created = ok(
      await api.gql(CREATE, { i: { name: 'Data in Leeds', keywords: ['Data', 'machine learning', 'data'], filter: { location: 'Leeds' }, frequency: 'DAILY' } }, student.token),
    ).createAlertSubscription;
    expect(created).toMatchObject({ name: 'Data in Leeds', keywords: ['data', 'machine learning'], location: 'Leeds', frequency: 'DAILY', inApp: true, email: true, paused: false, webhook: null });
    // PUBLIC_URL is where people reach the api; this test reaches it on its own port.
    const local = (url: string) => `${api.url}${new URL(url).pathname}`;
    expect(new URL(created.atomUrl).pathname).toMatch(/^\/alerts\/feeds\/[A-Za-z0-9_-]{32}\.atom$/);

    // Another student can neither read, change nor delete it.
    expect(errorCode(await api.gql(GET, { id: created.id }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(UPDATE, { i: { id: created.id, paused: true } }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(DELETE, { id: created.id }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(REGENERATE, { id: created.id }, other.token))).toBe('NOT_FOUND');

    const paused = ok(await api.gql(UPDATE, { i: { id: created.id, paused: true, keywords: ['analyst'] } }, student.token)).updateAlertSubscription;
    expect(paused).toMatchObject({ paused: true, keywords: ['analyst'], name: 'Data in Leeds' });
    const regenerated = ok(await api.gql(REGENERATE, { id: created.id }, student.token)).regenerateAlertFeedUrl;
    expect(regenerated.atomUrl).not.toBe(created.atomUrl);
    expect((await fetch(local(created.atomUrl))).status).toBe(404);
    expect((await fetch(local(regenerated.atomUrl))).status).toBe(200);

    expect(ok(await api.gql(DELETE, { id: created.id }, student.token)).deleteAlertSubscription).toBe(true);
    expect(errorCode(await api.gql(GET, { id: created.id }, student.token))).toBe('NOT_FOUND');
  });

  it('refuses bad alerts with BAD_USER_INPUT and saves nothing', async () => {
    const person = await factory.user(Role.STUDENT, { institution: school });
    const cases: Record<string, unknown>[] = [
      { name: '' },
      { name: 'x'.repeat(101) },
      { keywords: ['the'] },
      { keywords: Array.from({ length: 21 }, (_, i) => `word${i}`) },
      { keywords: ['x'.repeat(100_000)] },
      { filter: { salaryMin: 20000 } },
      { webhookUrl: 'http://example.com/hook' },
      { webhookUrl: 'https://10.0.0.5/hook' },
      { webhookUrl: 'https://127.0.0.1/hook' },
      { webhookUrl: 'https://[::1]/hook' },
      { webhookUrl: 'https://169.254.169.254/latest/meta-data' },
      { webhookUrl: 'https://localhost/hook' },
      { webhookUrl: 'https://user:secret@203.0.114.9/hook' },
      { webhookUrl: 'ftp://example.com/hook' },
    ];
    for (const over of cases) {
      const result = await api.gql(CREATE, { i: { name: 'An alert', ...over } }, person.token);
      expect([over, errorCode(result)]).toEqual([over, 'BAD_USER_INPUT']);
    }
    expect(ok(await api.gql(LIST, {}, person.token)).alertSubscriptions.edges).toEqual([]);
  });

  it('judges webhook addresses: public ones pass, internal ones never', () => {
    for (const address of ['10.1.2.3', '172.16.0.1', '192.168.1.1', '127.0.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1', '224.0.0.1']) {
      expect([address, isAllowedAddress(address, false)]).toEqual([address, false]);
    }
    for (const address of ['93.184.216.34', '2606:4700::1111', '::ffff:93.184.216.34']) {
      expect([address, isAllowedAddress(address, false)]).toEqual([address, true]);
    }
    expect(isAllowedAddress('127.0.0.1', true)).toBe(true);
    expect(isAllowedAddress('10.0.0.1', true)).toBe(false);
  });

  it(`keeps at most ${MAX_SUBSCRIPTIONS} alerts per person, even when they are created at once`, async () => {
    const person = await factory.user(Role.STUDENT, { institution: school });
    const results = await Promise.all(
      Array.from({ length: MAX_SUBSCRIPTIONS + 5 }, (_, i) => api.gql(CREATE, { i: { name: `Alert ${i}`, keywords: [`skill${i}`] } }, person.token)),
    );
    expect(results.filter((r) => !r.errors).length).toBe(MAX_SUBSCRIPTIONS);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(5).fill('CONFLICT'));
    expect(ok(await api.gql(LIST, {}, person.token)).alertSubscriptions.edges).toHaveLength(MAX_SUBSCRIPTIONS);
  });

  it('is for students and alumni only', async () => {
    const staff = await factory.user(Role.STAFF, { institution: school });
    expect(errorCode(await api.gql(CREATE, { i: { name: 'Mine' } }, staff.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(LIST, {}))).toBe('UNAUTHENTICATED');
  });
});

/**
 * Matching precision: one vacancy, one subscription per person, and whether
 * each must match. The matcher is the worker's, run on the api's database.
 */
describe('which subscriptions a vacancy matches', () => {
  let api: TestApi;
  let factory: Factory;
  let db: DataSource;
  let school: Institution;
  let staff: TestUser;

  const V = {
    title: 'Graduate Data Engineer',
    employerName: 'Café Noir Ltd',
    description: 'Work on data pipelines and machine learning models, in Python and SQL, with a friendly team.',
    sector: 'Technology',
    location: 'Leeds, West Yorkshire',
    remote: 'HYBRID',
    type: 'GRADUATE_JOB',
    salaryMin: 25000,
    salaryMax: 30000,
    salaryCurrency: 'GBP',
    applyUrl: 'https://jobs.example.com/1',
    submit: true,
  };

  // [what it is, the subscription, whether the vacancy must reach it, and the "why" it must give]
  const CASES: [string, Record<string, unknown>, boolean, string?][] = [
    ['a keyword in the title', { keywords: ['data'] }, true, 'keyword: data'],
    ['upper case', { keywords: ['DATA'] }, true, 'keyword: DATA'],
    ['a plural keyword', { keywords: ['engineers'] }, true, 'keyword: engineers'],
    ['a keyword in another form', { keywords: ['engineering'] }, true],
    ['no accent for an accented word', { keywords: ['cafe'] }, true],
    ['a phrase, accented', { keywords: ['café noir'] }, true],
    ['a phrase in the wrong order', { keywords: ['noir café'] }, false],
    ['a phrase in the description', { keywords: ['machine learning'] }, true, 'keyword: machine learning'],
    ['words of a phrase apart', { keywords: ['python models'] }, false],
    ['a keyword it lacks', { keywords: ['marketing'] }, false],
    ['any of several keywords', { keywords: ['marketing', 'python'] }, true, 'keyword: python'],
    ['a sector, any case', { filter: { sector: 'technology' } }, true, 'sector: technology'],
    ['another sector', { filter: { sector: 'Finance' } }, false],
    ['the town of its location', { keywords: ['data'], filter: { location: 'leeds' } }, true, 'keyword: data; location: leeds'],
    ['the county of its location', { filter: { location: 'West Yorkshire' } }, true],
    ['a town inside a county name', { filter: { location: 'York' } }, false],
    ['salary: the top of its range exactly', { filter: { salaryMin: 30000, salaryCurrency: 'GBP' } }, true, 'salary: up to 30000 GBP'],
    ['salary: one more than its range', { filter: { salaryMin: 30001, salaryCurrency: 'GBP' } }, false],
    ['salary in another currency', { filter: { salaryMin: 1000, salaryCurrency: 'EUR' } }, false],
    ['its type among others', { filter: { types: ['INTERNSHIP', 'GRADUATE_JOB'] } }, true, 'type: graduate job'],
    ['another type', { filter: { types: ['INTERNSHIP'] } }, false],
    ['its remote policy', { filter: { remote: ['HYBRID', 'REMOTE'] } }, true, 'remote: hybrid'],
    ['remote only', { filter: { remote: ['REMOTE'] } }, false],
    ['a keyword and a filter it fails', { keywords: ['data'], filter: { sector: 'Finance' } }, false],
    ['no criteria at all', {}, true, 'every new vacancy'],
    ['paused', { keywords: ['data'], paused: true }, false],
  ];

  beforeAll(async () => {
    api = await startApi(createApiApp);
    factory = new Factory(api);
    db = api.app.get(DataSource);
    school = await factory.institution();
    staff = await factory.user(Role.STAFF, { institution: school });
  });
  afterAll(() => api.close());

  /**
   * Matches a published vacancy, and reads what is stored: the matches are
   * kept once per person and vacancy, whoever made them. A worker of another
   * test file may take the vacancy's event from the shared outbox and match
   * it first; then this call finds nothing new, and the stored rows are the
   * same.
   */
  const matchAndRead = async (vacancyId: string) => {
    await db.transaction((tx) => new AlertMatcher().match(tx, vacancyId, [school.id]));
    const rows: { user_id: string; subscription_id: string; reasons: string; in_app: boolean }[] = await db.query(
      `SELECT user_id, subscription_id, reasons, in_app FROM alert_match WHERE vacancy_id = $1`,
      [vacancyId],
    );
    return rows.map((r) => ({ userId: r.user_id, subscriptionId: r.subscription_id, reasons: r.reasons, inApp: r.in_app }));
  };

  it('reaches exactly the subscriptions it should, each with why', async () => {
    const people = await Promise.all(CASES.map(() => factory.user(Role.STUDENT, { institution: school })));
    for (const [i, [, sub]] of CASES.entries()) {
      const { paused, ...input } = sub;
      const { id } = ok(await api.gql(CREATE, { i: { name: `case ${i}`, ...input } }, people[i]!.token)).createAlertSubscription;
      if (paused) ok(await api.gql(UPDATE, { i: { id, paused: true } }, people[i]!.token));
    }
    // A student of another institution, whose subscription would match: the vacancy is not for them.
    const elsewhere = await factory.user(Role.STUDENT, { institution: await factory.institution() });
    ok(await api.gql(CREATE, { i: { name: 'elsewhere', keywords: ['data'] } }, elsewhere.token));

    const vacancyId = ok(await api.gql(POST_VACANCY, { i: { ...V, closesAt: inDays(20) } }, staff.token)).postVacancy.id;
    const reached = new Map((await matchAndRead(vacancyId)).map((m) => [m.userId, m.reasons]));

    const outcome = CASES.map(([what, , , why], i) => ({ what, matched: reached.has(people[i]!.user.id), ...(why && { why: reached.get(people[i]!.user.id) }) }));
    expect(outcome).toEqual(CASES.map(([what, , expected, why]) => ({ what, matched: expected, ...(why && { why: expected ? why : undefined }) })));
    expect(reached.has(elsewhere.user.id)).toBe(false);

    // Matching again (a replay, or the vacancy edited and re-published) reaches nobody twice.
    expect(await db.transaction((tx) => new AlertMatcher().match(tx, vacancyId, [school.id]))).toEqual([]);
  });

  it('reaches a person once, through their oldest matching subscription', async () => {
    const person = await factory.user(Role.STUDENT, { institution: school });
    const first = ok(await api.gql(CREATE, { i: { name: 'first', keywords: ['sql'] } }, person.token)).createAlertSubscription;
    ok(await api.gql(CREATE, { i: { name: 'second', keywords: ['python'] } }, person.token));
    const vacancyId = ok(await api.gql(POST_VACANCY, { i: { ...V, closesAt: inDays(20) } }, staff.token)).postVacancy.id;
    expect((await matchAndRead(vacancyId)).filter((m) => m.userId === person.user.id)).toEqual([
      { userId: person.user.id, subscriptionId: first.id, reasons: 'keyword: sql', inApp: true },
    ]);
  });

  it("lists one alert's matches (alertMatches with alertId, its page in the web client); another person's alert is NOT_FOUND", async () => {
    const BY_ALERT = `query($alertId: ID) { alertMatches(first: 10, alertId: $alertId) { edges { node { alertId vacancy { title } } } } }`;
    const person = await factory.user(Role.STUDENT, { institution: school });
    const stranger = await factory.user(Role.STUDENT, { institution: school });
    const maps = ok(await api.gql(CREATE, { i: { name: 'Maps', keywords: ['cartography'] } }, person.token)).createAlertSubscription;
    const rivers = ok(await api.gql(CREATE, { i: { name: 'Rivers', keywords: ['hydrology'] } }, person.token)).createAlertSubscription;
    const mapsJob = ok(await api.gql(POST_VACANCY, { i: { ...V, title: 'Cartography lead', closesAt: inDays(20) } }, staff.token)).postVacancy.id;
    await matchAndRead(mapsJob);
    const riversJob = ok(await api.gql(POST_VACANCY, { i: { ...V, title: 'Hydrology officer', closesAt: inDays(20) } }, staff.token)).postVacancy.id;
    await matchAndRead(riversJob);

    const of = async (alertId: string | undefined, who: TestUser = person) =>
      ok(await api.gql(BY_ALERT, { alertId }, who.token)).alertMatches.edges.map((e: { node: { alertId: string; vacancy: { title: string } } }) => e.node.vacancy.title);
    await expect(of(maps.id)).resolves.toEqual(['Cartography lead']);
    await expect(of(rivers.id)).resolves.toEqual(['Hydrology officer']);
    await expect(of(undefined)).resolves.toEqual(['Hydrology officer', 'Cartography lead']);
    // Someone else's alert is not theirs to know of; an id that is not one is refused as input.
    expect(errorCode(await api.gql(BY_ALERT, { alertId: maps.id }, stranger.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(BY_ALERT, { alertId: 'not-an-id' }, person.token))).toBe('BAD_USER_INPUT');
    // A name of spaces only is refused on an edit as on creation, beside the name field.
    const blank = await api.gql(UPDATE, { i: { id: maps.id, name: '   ' } }, person.token);
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0]?.extensions?.['field']).toBe('name');
    expect(ok(await api.gql(GET, { id: maps.id }, person.token)).alertSubscription.name).toBe('Maps');
  });

  it("lists a person's own matches (alertMatches) while their institution approves the vacancy, and each alert's last match and webhook state", async () => {
    const MATCHES = `query($after: String) { alertMatches(first: 1, after: $after) {
      edges { node { alertId alertName why matchedAt vacancy { id title } } } pageInfo { hasNextPage endCursor } } }`;
    const ALERT = `query($id: ID!) { alertSubscription(id: $id) { lastMatchedAt lastEmailedAt webhook { url failures disabledAt lastDeliveredAt lastError } } }`;
    const person = await factory.user(Role.STUDENT, { institution: school });
    const onlooker = await factory.user(Role.STUDENT, { institution: school });
    // A student of another institution with the same alert: the school's vacancies are not theirs to be told of.
    const elsewhere = await factory.user(Role.STUDENT, { institution: await factory.institution() });
    ok(await api.gql(CREATE, { i: { name: 'SQL too', keywords: ['sql'] } }, elsewhere.token));
    const alert = ok(await api.gql(CREATE, { i: { name: 'SQL work', keywords: ['sql'] } }, person.token)).createAlertSubscription;
    expect(ok(await api.gql(ALERT, { id: alert.id }, person.token)).alertSubscription).toEqual({ lastMatchedAt: null, lastEmailedAt: null, webhook: null });

    const older = ok(await api.gql(POST_VACANCY, { i: { ...V, title: 'SQL analyst', closesAt: inDays(20) } }, staff.token)).postVacancy.id;
    await matchAndRead(older);
    const newer = ok(await api.gql(POST_VACANCY, { i: { ...V, title: 'SQL engineer', closesAt: inDays(20) } }, staff.token)).postVacancy.id;
    await matchAndRead(newer);

    const first = ok(await api.gql(MATCHES, {}, person.token)).alertMatches;
    expect(first.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { alertId: alert.id, alertName: 'SQL work', why: 'keyword: sql', matchedAt: expect.any(String), vacancy: { id: newer, title: 'SQL engineer' } },
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(await api.gql(MATCHES, { after: first.pageInfo.endCursor }, person.token)).alertMatches;
    expect(second.edges.map((e: { node: { vacancy: { id: string } } }) => e.node.vacancy.id)).toEqual([older]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    // Nobody else's matches: the onlooker has no alert, and sees none of them.
    expect(ok(await api.gql(MATCHES, {}, onlooker.token)).alertMatches.edges).toEqual([]);
    expect(ok(await api.gql(MATCHES, {}, elsewhere.token)).alertMatches.edges).toEqual([]);
    // Staff and employers have no alerts to match.
    expect(errorCode(await api.gql(MATCHES, {}, staff.token))).toBe('FORBIDDEN');

    // Closed: no longer open to the institution, so no longer listed.
    ok(await api.gql(`mutation($id: ID!) { closeVacancy(id: $id) { id } }`, { id: newer }, staff.token));
    const left = ok(await api.gql(MATCHES, {}, person.token)).alertMatches;
    expect(left.edges.map((e: { node: { vacancy: { id: string } } }) => e.node.vacancy.id)).toEqual([older]);

    // The alert tells when it last matched, and what became of its webhook's latest delivery.
    const { lastMatchedAt } = ok(await api.gql(ALERT, { id: alert.id }, person.token)).alertSubscription;
    expect(Date.parse(lastMatchedAt)).toBeGreaterThan(Date.now() - 60_000);
    ok(await api.gql(UPDATE, { i: { id: alert.id, webhookUrl: 'https://93.184.216.34/hook' } }, person.token));
    await db.query(
      `INSERT INTO alert_webhook_delivery (subscription_id, user_id, vacancy_id, delivered_at, created_at) VALUES ($1, $2, $3, now() - interval '1 hour', now() - interval '1 hour')`,
      [alert.id, person.user.id, older],
    );
    await db.query(`INSERT INTO alert_webhook_delivery (subscription_id, user_id, vacancy_id, last_error) VALUES ($1, $2, $3, 'HTTP 500')`, [alert.id, person.user.id, newer]);
    await db.query(`UPDATE alert_subscription SET webhook_failures = 5, webhook_disabled_at = now() WHERE id = $1`, [alert.id]);
    const { webhook } = ok(await api.gql(ALERT, { id: alert.id }, person.token)).alertSubscription;
    expect(webhook).toMatchObject({ failures: 5, disabledAt: expect.any(String), lastDeliveredAt: expect.any(String), lastError: 'HTTP 500' });
    expect(Date.parse(webhook.lastDeliveredAt)).toBeLessThan(Date.now() - 30 * 60_000);
  });

  it('finds candidates through indexes, not by reading every subscription', async () => {
    const vacancyId = ok(await api.gql(POST_VACANCY, { i: { ...V, closesAt: inDays(20) } }, staff.token)).postVacancy.id;
    const { MATCHING_SUBSCRIPTIONS } = await import('@careers/vacancies');
    const plan: { 'QUERY PLAN': string }[] = await db.transaction(async (tx) => {
      await tx.query(`SET LOCAL enable_seqscan = off`); // small tables: make the planner show the index it would use at scale
      return tx.query(`EXPLAIN ${MATCHING_SUBSCRIPTIONS}`, [vacancyId, [school.id]]);
    });
    const text = plan.map((p) => p['QUERY PLAN']).join('\n');
    expect(text).toContain('alert_subscription_keywords');
    expect(text).toContain('alert_subscription_unkeyed');
  });
});
