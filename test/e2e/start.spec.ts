import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@careers/testing';
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
  // Detached, so that a test can signal its whole process group the way a terminal's Ctrl-C does.
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    env: { ...unconfigured, CAREERS_DATA_DIR: dataDir, PORT: String(port), EMBEDDED_POSTGRES_PORT: String(port + 1000), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  started.push({ child, exited });
  return { child, output: () => output, exited };
}
const started: { child: ChildProcess; exited: Promise<unknown> }[] = [];

/** A node script run as a user would from the repository, with none of the settings of npm start. */
function node(args: string[], env: Record<string, string> = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...unconfigured, CAREERS_DATA_DIR: dataDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The process `parent` started with `script` in its command line (from /proc: Linux). */
function childOf(parent: number, script: string): number {
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(script)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`${parent} has no child running ${script}`);
}

const stackTrace = /\n\s+at .+:\d+:\d+/;

const graphql = <T>(query: string, variables: Record<string, unknown> = {}, token?: string) =>
  fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  }).then((r) => r.json() as Promise<{ data?: T; errors?: { message: string }[] }>);

const signIn = (email: string, password = 'careers-demo-2026') =>
  graphql<{ signIn: { accessToken: string; user: { displayName: string; role: string } } }>(
    `mutation($i: SignInInput!) { signIn(input: $i) { accessToken user { displayName role } } }`,
    { i: { email, password } },
  );

