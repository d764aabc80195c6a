import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@careers/platform/dev';
import {
  type ApiProcess,
  createPrivateDatabase,
  eventually,
  Factory,
  freePort,
  startApi,
  startApiProcess,
  startRedisServer,
  startWorkerProcess,
  type TestApi,
  type WorkerProcess,
} from '@careers/testing';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { createApiApp } from '../../apps/api/src/app.js';
import { schemaParts } from '../../apps/api/src/database.js';
import { LiveChatClient } from '../../docs/examples/live-chat-client.mjs';

const root = new URL('../..', import.meta.url).pathname;

const ready = (api: ApiProcess) => fetch(`${api.url}/health/ready`).then((r) => r.status, () => 0);

async function gql(api: ApiProcess, query: string, token?: string) {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

describe('PostgreSQL restarting under two api processes and a worker', () => {
  // A PostgreSQL of this file's own, which the test stops: never the one the other test files use.
  const dataDir = `${root}.data/outage-postgres-${randomBytes(4).toString('hex')}`;
  let port: number;
  let server: EmbeddedDatabase;
  let database: { url: string; drop(): Promise<void> };
  let fixtures: TestApi;
  let apis: ApiProcess[] = [];
  let worker: WorkerProcess;
  let socket: Socket;

  beforeAll(async () => {
    // A port the system hands out (a random one may be taken); the restart below reuses it.
    port = await freePort();
    server = await startEmbeddedPostgres(dataDir, port);
    database = await createPrivateDatabase(server.url('postgres'), schemaParts);
    const env = { DATABASE_URL: database.url, REDIS_PREFIX: `${process.env['REDIS_PREFIX']}-outage` };
    fixtures = await startApi(createApiApp, { ...env, MIGRATIONS_RUN: 'false' });
    apis = [await startApiProcess(env), await startApiProcess(env)]; // one after the other: two at once time out on a busy machine
    worker = startWorkerProcess(env);
  }, 180_000);
  afterAll(async () => {
    socket?.close();
    await Promise.all([...apis.map((a) => a.stop()), worker?.stop()]);
    await fixtures?.close();
    await database?.drop().catch(() => undefined);
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses with UNAVAILABLE and retryAfter while it is down, and a message sent meanwhile is stored once it is back', async () => {
    const { eventId, students } = await new Factory(fixtures).liveChat(1);
    const student = students[0]!;
    socket = io(`${apis[0]!.url}/live-chats`, { auth: { token: student.token }, transports: ['websocket'] });
    const chat = new LiveChatClient(socket, eventId, {});
    await chat.ready;

    await server.stop();

    // The chat: a code the client rules say to retry, with when.
    const refused = await socket.timeout(20_000).emitWithAck('message:send', { eventId, clientId: randomUUID(), body: 'lost?' });
    expect(refused).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/Try again in 5 seconds/), retryAfter: 5 } });
    // GraphQL, on the other api process: the same, with extensions.retryAfterSeconds.
    const mutation = await gql(apis[1]!, `mutation { markAllNotificationsRead }`, student.token);
    expect(mutation.errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: 5 });
    expect(await ready(apis[1]!)).toBe(503);

    // What the person typed during the restart: the client retries on UNAVAILABLE until it is stored.
    const typed = `typed during the restart ${randomUUID()}`;
    const sent = chat.send(typed);
    server = await startEmbeddedPostgres(dataDir, port);
    const message = await sent;
    expect(message).toMatchObject({ body: typed, seq: expect.any(Number) });

    for (const api of apis) await eventually('the api to be ready again', async () => (await ready(api)) === 200, 30_000);
    expect((await gql(apis[1]!, `mutation { markAllNotificationsRead }`, student.token)).data).toEqual({ markAllNotificationsRead: 0 });
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const stored = await db.query(`SELECT count(*)::int AS n FROM live_chat_message WHERE event_id = $1 AND body = $2`, [eventId, typed]);
    await db.end();
    expect(stored.rows[0]).toEqual({ n: 1 });
    expect([...apis.map((a) => a.child.exitCode), worker.child.exitCode]).toEqual([null, null, null]);
    chat.close();
  }, 180_000);
});

describe('an api started while Redis is down', () => {
  it('serves, answers not ready until Redis is up, then becomes ready', async () => {
    const redis = await startRedisServer();
    await redis.pause();
    const api = await startApiProcess({ REDIS_URL: redis.url }, { waitUntilReady: false });
    try {
      const res = await fetch(`${api.url}/health/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ postgres: 'up', redis: expect.stringMatching(/^down/) });

      await redis.resume();
      await eventually('the api to be ready', async () => (await ready(api)) === 200, 30_000);
      // Sign-in goes through the rate limiter in Redis.
      const signIn = await gql(api, `mutation { signIn(input: { email: "nobody@example.org", password: "not the password" }) { accessToken } }`);
      expect(signIn.errors?.[0]?.extensions['code']).toBe('UNAUTHENTICATED');
      expect(api.child.exitCode).toBeNull();
    } finally {
      await api.stop();
      await redis.stop();
    }
  }, 90_000);
});
