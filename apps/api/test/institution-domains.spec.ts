import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Institution } from '@careers/identity';
import { CREATE_INSTITUTION, errorCode, Factory, ok, SIGN_UP, startApi, type TestApi, type TestUser, twoTenants, UPDATE_INSTITUTION } from '@careers/testing';
import { createApiApp } from '../src/app.js';
const DOMAINS = `{ me { institution { name emailDomains } } }`;

/** A domain no other test file uses: the tests of one run share a database. */
const fresh = () => `d${randomBytes(5).toString('hex')}.ac.uk`;

describe('institution email domains: each belongs to one institution, and only admins change them', () => {
  let api: TestApi;
  let factory: Factory;
  let a: Institution;
  let b: Institution;
  let staffA: TestUser;
  let staffB: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    api = await startApi(createApiApp);
    factory = new Factory(api);
    ({ a, b, staffA, staffB, admin } = await twoTenants(factory, { names: ['A University', 'B University'] }));
  });
  afterAll(() => api.close());

  const signUpAt = async (domain: string) =>
    ok(await api.gql(SIGN_UP, { input: { email: `s${randomBytes(4).toString('hex')}@${domain}`, password: 'a long enough password', displayName: 'Sam', role: 'STUDENT' } }))
      .signUp.user.institution.id;

  it("keeps staff from taking another institution's students: they rename their institution, admins change its domains", async () => {
    const bDomain = b.emailDomains[0]!;
    const refused = await api.gql(UPDATE_INSTITUTION, { id: a.id, input: { name: 'A (taken over)', emailDomains: [a.emailDomains[0], `students.${bDomain}`] } }, staffA.token);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toContain('Only admins');
    // Nothing of the refused change was written, and B's students still join B.
    expect(ok(await api.gql(DOMAINS, {}, staffA.token)).me.institution).toEqual({ name: 'A University', emailDomains: a.emailDomains });
    expect(await signUpAt(`students.${bDomain}`)).toBe(b.id);

    // Their own domains too: staff see them, admins change them.
    expect(errorCode(await api.gql(UPDATE_INSTITUTION, { id: b.id, input: { emailDomains: [bDomain, fresh()] } }, staffB.token))).toBe('FORBIDDEN');
    expect(ok(await api.gql(UPDATE_INSTITUTION, { id: a.id, input: { name: 'A University' } }, staffA.token)).updateInstitution.emailDomains).toEqual(a.emailDomains);
  });

  it('refuses admins a domain equal to, under or above another institution’s, however it is spelt, and changes nothing', async () => {
    const parent = fresh();
    const taken = `mail.${parent}`;
    ok(await api.gql(UPDATE_INSTITUTION, { id: b.id, input: { emailDomains: [b.emailDomains[0], taken] } }, admin.token));
    const asks: [string, string][] = [
      [taken.toUpperCase(), `${taken} is already an email domain of B University`],
      [`${taken}.`, `${taken} is already an email domain of B University`],
      [`students.${taken}`, `students.${taken} is under ${taken}, an email domain of B University`],
      [` Students.${taken.toUpperCase()}. `, `students.${taken} is under ${taken}, an email domain of B University`],
      [parent, `${parent} is above ${taken}, an email domain of B University`],
    ];
    for (const [asked, message] of asks) {
      const res = await api.gql(UPDATE_INSTITUTION, { id: a.id, input: { name: 'Renamed', emailDomains: [a.emailDomains[0], asked] } }, admin.token);
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors![0]!.message).toContain(message);
      const created = await api.gql(CREATE_INSTITUTION, { input: { name: 'Claimer', emailDomains: [asked] } }, admin.token);
      expect(errorCode(created)).toBe('CONFLICT');
    }
    expect(ok(await api.gql(DOMAINS, {}, staffA.token)).me.institution).toEqual({ name: 'A University', emailDomains: a.emailDomains });
    expect(await signUpAt(`x.${taken}`)).toBe(b.id);

    // A domain and its subdomain may both be one institution's; a look-alike that is not a subdomain is free.
    const own = a.emailDomains[0]!;
    const updated = ok(await api.gql(UPDATE_INSTITUTION, { id: a.id, input: { emailDomains: [own, `careers.${own}`, `x${taken}`] } }, admin.token)).updateInstitution;
    expect(updated.emailDomains).toEqual([own, `careers.${own}`, `x${taken}`]);
    expect(await signUpAt(`x${taken}`)).toBe(a.id);
  });

  it('stores a domain in one spelling: lower case, without a trailing dot', async () => {
    const domain = fresh();
    expect(ok(await api.gql(CREATE_INSTITUTION, { input: { name: 'Spelling College', emailDomains: [`${domain.toUpperCase()}.`, domain] } }, admin.token)).createInstitution.emailDomains).toEqual([domain]);
  });

  it('lets only one of two institutions claiming overlapping domains at the same moment have them', async () => {
    // Several pairs at once, each a parent and its subdomain, so that without turns some pair would race.
    const pairs = Array.from({ length: 6 }, () => fresh());
    const results = await Promise.all(
      pairs.flatMap((parent, i) => [
        api.gql(CREATE_INSTITUTION, { input: { name: `Parent ${i}`, emailDomains: [parent] } }, admin.token),
        api.gql(CREATE_INSTITUTION, { input: { name: `Child ${i}`, emailDomains: [`sub.${parent}`] } }, admin.token),
      ]),
    );
    for (let i = 0; i < pairs.length; i++) {
      const pair = [results[2 * i]!, results[2 * i + 1]!];
      expect(pair.filter((r) => !r.errors).length).toBe(1);
      expect(pair.filter((r) => r.errors).map(errorCode)).toEqual(['CONFLICT']);
    }
  });
});