describe('npm start with nothing configured', () => {
  afterAll(async () => {
    // A test that failed half-way leaves its copy running: stop it as a user would, database included.
    for (const { child, exited } of started) {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts embedded PostgreSQL, seeds the demo once, serves GraphQL, survives a crash, stops on Ctrl-C or SIGTERM, and keeps its data', async () => {
    const workerHealth = `http://127.0.0.1:${port + 2000}/health/ready`;
    const first = start({ WORKER_HEALTH_PORT: String(port + 2000) });
    try {
      await eventually('the first start to serve GraphQL', () => first.output().includes('GraphQL: http://localhost'), 120_000);
    } catch (error) {
      // SIGTERM, not SIGKILL: it stops the embedded PostgreSQL it started (in a process group of its own).
      process.kill(-first.child.pid!, 'SIGTERM');
      await first.exited;
      throw new Error(`It did not start:\n${first.output()}`, { cause: error });
    }
    expect(first.output()).toContain('Demo sign-ins');
    expect(first.output()).toContain('student@demo.ac.uk');
    // The web client at the same address (before apps/web is built, a page saying how), under the policy.
    expect(first.output()).toContain(`Open http://localhost:${port} in a browser`);
    const home = await fetch(`http://127.0.0.1:${port}/`, { headers: { accept: 'text/html' } });
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    expect(home.headers.get('content-security-policy')).toContain("script-src 'self';");
    // Where the database is, for psql and the commands around npm start.
    const databaseUrl = `postgres://careers:careers-local@127.0.0.1:${port + 1000}/careers`;
    expect(first.output()).toContain(`Embedded PostgreSQL: ${databaseUrl}`);
    // The worker's health check (docker/compose.yml asks it): ready while it reaches PostgreSQL and Redis.
    await eventually('the worker to be healthy', () => fetch(workerHealth).then((r) => r.ok, () => false), 60_000);
    expect(await fetch(workerHealth).then((r) => r.json())).toEqual({ status: 'ok', postgres: 'up', redis: 'up' });
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
    // And live chats: one on now, whose room the demo student enters over a real socket (a few messages were
    // said already), one tomorrow and one next week (apps/api/test/demo-data.spec.ts checks the rest of the demo).
    const chats = await graphql<{ upcomingLiveChats: { edges: { node: { id: string; title: string } }[] } }>(
      `{ upcomingLiveChats(first: 10) { edges { node { id title } } } }`,
      {},
      student?.accessToken,
    );
    const [now, ...later] = chats.data!.upcomingLiveChats.edges.map((e) => e.node);
    expect([now?.title, ...later.map((c) => c.title)]).toEqual(['Ask Acme Analytics anything', 'A day in data: graduate roles at Acme', 'Data careers clinic: bring your CV']);
    const socket = io(`http://127.0.0.1:${port}/live-chats`, { auth: { token: student?.accessToken }, transports: ['websocket'], reconnection: false });
    try {
      expect(await socket.timeout(10_000).emitWithAck('room:join', { eventId: now!.id })).toMatchObject({ ok: true, role: 'REGISTERED', lastSeq: 7 });
      expect(await socket.timeout(10_000).emitWithAck('message:send', { eventId: now!.id, clientId: randomUUID(), body: 'Hello from the demo' })).toMatchObject({
        ok: true,
        message: { seq: 8, authorName: 'Stella Student' },
      });

      // The README's example client, as written (no arguments but the address of this copy): it shows
      // what was said, then what is said next, and leaves on Ctrl-C.
      const client = node(['docs/examples/live-chat-client.mjs', `http://127.0.0.1:${port}`]);
      await eventually('the example client to catch up', () => client.output().includes('caught up'), 30_000).catch((error: unknown) => {
        throw new Error(`The example client did not catch up:\n${client.output()}`, { cause: error });
      });
      expect(client.output()).toContain('Stella Student: Hello from the demo');
      await socket.timeout(10_000).emitWithAck('message:send', { eventId: now!.id, clientId: randomUUID(), body: 'And one said live' });
      await eventually('the example client to show the live message', () => client.output().includes('Stella Student: And one said live'), 30_000);
      client.child.kill('SIGINT');
      expect(await client.exited).toBe(0);
    } finally {
      socket.close();
    }

    // The README's examples, as written (on this copy's port): the sign-in comes first, and the queries
    // after it, sent with its token, answer.
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const shell = /```sh\n(TOKEN=[\s\S]*?)```/.exec(readme)![1]!.replaceAll('http://localhost:3000', `http://127.0.0.1:${port}`);
    const curl = spawnSync('bash', ['-c', shell], { encoding: 'utf8' });
    expect(JSON.parse(curl.stdout)).toEqual({
      data: { me: { displayName: 'Stella Student', role: 'STUDENT', institution: { name: 'Demo University' }, profile: { course: 'History', sectors: ['law'] } } },
    });
    const [signInOperation, ...queries] = /```graphql\n([\s\S]*?)```/
      .exec(readme)![1]!
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'));
    expect(signInOperation).toMatch(/^mutation \{ signIn/);
    const token = (await graphql<{ signIn: { accessToken: string } }>(signInOperation!)).data!.signIn.accessToken;
    expect(queries.length).toBeGreaterThan(2);
    for (const query of queries) expect(await graphql(query, {}, token)).not.toHaveProperty('errors');

    // The commands around npm start find its database with no settings, while it runs.
    const migrate = node(['apps/api/dist/migrate.js']);
    expect(await migrate.exited).toBe(0);
    expect(migrate.output()).toContain('The schema is up to date.');
    // seed --admin: the sign-up rule for passwords, and a clear answer for a taken email; neither changes anything.
    const seed = (email: string, password: string) => node(['apps/api/dist/seed.js', '--admin', email], { ADMIN_PASSWORD: password });
    const short = seed('root@example.org', 'short');
    expect(await short.exited).toBe(1);
    expect(short.output()).toContain('password must be 10 to 256 characters long');
    expect(short.output()).not.toMatch(stackTrace);
    expect((await signIn('root@example.org', 'short')).data?.signIn).toBeUndefined();
    const taken = seed('admin@demo.ac.uk', 'a-new-admin-password');
    expect(await taken.exited).toBe(1);
    expect(taken.output()).toContain('An account with the email admin@demo.ac.uk exists already');
    expect(taken.output()).not.toMatch(stackTrace);
    expect((await signIn('admin@demo.ac.uk')).data?.signIn.user.role).toBe('ADMIN');
    const made = seed('root@example.org', 'a-new-admin-password');
    expect(await made.exited).toBe(0);
    expect((await signIn('root@example.org', 'a-new-admin-password')).data?.signIn.user.role).toBe('ADMIN');

    // A crashed api is started again, and serves again.
    process.kill(childOf(first.child.pid!, 'apps/api/dist/main.js'), 'SIGKILL');
    await eventually('the restart notice', () => first.output().includes('The api stopped (SIGKILL); starting it again'), 10_000);
    await eventually('the restarted api to sign in', async () => (await signIn('student@demo.ac.uk').catch(() => undefined))?.data?.signIn.user.role === 'STUDENT', 60_000);

    // Ctrl-C in a terminal: SIGINT to the whole process group. The database stops after its users: no
    // lost connections, no stack traces.
    const before = first.output().length;
    process.kill(-first.child.pid!, 'SIGINT');
    expect(await first.exited).toBe(0);
    const stopping = first.output().slice(before);
    expect(stopping).not.toContain('lost its connection');
    expect(stopping).not.toMatch(stackTrace);
    expect(stopping).toContain('Stopped.');

    // With npm start stopped, the commands say what to do.
    const alone = node(['apps/api/dist/migrate.js']);
    expect(await alone.exited).toBe(1);
    expect(alone.output()).toContain('The embedded PostgreSQL of npm start');
    expect(alone.output()).toContain('is not running');
    expect(alone.output()).not.toMatch(stackTrace);

    const second = start();
    await eventually('the second start to serve GraphQL', () => second.output().includes('GraphQL: http://localhost'), 120_000);
    expect(second.output()).not.toContain('Demo sign-ins');
    expect((await signIn('staff@demo.ac.uk')).data?.signIn.user.role).toBe('STAFF');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 360_000);

  it('migrate and seed without DATABASE_URL or a started npm start say what to do', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'careers-nothing-'));
    try {
      for (const script of ['apps/api/dist/migrate.js', 'apps/api/dist/seed.js']) {
        const run = node([script], { CAREERS_DATA_DIR: elsewhere });
        expect(await run.exited).toBe(1);
        expect(run.output()).toContain('DATABASE_URL is not set, and there is no embedded PostgreSQL of npm start');
        expect(run.output()).not.toMatch(stackTrace);
      }
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);

  it('the example live chat client says what to do when no api answers', async () => {
    const run = node(['docs/examples/live-chat-client.mjs', 'http://127.0.0.1:1']);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Nothing answers at http://127.0.0.1:1. Start the demo with `npm start`');
  }, 30_000);

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
