import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import { errorCode, Factory, ok, SIGN_IN, SIGN_UP, startApi, type TestApi } from '@careers/testing';
import { createApiApp } from '../src/app.js';
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken user { id } } }`;
const SIGN_OUT = `mutation($t: String!) { signOut(refreshToken: $t) }`;
const ME = `{ me { id email displayName role trustLevel profile { graduationYear visibility } } }`;

describe('sessions: sign-up, sign-in, refresh rotation, sign-out, password change', () => {
  let api: TestApi;
  let factory: Factory;
  let domain: string;
  let institutionId: string;

  beforeAll(async () => {
    api = await startApi(createApiApp);
    factory = new Factory(api);
    const institution = await factory.institution('Leeds');
    domain = institution.emailDomains[0]!;
    institutionId = institution.id;
  });
  afterAll(() => api.close());

  it('signs a student up into the institution of their email domain, subdomains included', async () => {
    const data = ok(
      await api.gql(SIGN_UP, {
        input: { email: `Ana@Students.${domain}`, password: 'a long enough password', displayName: ' Ana ', role: 'STUDENT', graduationYear: 2027 },
      }),
    );
    expect(data.signUp.user).toMatchObject({ role: 'STUDENT', displayName: 'Ana', institution: { id: institutionId, name: 'Leeds' } });
    expect(data.signUp.expiresIn).toBe(900);
    const me = ok(await api.gql(ME, {}, data.signUp.accessToken));
    expect(me.me).toMatchObject({ email: `ana@students.${domain}`, trustLevel: 'NEW', profile: { graduationYear: 2027, visibility: 'INSTITUTION' } });
  });

  it('refuses an email domain no institution uses, and a taken email, writing nothing', async () => {
    const before = await factory.countAccountsAt(domain);
    const unknown = await api.gql(SIGN_UP, { input: { email: 'bo@nowhere.example', password: 'a long enough password', displayName: 'Bo', role: 'STUDENT' } });
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0]!.message).toContain('nowhere.example');
    expect(await factory.countAccountsAt('nowhere.example')).toBe(0);
    const taken = await api.gql(SIGN_UP, { input: { email: `ana@students.${domain}`, password: 'another long password', displayName: 'Ana 2', role: 'ALUMNUS' } });
    expect(errorCode(taken)).toBe('CONFLICT');
    expect(await factory.countAccountsAt(domain)).toBe(before);
  });

  it('signs in with the right password only, without telling which part was wrong', async () => {
    const person = await factory.user(Role.ALUMNUS, { institution: (await factory.institution()) });
    const wrong = await api.gql(SIGN_IN, { input: { email: person.email, password: 'not the password' } });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    const nobody = await api.gql(SIGN_IN, { input: { email: 'nobody@example.org', password: 'not the password' } });
    expect(nobody.errors![0]!.message).toBe(wrong.errors![0]!.message);
    const right = ok(await api.gql(SIGN_IN, { input: { email: person.email.toUpperCase(), password: person.password } }));
    expect(right.signIn.user.id).toBe(person.user.id);
    expect(ok(await api.gql(ME, {}, right.signIn.accessToken)).me.id).toBe(person.user.id);
  });

  it('rotates refresh tokens, and reuse of an old one revokes the whole family', async () => {
    const person = await factory.user(Role.STUDENT, { institution: await factory.institution() });
    const first = ok(await api.gql(REFRESH, { t: person.refreshToken })).refreshSession;
    expect(first.user.id).toBe(person.user.id);
    expect(first.refreshToken).not.toBe(person.refreshToken);
    const second = ok(await api.gql(REFRESH, { t: first.refreshToken })).refreshSession;

    // A thief replays the first token: refused, and the family dies with it.
    const replay = await api.gql(REFRESH, { t: person.refreshToken });
    expect(errorCode(replay)).toBe('UNAUTHENTICATED');
    expect(replay.errors![0]!.message).toContain('already used');
    expect(errorCode(await api.gql(REFRESH, { t: second.refreshToken }))).toBe('UNAUTHENTICATED');

    // Another sign-in of the same person is a different family and lives on.
    const other = ok(await api.gql(SIGN_IN, { input: { email: person.email, password: person.password } })).signIn;
    expect(ok(await api.gql(REFRESH, { t: other.refreshToken })).refreshSession.user.id).toBe(person.user.id);
  });

  it('lets a used token be presented again soon while its successor is unspent (an aborted page load), once', async () => {
    const person = await factory.user(Role.STUDENT, { institution: await factory.institution() });
    // The answer carrying `lost` never reached the browser; the next page load sends the old cookie again.
    const lost = ok(await api.gql(REFRESH, { t: person.refreshToken })).refreshSession;
    const again = ok(await api.gql(REFRESH, { t: person.refreshToken })).refreshSession;
    expect(again.user.id).toBe(person.user.id);
    expect(again.refreshToken).not.toBe(lost.refreshToken);
    expect(errorCode(await api.gql(REFRESH, { t: lost.refreshToken }))).toBe('UNAUTHENTICATED');
    // The session lives on through the token that arrived.
    const next = ok(await api.gql(REFRESH, { t: again.refreshToken })).refreshSession;
    // Now the successor of `again` has been used: presenting the first token once more is reuse, and ends it all.
    expect(errorCode(await api.gql(REFRESH, { t: person.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(REFRESH, { t: next.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('treats any second use as reuse when the grace is off', async () => {
    const strict = await startApi(createApiApp, { REFRESH_REUSE_GRACE: '0' });
    try {
      const person = await new Factory(strict).user(Role.STUDENT, { institution: await new Factory(strict).institution() });
      const first = ok(await strict.gql(REFRESH, { t: person.refreshToken })).refreshSession;
      expect((await strict.gql(REFRESH, { t: person.refreshToken })).errors![0]!.message).toContain('already used');
      expect(errorCode(await strict.gql(REFRESH, { t: first.refreshToken }))).toBe('UNAUTHENTICATED');
    } finally {
      await strict.close();
    }
  });

  it('refuses forged, malformed and signed-out refresh tokens', async () => {
    const person = await factory.user(Role.STUDENT, { institution: await factory.institution() });
    const [id] = person.refreshToken.split('.');
    expect(errorCode(await api.gql(REFRESH, { t: `${id}.forged-secret` }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(REFRESH, { t: 'garbage' }))).toBe('UNAUTHENTICATED');
    expect(ok(await api.gql(SIGN_OUT, { t: person.refreshToken })).signOut).toBe(true);
    expect(errorCode(await api.gql(REFRESH, { t: person.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('refuses forged and expired access tokens', async () => {
    const person = await factory.user(Role.STUDENT, { institution: await factory.institution() });
    const [h, p] = person.token.split('.');
    expect(errorCode(await api.gql(ME, {}, `${h}.${p}.c2lnbmF0dXJl`))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(ME, {}, 'not-a-jwt'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(ME))).toBe('UNAUTHENTICATED');

    const shortLived = await startApi(createApiApp, { ACCESS_TOKEN_TTL: '1' });
    try {
      const session = ok(await shortLived.gql(SIGN_IN, { input: { email: person.email, password: person.password } })).signIn;
      // Time passing is what is under test: a 1 s token, expiry checked to the second, so just over 2 s.
      await new Promise((r) => setTimeout(r, 2100));
      const expired = await shortLived.gql(ME, {}, session.accessToken);
      expect(errorCode(expired)).toBe('UNAUTHENTICATED');
      expect(expired.errors![0]!.message).toContain('expired');
    } finally {
      await shortLived.close();
    }
  });

  it('changes the password: the old one stops working and every other session ends', async () => {
    const person = await factory.user(Role.ALUMNUS, { institution: await factory.institution() });
    const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken refreshToken } }`;
    const wrong = await api.gql(CHANGE, { input: { currentPassword: 'not it at all', newPassword: 'brand new password 1' } }, person.token);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    const short = await api.gql(CHANGE, { input: { currentPassword: person.password, newPassword: 'short' } }, person.token);
    expect(errorCode(short)).toBe('BAD_USER_INPUT');

    const changed = ok(await api.gql(CHANGE, { input: { currentPassword: person.password, newPassword: 'brand new password 1' } }, person.token)).changePassword;
    expect(errorCode(await api.gql(REFRESH, { t: person.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(ok(await api.gql(REFRESH, { t: changed.refreshToken })).refreshSession).toBeTruthy();
    expect(errorCode(await api.gql(SIGN_IN, { input: { email: person.email, password: person.password } }))).toBe('UNAUTHENTICATED');
    expect(ok(await api.gql(SIGN_IN, { input: { email: person.email, password: 'brand new password 1' } })).signIn).toBeTruthy();
  });

  it('signs an employer up into a new organisation waiting for approval', async () => {
    const data = ok(
      await api.gql(
        `mutation($input: SignUpEmployerInput!) { signUpEmployer(input: $input) { accessToken user { role organisation { name approvals { status institution { id } } } } } }`,
        { input: { email: 'hr@acme.example', password: 'a long enough password', displayName: 'HR', organisationName: 'Acme', institutionId } },
      ),
    );
    expect(data.signUpEmployer.user).toEqual({
      role: 'EMPLOYER',
      organisation: { name: 'Acme', approvals: [{ status: 'PENDING', institution: { id: institutionId } }] },
    });
  });
});

