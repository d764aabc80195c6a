import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { io } from 'socket.io-client';

// Black-box: the README's run command (`npm start` = build, then scripts/start.mjs) on a machine with
// nothing configured, with its own data directory and ports so it does not meet a running copy.
const root = new URL('../..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'careers-start-'));
const port = 3900 + Math.floor(Math.random() * 100);
const unconfigured = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'JWT_SECRET', 'NODE_ENV'].includes(k)),
);

function start(env: Record<string, string> = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    env: { ...unconfigured, CAREERS_DATA_DIR: dataDir, PORT: String(port), EMBEDDED_POSTGRES_PORT: String(port + 1000), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const graphql = <T>(query: string, variables: Record<string, unknown> = {}, token?: string) =>
  fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  }).then((r) => r.json() as Promise<{ data?: T }>);

const signIn = (email: string) =>
  graphql<{ signIn: { accessToken: string; user: { displayName: string; role: string } } }>(
    `mutation($i: SignInInput!) { signIn(input: $i) { accessToken user { displayName role } } }`,
    { i: { email, password: 'careers-demo-2026' } },
  );

describe('npm start with nothing configured', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts embedded PostgreSQL, seeds the demo once, serves GraphQL, stops on SIGTERM, and keeps its data', async () => {
    const first = start();
    try {
      await until(() => first.output().includes('GraphQL: http://localhost'), 60_000);
    } catch (error) {
      first.child.kill('SIGKILL');
      throw new Error(`It did not start:\n${first.output()}`, { cause: error });
    }
    expect(first.output()).toContain('Demo sign-ins');
    expect(first.output()).toContain('student@demo.ac.uk');
    const student = (await signIn('student@demo.ac.uk')).data?.signIn;
    expect(student?.user).toEqual({ displayName: 'Stella Student', role: 'STUDENT' });
    // The demo has vacancies to search and an alert to look at.
    const demo = await graphql<{ vacancies: { edges: unknown[] }; alertSubscriptions: { edges: { node: { name: string } }[] } }>(
      `{ vacancies(query: "policy") { edges { node { title } } } alertSubscriptions { edges { node { name } } } }`,
      {},
      student?.accessToken,
    );
    expect(demo.data?.vacancies.edges).toEqual([{ node: { title: 'Policy research volunteer' } }]);
    expect(demo.data?.alertSubscriptions.edges).toEqual([{ node: { name: 'Law and policy' } }]);
    // And live chats: one on now, whose room the demo student enters over a real socket, and one tomorrow.
    const chats = await graphql<{ upcomingLiveChats: { edges: { node: { id: string; title: string } }[] } }>(
      `{ upcomingLiveChats(first: 10) { edges { node { id title } } } }`,
      {},
      student?.accessToken,
    );
    const [now, tomorrow] = chats.data!.upcomingLiveChats.edges.map((e) => e.node);
    expect([now?.title, tomorrow?.title]).toEqual(['Ask Acme Analytics anything', 'A day in data: graduate roles at Acme']);
    const socket = io(`http://127.0.0.1:${port}/live-chats`, { auth: { token: student?.accessToken }, transports: ['websocket'], reconnection: false });
    try {
      expect(await socket.timeout(10_000).emitWithAck('room:join', { eventId: now!.id })).toMatchObject({ ok: true, role: 'REGISTERED', lastSeq: 0 });
      expect(await socket.timeout(10_000).emitWithAck('message:send', { eventId: now!.id, clientId: randomUUID(), body: 'Hello from the demo' })).toMatchObject({
        ok: true,
        message: { seq: 1, authorName: 'Stella Student' },
      });
    } finally {
      socket.close();
    }
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = start();
    await until(() => second.output().includes('GraphQL: http://localhost'), 60_000);
    expect(second.output()).not.toContain('Demo sign-ins');
    expect((await signIn('staff@demo.ac.uk')).data?.signIn.user.role).toBe('STAFF');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 150_000);

  it('stops with a message naming the variable when a setting is wrong', async () => {
    const run = start({ PORT: 'abc' });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toMatch(/PORT: .*\("abc"\)/);
  }, 60_000);

  it('says what to install when no Redis can be found', async () => {
    const run = start({ LOCAL_REDIS_URL: 'redis://127.0.0.1:1', LOCAL_REDIS_PORT: '2', PATH: '/nonexistent' });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain('apt-get install -y redis-server');
  }, 60_000);
});
