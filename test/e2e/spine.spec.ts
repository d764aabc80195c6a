import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@careers/contracts';
import { Outbox } from '@careers/platform';
import { DECIDE_ORGANISATION, errorCode, eventually, Factory, lockWorkerTests, ok, startApi, startRedisServer, startWorkerProcess, type TestApi } from '@careers/testing';
import { SignJWT } from 'jose';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.js';

// The spine end to end: outbox → relay → BullMQ → listener in a real worker process → PostgreSQL and socket.io.
let api: TestApi;
let db: DataSource;
let outbox: Outbox;
let factory: Factory;
let unlock: () => Promise<void>;

beforeAll(async () => {
  unlock = await lockWorkerTests();
  api = await startApi(createApiApp);
  db = api.app.get(DataSource);
  outbox = api.app.get(Outbox);
  factory = new Factory(api);
}, 180_000);
afterAll(async () => {
  await api.close();
  await unlock();
});

const decided = (memberIds: string[]) => ({
  type: 'identity.organisation-decided' as const,
  aggregateType: 'organisation',
  aggregateId: randomUUID(),
  payload: { organisationId: randomUUID(), organisationName: 'Acme', institutionId: randomUUID(), institutionName: 'Leeds', approved: true, reason: null, memberIds },
});

const countFor = async (userIds: string[]): Promise<number> =>
  (await db.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = ANY($1)`, [userIds]))[0].n;

function connect(token?: string): Promise<Socket> {
  const socket = io(api.url, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

describe('outbox to notifications', () => {
  it('delivers an event committed with its change, never one rolled back', async () => {
    const [kept, dropped] = [randomUUID(), randomUUID()];
    await expect(
      db.transaction(async (tx) => {
        await outbox.append(tx, decided([dropped]));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await db.transaction((tx) => outbox.append(tx, decided([kept])));

    const worker = startWorkerProcess();
    try {
      await eventually('the committed event', async () => (await countFor([kept])) === 1);
      // Only this test's events: other test files write to the same outbox meanwhile.
      const ours = await db.query(
        `SELECT payload->'memberIds'->>0 AS member, completed_at IS NOT NULL AS completed FROM outbox_event WHERE payload->'memberIds' ?| $1`,
        [[kept, dropped]],
      );
      expect(ours).toEqual([{ member: kept, completed: true }]);
      expect(await countFor([dropped])).toBe(0);
    } finally {
      expect(await worker.stop()).toBe(0);
    }
  });

  it('delivers every event exactly once when the worker is SIGKILLed in the middle of a batch', async () => {
    const users = Array.from({ length: 3000 }, () => randomUUID());
    await db.transaction((tx) => outbox.append(tx, ...users.map((u) => decided([u]))));
    const first = startWorkerProcess();
    await eventually('the first deliveries', async () => (await countFor(users)) > 100);
    first.child.kill('SIGKILL');
    await first.exited;
    const doneBeforeKill = await countFor(users);
    expect(doneBeforeKill).toBeLessThan(users.length);

    const second = startWorkerProcess();
    try {
      await eventually('every delivery', async () => (await countFor(users)) >= users.length, 60_000);
      const perUser = await db.query(
        `SELECT count(DISTINCT user_id)::int AS users, count(*)::int AS rows FROM notification WHERE user_id = ANY($1)`,
        [users],
      );
      expect(perUser[0]).toEqual({ users: users.length, rows: users.length });
    } finally {
      await second.stop();
    }
  }, 90_000);

  it('delivers every event exactly once after Redis loses everything (FLUSHALL) and the worker restarts', async () => {
    const redis = await startRedisServer();
    try {
      const users = Array.from({ length: 2000 }, () => randomUUID());
      await db.transaction((tx) => outbox.append(tx, ...users.map((u) => decided([u]))));
      const first = startWorkerProcess({ REDIS_URL: redis.url });
      await eventually('the first deliveries', async () => (await countFor(users)) > 50);
      first.child.kill('SIGKILL');
      await first.exited;
      expect(await countFor(users)).toBeLessThan(users.length);
      expect(Number(await redis.client.dbsize())).toBeGreaterThan(0);
      await redis.client.flushall();

      const second = startWorkerProcess({ REDIS_URL: redis.url });
      try {
        await eventually('every delivery', async () => (await countFor(users)) >= users.length, 60_000);
        const rows = await db.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = ANY($1)`, [users]);
        expect(rows[0].n).toBe(users.length);
      } finally {
        await second.stop();
      }
    } finally {
      await redis.stop();
    }
  }, 90_000);
});