describe('sign-in rate limits', () => {
  let api: TestApi;
  let factory: Factory;

  beforeAll(async () => {
    api = await startApi(createApiApp, { SIGNIN_LIMIT_PER_ACCOUNT: '3', SIGNIN_LIMIT_PER_IP: '8', REDIS_PREFIX: `${process.env['REDIS_PREFIX']}-rl` });
    factory = new Factory(api);
  });
  afterAll(() => api.close());

  it('locks an account after repeated failures, even for the right password, and then the IP', async () => {
    const person = await factory.user(Role.STUDENT, { institution: await factory.institution() });
    for (let i = 0; i < 3; i++) {
      expect(errorCode(await api.gql(SIGN_IN, { input: { email: person.email, password: 'wrong password' } }))).toBe('UNAUTHENTICATED');
    }
    const locked = await api.gql(SIGN_IN, { input: { email: person.email, password: person.password } });
    expect(errorCode(locked)).toBe('RATE_LIMITED');
    expect(locked.errors![0]!.message).toMatch(/Too many sign-in attempts\. Try again in \d+ minutes\./);
    expect(locked.errors![0]!.extensions['retryAfterSeconds']).toBeGreaterThan(0);

    // Another account from the same address still works, until the IP's own limit (8 attempts) is used up.
    const other = await factory.user(Role.STUDENT, { institution: await factory.institution() });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await api.gql(SIGN_IN, { input: { email: other.email, password: other.password } }));
    expect(results.slice(0, 4).every((r) => !r.errors)).toBe(true);
    expect(errorCode(results[4]!)).toBe('RATE_LIMITED');
  });
});
