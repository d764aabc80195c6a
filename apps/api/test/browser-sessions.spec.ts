import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import { Role } from '@careers/contracts';
import { errorCode, Factory, ok, startApi, type TestApi, type TestUser } from '@careers/testing';
import { createApiApp } from '../src/app.js';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken expiresIn user { id } } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { refreshToken } }`;
const ME = `{ me { id } }`;
const COOKIE = { 'x-session-transport': 'cookie' };

/** The careers_refresh cookie a response sets, as the browser reads it. */
function refreshCookie(headers: Headers): { value: string; attributes: string[] } | undefined {
  const line = headers.getSetCookie().find((c) => c.startsWith('careers_refresh='));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((p) => p.trim());
  return { value: pair!.slice('careers_refresh='.length), attributes };
}

interface AuthCall {
  cookie?: string;
  csrf?: string | null;
  origin?: string;
  headers?: Record<string, string>;
}

/** POST /auth/<route> as the web client sends it: no body, the cookie, X-CSRF-Protection: 1. */
async function auth(api: TestApi, route: 'refresh' | 'sign-out', call: AuthCall = {}) {
  const { cookie, csrf = '1', origin, headers = {} } = call;
  const res = await fetch(`${api.url}/auth/${route}`, {
    method: 'POST',
    headers: {
      ...(csrf !== null ? { 'x-csrf-protection': csrf } : {}),
      ...(cookie !== undefined ? { cookie: `theme=dark; careers_refresh=${cookie}` } : {}),
      ...(origin ? { origin } : {}),
      ...headers,
    },
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : null, cookie: refreshCookie(res.headers), headers: res.headers };
}

async function browserSignIn(api: TestApi, person: TestUser, headers: Record<string, string> = {}) {
  const result = await api.gql(SIGN_IN, { input: { email: person.email, password: person.password } }, undefined, { ...COOKIE, ...headers });
  return { payload: ok(result).signIn, cookie: refreshCookie(result.headers) };
}

describe('sessions in a browser: the refresh token in an HttpOnly cookie (PUBLIC_URL not set)', () => {
  let api: TestApi;
  let factory: Factory;
  let institution: Awaited<ReturnType<Factory['institution']>>;

  beforeAll(async () => {
    // TRUST_PROXY=1: this test is the proxy, and says with X-Forwarded-Proto when the browser came over https.
    api = await startApi(createApiApp, { TRUST_PROXY: '1' });
    factory = new Factory(api);
    institution = await factory.institution();
  });
  afterAll(() => api.close());

  it('signs in with X-Session-Transport: cookie: the refresh token only in the cookie, HttpOnly, SameSite=Strict, on /auth', async () => {
    const person = await factory.user(Role.STUDENT, { institution });
    const { payload, cookie } = await browserSignIn(api, person);
    expect(payload.refreshToken).toBeNull();
    expect(payload.expiresIn).toBe(900);
    expect(ok(await api.gql(ME, {}, payload.accessToken)).me.id).toBe(person.user.id);
    expect(cookie?.value).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/);
    // PUBLIC_URL is http://localhost here (a developer's machine): a Secure cookie would be dropped over http.
    expect(cookie?.attributes.sort()).toEqual([`Max-Age=${30 * 24 * 3600}`, 'HttpOnly', 'Path=/auth', 'SameSite=Strict'].sort());

    // Over https (as the proxy in front says), the cookie is Secure whatever PUBLIC_URL is.
    const overHttps = await browserSignIn(api, person, { 'x-forwarded-proto': 'https' });
    expect(overHttps.cookie?.attributes).toContain('Secure');
  });

  it('without the header, signIn answers the refresh token and sets no cookie, as before', async () => {
    const person = await factory.user(Role.STUDENT, { institution });
    const result = await api.gql(SIGN_IN, { input: { email: person.email, password: person.password } });
    expect(ok(result).signIn.refreshToken).toMatch(/^[0-9a-f-]{36}\./);
    expect(result.headers.getSetCookie()).toEqual([]);
    expect(ok(await api.gql(REFRESH, { t: ok(result).signIn.refreshToken })).refreshSession.refreshToken).toEqual(expect.any(String));
  });

  it('refreshes with the cookie: a new access token and the next cookie; a used cookie again, once its successor was used, signs the whole session out', async () => {
    const person = await factory.user(Role.ALUMNUS, { institution });
    const first = (await browserSignIn(api, person)).cookie!.value;

    const refreshed = await auth(api, 'refresh', { cookie: first });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
    expect(ok(await api.gql(ME, {}, refreshed.body!['accessToken'])).me.id).toBe(person.user.id);
    const second = refreshed.cookie!;
    expect(second.value).not.toBe(first);
    expect(second.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/auth']));

    // The session went on with the next cookie; the first one comes back (a thief, or two tabs that both spent it):
    // refused, the cookie cleared, and the session is over. (Before the next cookie is used, that is an aborted page
    // load instead: sessions.spec.ts.)
    const third = (await auth(api, 'refresh', { cookie: second.value })).cookie!;
    const replay = await auth(api, 'refresh', { cookie: first });
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/already used.*Sign in again\.$/) } });
    expect(replay.cookie).toEqual({ value: '', attributes: expect.arrayContaining(['Max-Age=0', 'Path=/auth', 'HttpOnly']) });
    const after = await auth(api, 'refresh', { cookie: third.value });
    expect(after.status).toBe(401);
    expect(after.body?.['error'].code).toBe('UNAUTHENTICATED');
  });

  it('refuses a missing or forged cookie with 401, and clears it', async () => {
    const missing = await auth(api, 'refresh');
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/Sign in again\.$/) } });
    expect(missing.cookie?.attributes).toContain('Max-Age=0');

    const person = await factory.user(Role.STUDENT, { institution });
    const [id] = (await browserSignIn(api, person)).cookie!.value.split('.');
    const forged = await auth(api, 'refresh', { cookie: `${id}.forged-secret` });
    expect(forged.status).toBe(401);
    expect(forged.cookie?.value).toBe('');
  });

  it('signs out with the cookie: 204, the cookie cleared, and it refreshes no more; an unknown cookie is 204 too', async () => {
    const person = await factory.user(Role.STUDENT, { institution });
    const cookie = (await browserSignIn(api, person)).cookie!.value;
    const out = await auth(api, 'sign-out', { cookie });
    expect(out.status).toBe(204);
    expect(out.body).toBeNull();
    expect(out.cookie).toEqual({ value: '', attributes: expect.arrayContaining(['Max-Age=0', 'Path=/auth']) });
    expect((await auth(api, 'refresh', { cookie })).status).toBe(401);

    expect((await auth(api, 'sign-out', { cookie: `${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}.nothing` })).status).toBe(204);
    expect((await auth(api, 'sign-out')).status).toBe(204);
  });

  it('refuses a call without X-CSRF-Protection: 1, or from a page of another origin, with 403, and spends nothing', async () => {
    const person = await factory.user(Role.STUDENT, { institution });
    const cookie = (await browserSignIn(api, person)).cookie!.value;

    for (const call of [{ csrf: null }, { csrf: '0' }, { origin: 'https://evil.example' }, { origin: 'null' }] satisfies AuthCall[]) {
      for (const route of ['refresh', 'sign-out'] as const) {
        const refused = await auth(api, route, { cookie, ...call });
        expect({ route, call, status: refused.status }).toEqual({ route, call, status: 403 });
        expect(refused.body).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String) } });
        expect(refused.cookie).toBeUndefined();
      }
    }
    // PUBLIC_URL is not set: the request's own origin is the one accepted. The session lived through all of the above.
    const own = await auth(api, 'refresh', { cookie, origin: api.url });
    expect(own.status).toBe(200);
  });

  it('changes the password with the header: every other session ends, and the new one is in the cookie', async () => {
    const person = await factory.user(Role.ALUMNUS, { institution });
    const before = (await browserSignIn(api, person)).cookie!.value;
    const changed = await api.gql(CHANGE, { input: { currentPassword: person.password, newPassword: 'a brand new password' } }, person.token, COOKIE);
    expect(ok(changed).changePassword.refreshToken).toBeNull();
    const next = refreshCookie(changed.headers)!.value;
    expect((await auth(api, 'refresh', { cookie: before })).status).toBe(401);
    expect((await auth(api, 'refresh', { cookie: next })).status).toBe(200);
    // The GraphQL mutations keep their own rules: a cookie's token works nowhere else but is the same kind of token.
    expect(errorCode(await api.gql(REFRESH, { t: before }))).toBe('UNAUTHENTICATED');
  });
});

describe('sessions in a browser with PUBLIC_URL set', () => {
  let api: TestApi;
  let factory: Factory;

  beforeAll(async () => {
    api = await startApi(createApiApp, { PUBLIC_URL: 'https://careers.example/network' });
    factory = new Factory(api);
  });
  afterAll(() => api.close());

  it('sets a Secure cookie, and accepts only PUBLIC_URL’s origin', async () => {
    const person = await factory.user(Role.STUDENT, { institution: await factory.institution() });
    const { cookie } = await browserSignIn(api, person);
    expect(cookie?.attributes).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/auth']));

    // The api's own address is not the public one: a page there is another origin.
    expect((await auth(api, 'refresh', { cookie: cookie!.value, origin: api.url })).status).toBe(403);
    const fromPublic = await auth(api, 'refresh', { cookie: cookie!.value, origin: 'https://careers.example' });
    expect(fromPublic.status).toBe(200);
    expect(fromPublic.cookie?.attributes).toContain('Secure');
  });
});

describe('sessions in a real browser (Chromium)', () => {
  let api: TestApi;
  let factory: Factory;
  let browser: Browser;
  let dist: string;

  beforeAll(async () => {
    // A page of the api's origin that does nothing by itself (the real client would resume its session on load).
    dist = mkdtempSync(join(tmpdir(), 'careers-web-blank-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');
    api = await startApi(createApiApp, { WEB_DIST_DIR: dist });
    factory = new Factory(api);
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('keeps the refresh token out of the page, sends the cookie to /auth only, and its Origin passes the check', async () => {
    const person = await factory.user(Role.STUDENT, { institution: await factory.institution() });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${api.url}/sign-in`);
    const call = (path: string, headers: Record<string, string>, body?: unknown) =>
      page.evaluate(
        async ({ path, headers, body }) => {
          const res = await fetch(path, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
          const text = await res.text();
          return { status: res.status, body: text ? JSON.parse(text) : null };
        },
        { path, headers, body },
      );

    const signIn = await call(
      '/graphql',
      { 'content-type': 'application/json', 'x-session-transport': 'cookie' },
      { query: SIGN_IN, variables: { input: { email: person.email, password: person.password } } },
    );
    expect(signIn.body.data.signIn).toMatchObject({ refreshToken: null, user: { id: person.user.id } });
    expect(await page.evaluate('document.cookie')).toBe('');
    expect((await context.cookies()).map((c) => ({ name: c.name, path: c.path, httpOnly: c.httpOnly, sameSite: c.sameSite }))).toEqual([
      { name: 'careers_refresh', path: '/auth', httpOnly: true, sameSite: 'Strict' },
    ]);

    // The browser sends the cookie and its own Origin; twice in a row, each with the cookie the last one set.
    for (let i = 0; i < 2; i++) {
      const refreshed = await call('/auth/refresh', { 'x-csrf-protection': '1' });
      expect(refreshed).toEqual({ status: 200, body: { accessToken: expect.any(String), expiresIn: 900 } });
      expect(ok(await api.gql(ME, {}, refreshed.body.accessToken)).me.id).toBe(person.user.id);
    }
    expect((await call('/auth/sign-out', { 'x-csrf-protection': '1' })).status).toBe(204);
    expect(await context.cookies()).toEqual([]);
    expect((await call('/auth/refresh', { 'x-csrf-protection': '1' })).status).toBe(401);
    await context.close();
  }, 60_000);
});