describe('realtime push and the inbox', () => {
  it('pushes to a connected member through the worker, and an offline member reads it later', async () => {
    const institution = await factory.institution('Push University');
    const staff = await factory.user(Role.STAFF, { institution });
    const org = await factory.organisation({ pendingAt: institution });
    const [online, offline] = await Promise.all([
      factory.user(Role.EMPLOYER, { organisation: org }),
      factory.user(Role.EMPLOYER, { organisation: org }),
    ]);
    const worker = startWorkerProcess();
    const socket = await connect(online.token);
    try {
      const pushed = new Promise<{ title: string; kind: string }>((resolve) => socket.once('notification', resolve));
      ok(await api.gql(DECIDE_ORGANISATION, { input: { organisationId: org.id, approve: true } }, staff.token));
      expect(await pushed).toMatchObject({ kind: 'organisation-decided', title: `Push University approved ${org.name}` });

      const INBOX = `{ unreadNotificationCount notifications(first: 10) { edges { node { id title readAt } } } }`;
      const inbox = ok(await api.gql(INBOX, {}, offline.token));
      expect(inbox.unreadNotificationCount).toBe(1);
      expect(inbox.notifications.edges[0].node).toMatchObject({ title: `Push University approved ${org.name}`, readAt: null });

      // Only one's own notifications: another person's id is NOT_FOUND.
      const id = inbox.notifications.edges[0].node.id;
      expect(errorCode(await api.gql(`mutation($id: ID!) { markNotificationRead(id: $id) { id } }`, { id }, online.token))).toBe('NOT_FOUND');
      expect(ok(await api.gql(`mutation($id: ID!) { markNotificationRead(id: $id) { readAt } }`, { id }, offline.token)).markNotificationRead.readAt).not.toBeNull();
      expect(ok(await api.gql(INBOX, {}, offline.token)).unreadNotificationCount).toBe(0);
      expect(ok(await api.gql(`mutation { markAllNotificationsRead }`, {}, online.token)).markAllNotificationsRead).toBe(1);
    } finally {
      socket.close();
      await worker.stop();
    }
  }, 60_000);

  it('refuses a socket handshake without a token, with a forged one, or with an expired one', async () => {
    const person = await factory.user(Role.STUDENT, { institution: await factory.institution() });
    await expect(connect()).rejects.toThrow(/access token/);
    const [h, p] = person.token.split('.');
    await expect(connect(`${h}.${p}.Zm9yZ2Vk`)).rejects.toThrow(/not valid/);
    const secret = new TextEncoder().encode(process.env['JWT_SECRET']);
    const expired = await new SignJWT({ role: 'STUDENT', inst: null, org: null, trust: 'NEW', sid: randomUUID() })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(person.user.id)
      .setIssuer('careers-network')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(secret);
    await expect(connect(expired)).rejects.toThrow(/expired/);
    const socket = await connect(person.token);
    expect(socket.connected).toBe(true);
    socket.close();
  });

  it('disconnects a socket when its token expires unless it is refreshed', async () => {
    const shortLived = await startApi(createApiApp, { ACCESS_TOKEN_TTL: '2' });
    try {
      const people = new Factory(shortLived);
      const institution = await factory.institution();
      const [lapsing, refreshing, other] = await Promise.all([
        people.user(Role.STUDENT, { institution }),
        people.user(Role.STUDENT, { institution }),
        people.user(Role.STUDENT, { institution }),
      ]);
      const open = (token: string) => io(shortLived.url, { auth: { token }, transports: ['websocket'], reconnection: false });
      const a = open(lapsing.token);
      const b = open(refreshing.token);
      const aClosed = new Promise<string>((resolve) => a.once('disconnect', resolve));
      let bClosed = false;
      b.on('disconnect', () => (bClosed = true));

      // b answers the warning with a fresh token (of its own: another person's is refused).
      await new Promise((resolve) => b.once('auth:expiring', resolve));
      const refresh = (token: string) => new Promise<{ ok: boolean; error?: string }>((resolve) => b.emit('auth:refresh', token, resolve));
      expect(await refresh(other.token)).toEqual({ ok: false, error: 'The token is for another person.' });
      // A token that outlives the short-lived ones (signed as AccessTokens signs them, for a minute).
      const fresh = await new SignJWT({ role: 'STUDENT', inst: institution.id, org: null, trust: 'NEW', sid: randomUUID() })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(refreshing.user.id)
        .setIssuer('careers-network')
        .setIssuedAt()
        .setExpirationTime('60s')
        .sign(new TextEncoder().encode(process.env['JWT_SECRET']));
      expect(await refresh(fresh)).toMatchObject({ ok: true });

      expect(await aClosed).toBe('io server disconnect');
      expect(bClosed).toBe(false);
      a.close();
      b.close();
    } finally {
      await shortLived.close();
    }
  });
});
