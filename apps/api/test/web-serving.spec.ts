import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, type TestApi } from '@careers/testing';
import { createApiApp } from '../src/app.js';

// A built client as Vite leaves it: the shell, a content-hashed script under assets/, a file of public/.
const SHELL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Careers network</title>
<script type="module" crossorigin src="/assets/index-B3xk9Q2a.js"></script></head><body><div id="root"></div></body></html>`;
const SCRIPT = `document.getElementById('root').textContent = 'fixture client';\n`;

function buildFixtureClient(): string {
  const dir = mkdtempSync(join(tmpdir(), 'careers-web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), SHELL);
  writeFileSync(join(dir, 'assets', 'index-B3xk9Q2a.js'), SCRIPT);
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\nAllow: /\n');
  return dir;
}

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** The Content-Security-Policy of an answer, directive → sources. */
function policyOf(headers: Headers): Map<string, string[]> {
  const csp = headers.get('content-security-policy');
  if (!csp) throw new Error('no Content-Security-Policy');
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** What every answer of the api carries, whatever it is. */
function expectSecurityHeaders(headers: Headers, where: string): void {
  const policy = policyOf(headers);
  const scripts = policy.get('script-src') ?? policy.get('default-src');
  expect({ where, scripts }).toEqual({ where, scripts: ["'self'"] });
  expect({ where, frames: policy.get('frame-ancestors'), objects: policy.get('object-src') }).toEqual({ where, frames: ["'none'"], objects: ["'none'"] });
  expect({ where, nosniff: headers.get('x-content-type-options') }).toEqual({ where, nosniff: 'nosniff' });
  expect({ where, referrer: headers.get('referrer-policy') }).toEqual({ where, referrer: 'strict-origin-when-cross-origin' });
  expect({ where, poweredBy: headers.get('x-powered-by'), framing: headers.get('x-frame-options') }).toEqual({ where, poweredBy: null, framing: 'DENY' });
}

describe('the api serves the built web client at its own address', () => {
  let api: TestApi;
  let dist: string;
  const get = (path: string, headers: Record<string, string> = HTML, method = 'GET') => fetch(`${api.url}${path}`, { method, headers });

  beforeAll(async () => {
    dist = buildFixtureClient();
    api = await startApi(createApiApp, { WEB_DIST_DIR: dist });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers / with the shell, revalidated at each load, under the policy without inline script', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(SHELL);
    expectSecurityHeaders(res.headers, '/');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;connect-src 'self';font-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
    );
  });

  it('serves hashed assets cached for a year, and a missing one as 404, never the shell', async () => {
    const asset = await get('/assets/index-B3xk9Q2a.js', { accept: '*/*' });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe(SCRIPT);
    expectSecurityHeaders(asset.headers, 'asset');

    const missing = await get('/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<div id="root">');
    expectSecurityHeaders(missing.headers, '404');

    const publicFile = await get('/robots.txt', { accept: '*/*' });
    expect([publicFile.status, publicFile.headers.get('cache-control')]).toEqual([200, 'no-cache']);
  });

  it('answers a client route with the shell for a browser, and 404 for a script that wants JSON', async () => {
    for (const path of ['/vacancies/123', '/live-chats/8c6f7a56-58e5-4a0e-9d0e-7d0c9c1b2a3f/room', '/approvals/organisations', '/no/such/page']) {
      const res = await get(path);
      expect({ path, status: res.status, cache: res.headers.get('cache-control') }).toEqual({ path, status: 200, cache: 'no-cache' });
      expect(await res.text()).toBe(SHELL);
      expectSecurityHeaders(res.headers, path);
    }
    const head = await get('/vacancies/123', HTML, 'HEAD');
    expect([head.status, head.headers.get('content-type')?.startsWith('text/html')]).toEqual([200, true]);
    expect((await get('/vacancies/123', { accept: 'application/json' })).status).toBe(404);
    expect((await get('/vacancies/123', HTML, 'POST')).status).toBe(404);
  });

  it('leaves the api routes to the api, under the same headers', async () => {
    const health = await get('/health/live');
    expect(await health.json()).toEqual({ status: 'ok' });
    expectSecurityHeaders(health.headers, '/health/live');

    // Each route answers with its own refusal for a link that is not valid: the route, not the shell, answered.
    const routes: [string, number, RegExp][] = [
      ['/alerts/feeds/nothing-here-at-all-0000.atom', 404, /^No such feed/],
      ['/alerts/feeds/', 404, /Cannot GET/],
      ['/live-chats/8c6f7a56-58e5-4a0e-9d0e-7d0c9c1b2a3f/event.ics?token=forged', 404, /^No such calendar/],
      ['/calendar/forged.ics', 404, /^No such calendar/],
      ['/unsubscribe?token=forged', 400, /^This unsubscribe link is not valid/],
      ['/alerts/unsubscribe?token=forged', 400, /^This unsubscribe link is not valid/],
      ['/auth/refresh', 404, /Cannot GET/],
    ];
    for (const [path, status, body] of routes) {
      const res = await get(path);
      const text = await res.text();
      expect({ path, status: res.status, body: body.test(text) ? 'theirs' : text }).toEqual({ path, status, body: 'theirs' });
      expectSecurityHeaders(res.headers, path);
    }

    const graphql = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...HTML },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    expectSecurityHeaders(graphql.headers, 'POST /graphql');
  });

  it('keeps GET /graphql for the explorer, with its own policy that still allows no inline script', async () => {
    const explorer = await get('/graphql');
    expect(explorer.status).toBe(200);
    expect(await explorer.text()).toContain('API explorer');
    expectSecurityHeaders(explorer.headers, 'GET /graphql');
    // GraphiQL sets inline styles; that is all the explorer's policy adds.
    expect(policyOf(explorer.headers).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const script = await get('/explorer/start.js', { accept: '*/*' });
    expect(script.status).toBe(200);
    expectSecurityHeaders(script.headers, '/explorer/start.js');
  });
});

describe('before the web client is built', () => {
  let api: TestApi;
  let nothing: string;

  beforeAll(async () => {
    nothing = mkdtempSync(join(tmpdir(), 'careers-web-unbuilt-'));
    api = await startApi(createApiApp, { WEB_DIST_DIR: join(nothing, 'dist') });
  });
  afterAll(async () => {
    await api.close();
    rmSync(nothing, { recursive: true, force: true });
  });

  it('says so at /, and at any page, under the same policy', async () => {
    for (const path of ['/', '/vacancies']) {
      const res = await fetch(`${api.url}${path}`, { headers: HTML });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('The web client is not built yet: run npm run build');
      expectSecurityHeaders(res.headers, path);
    }
    expect((await fetch(`${api.url}/assets/index.js`, { headers: HTML })).status).toBe(404);
  });

  it('serves the client as soon as it is built, without a restart', async () => {
    mkdirSync(join(nothing, 'dist'));
    writeFileSync(join(nothing, 'dist', 'index.html'), SHELL);
    expect(await (await fetch(`${api.url}/sign-in`, { headers: HTML })).text()).toBe(SHELL);
  });
});
