import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import type { Institution } from '@careers/identity';
import { countStatements, errorCode, Factory, ok, SIGN_UP, startApi, type TestApi, type TestUser } from '@careers/testing';
import { createApiApp } from '../src/app.js';

describe('GraphQL conventions: bad input, limits, pages, errors, health', () => {
  let api: TestApi;
  let factory: Factory;
  let institution: Institution;
  let staff: TestUser;
  let domain: string;

  beforeAll(async () => {
    api = await startApi(createApiApp);
    factory = new Factory(api);
    institution = await factory.institution();
    domain = institution.emailDomains[0]!;
    staff = await factory.user(Role.STAFF, { institution });
  });
  afterAll(() => api.close());

  const valid = () => ({ email: `new-${Math.random().toString(36).slice(2)}@${domain}`, password: 'a long enough password', displayName: 'New', role: 'STUDENT' });

  it.each([
    ['a malformed email', { email: 'not-an-email' }, 'email'],
    ['a short password', { password: 'short' }, 'password'],
    ['a role one cannot choose', { role: 'ADMIN' }, 'role'],
    ['an empty name', { displayName: '   ' }, 'displayName'],
    ['a 200 KB name', { displayName: 'x'.repeat(200_000) }, 'displayName'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_, change, field) => {
    const before = await factory.countAccountsAt(domain);
    const result = await api.gql(SIGN_UP, { input: { ...valid(), ...change } });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions['fields']).toHaveProperty([field]);
    expect(result.errors![0]!.message).toContain(field);
    expect(await factory.countAccountsAt(domain)).toBe(before);
  });

  it('refuses an unknown enum value, inline or in variables', async () => {
    const before = await factory.countAccountsAt(domain);
    expect(errorCode(await api.gql(SIGN_UP, { input: { ...valid(), role: 'WIZARD' } }))).toBe('BAD_USER_INPUT');
    const inline = await api.gql(`mutation { signUp(input: { email: "x@${domain}", password: "a long enough password", displayName: "X", role: WIZARD }) { accessToken } }`);
    expect(errorCode(inline)).toBe('BAD_USER_INPUT');
    expect(await factory.countAccountsAt(domain)).toBe(before);
  });

  it('refuses a 1 MB body with BAD_USER_INPUT in GraphQL shape, and writes nothing', async () => {
    const before = await factory.countAccountsAt(domain);
    const result = await api.gql(SIGN_UP, { input: { ...valid(), displayName: 'x'.repeat(1024 * 1024) } });
    expect(result.status).toBe(413);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toContain('larger than');
    expect(await factory.countAccountsAt(domain)).toBe(before);
  });

  it('refuses queries deeper than the limit', async () => {
    // me → organisation → approvals → organisation → approvals → … : 12 levels.
    let selection = 'id';
    for (let i = 0; i < 5; i++) selection = `organisation { approvals { ${selection} } }`;
    const result = await api.gql(`{ me { ${selection} } }`, {}, staff.token);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(/levels deep; the limit is 10/);
    expect(ok(await api.gql(`{ me { organisation { approvals { organisation { id } } } } }`, {}, staff.token))).toBeTruthy();
  });

  it('refuses too many aliases, and queries that would cost too much', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ');
    const many = await api.gql(`{ ${aliases} }`, {}, staff.token);
    expect(errorCode(many)).toBe('BAD_USER_INPUT');
    expect(many.errors![0]!.message).toContain('aliases');

    // 100 users × 100 approvals each would be ~10,000 field resolutions.
    const costly = await api.gql(
      `{ a: users(first: 100) { edges { node { organisation { approvals { id status reason decidedAt createdAt organisation { id name website description createdAt } institution { id name emailDomains createdAt } } } profile { headline bio course sectors skills interests } } } }
         b: users(first: 100) { edges { node { organisation { approvals { id status reason decidedAt createdAt organisation { id name website description createdAt } institution { id name emailDomains createdAt } } } profile { headline bio course sectors skills interests } } } }
         c: users(first: 100) { edges { node { organisation { approvals { id status reason decidedAt createdAt organisation { id name website description createdAt } institution { id name emailDomains createdAt } } } profile { headline bio course sectors skills interests } } } } }`,
      {},
      staff.token,
    );
    expect(errorCode(costly)).toBe('BAD_USER_INPUT');
    expect(costly.errors![0]!.message).toMatch(/would cost \d+; the limit is 5000/);
  });

  it('counts __typename like any other field: 1,000 aliases of it are refused, and so is an introspection query of 6,000', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ');
    for (const token of [undefined, staff.token]) {
      const many = await api.gql(`{ ${aliases} }`, {}, token);
      expect(errorCode(many)).toBe('BAD_USER_INPUT');
      expect(many.errors![0]!.message).toBe('The query uses 1000 aliases; the limit is 30.');
      expect(many.errors![0]!.extensions['limit']).toEqual({ maxAliases: 30 });
      expect(many.data ?? null).toBeNull();
    }
    // 60 spreads of 100 each (graphql-js itself aborts on thousands of one field side by side).
    const costly = await api.gql(`{ __typename __schema { ${'...T '.repeat(60)}} } fragment T on __Schema { ${'__typename '.repeat(100)}}`);
    expect(errorCode(costly)).toBe('BAD_USER_INPUT');
    expect(costly.errors![0]!.message).toMatch(/would cost 600\d; the limit is 5000/);
    expect(costly.errors![0]!.extensions['limit']).toEqual({ maxCost: 5000 });

    expect(ok(await api.gql(`{ __typename a: __typename }`))).toEqual({ __typename: 'Query', a: 'Query' });
    // Tools' introspection stays deeper than the depth limit, not past the others.
    const deep = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }`;
    expect(ok(await api.gql(deep)).__schema.types.length).toBeGreaterThan(10);
  });

  it('pages with cursors, and refuses a page size over 100 rather than clamping it', async () => {
    await Promise.all(Array.from({ length: 5 }, () => factory.user(Role.STUDENT, { institution })));
    const PAGE = `query($after: String) { users(first: 2, after: $after, role: STUDENT) { edges { node { id } cursor } pageInfo { hasNextPage endCursor hasPreviousPage startCursor } } }`;
    type Page = { edges: { node: { id: string }; cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null; hasPreviousPage: boolean; startCursor: string | null } };
    const seen: string[] = [];
    let after: string | null = null;
    let hasNext = true;
    while (hasNext) {
      const page: Page = ok(await api.gql(PAGE, { after }, staff.token)).users;
      seen.push(...page.edges.map((e) => e.node.id));
      // Relay's PageInfo: the first and last edges' cursors; pages go forward only, so never a previous page.
      expect(page.pageInfo).toEqual({
        hasNextPage: seen.length < 5,
        endCursor: page.edges.at(-1)!.cursor,
        hasPreviousPage: false,
        startCursor: page.edges[0]!.cursor,
      });
      hasNext = page.pageInfo.hasNextPage;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const past: Page = ok(await api.gql(PAGE, { after }, staff.token)).users;
    expect(past).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null, hasPreviousPage: false, startCursor: null } });

    const tooMany = await api.gql(`{ users(first: 101) { edges { node { id } } } }`, {}, staff.token);
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0]!.message).toContain('first must be at most 100');
    expect(errorCode(await api.gql(`{ users(first: 5, after: "garbage") { edges { node { id } } } }`, {}, staff.token))).toBe('BAD_USER_INPUT');
  });

  it('batches field resolvers: a page of users costs a bounded number of statements', async () => {
    const db = api.app.get((await import('typeorm')).DataSource);
    const { result: page, statements } = await countStatements(db, async () =>
      ok(await api.gql(`{ users(first: 50) { edges { node { id institution { name } profile { headline } } } } }`, {}, staff.token)),
    );
    expect(page.users.edges.length).toBeGreaterThan(5);
    expect(statements.length).toBeLessThanOrEqual(3);
  });

  it('keeps the request id, answers every error with one, and hides internals', async () => {
    const result = await api.gql(`{ me { id } }`, {}, undefined, { 'x-request-id': 'client-chosen-id-123' });
    expect(result.headers.get('x-request-id')).toBe('client-chosen-id-123');
    expect(result.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED', requestId: 'client-chosen-id-123' });
    const parse = await api.gql(`{ me { id `, {}, staff.token);
    expect(errorCode(parse)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(parse.errors)).not.toContain('stacktrace');
  });

  it('answers liveness and readiness', async () => {
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${api.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', postgres: 'up', redis: 'up' });
  });

  describe('in production', () => {
    let production: TestApi;
    let signedIn: TestUser;

    beforeAll(async () => {
      production = await startApi(createApiApp, { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
      signedIn = await new Factory(production).user(Role.STAFF, { institution });
    });
    afterAll(() => production.close());

    it('turns introspection and the API explorer off', async () => {
      const result = await production.gql(`{ __schema { types { name } } }`);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      const landing = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await landing.text()).not.toContain('<html');
      expect((await fetch(`${production.url}/explorer/graphiql.js`)).status).toBe(404);
      expect(ok(await api.gql(`{ __schema { queryType { name } } }`)).__schema.queryType.name).toBe('Query');
    });

    // Each misspelling is one graphql-js answers with a name from the schema, and what is wrong must still be named.
    it.each([
      ['a field', `{ me { emial } }`, {}, 'emial'],
      ['an argument', `{ users(frist: 5) { edges { node { id } } } }`, {}, 'frist'],
      ['a type', `query($role: Rol) { users(role: $role) { edges { node { id } } } }`, {}, 'Rol'],
      ['an enum value', `{ users(role: STUDNET) { edges { node { id } } } }`, {}, 'STUDNET'],
      ['an enum value in variables', `query($role: Role) { users(role: $role) { edges { node { id } } } }`, { role: 'STUDNET' }, 'STUDNET'],
      ['an input field in variables', `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, { input: { emial: 'a@b.example', password: 'whatever it is' } }, 'emial'],
    ])('suggests no name from the schema for %s, anonymously or signed in', async (_, query, variables, wrong) => {
      const development = await api.gql(query, variables, staff.token);
      expect(errorCode(development)).toBe('BAD_USER_INPUT');
      expect(development.errors![0]!.message).toMatch(/Did you mean/);
      for (const token of [undefined, signedIn.token]) {
        const result = await production.gql(query, variables, token);
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(result.data ?? null).toBeNull();
        const messages = result.errors!.map((e) => e.message).join(' | ');
        expect(messages).toContain(wrong);
        expect(messages).not.toMatch(/Did you mean/);
      }
    });
  });
});
