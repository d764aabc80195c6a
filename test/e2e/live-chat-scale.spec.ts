import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LiveChatMessagePayload, LiveChatPresence } from '@careers/contracts';
import { type ApiProcess, eventually, Factory, startApi, startApiProcess, type TestApi } from '@careers/testing';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { LiveChatClient } from '../../docs/examples/live-chat-client.mjs';
import { createApiApp } from '../../apps/api/src/app.js';

// The live room across api processes (sharing PostgreSQL and, through the
// socket.io Redis adapter, Redis), one of them killed mid-chat; and a client
// offline for 90 seconds. Real sockets, real processes.
let api: TestApi;
let second: ApiProcess;
let db: DataSource;
let factory: Factory;
const sockets: Socket[] = [];

beforeAll(async () => {
  api = await startApi(createApiApp);
  db = api.app.get(DataSource);
  factory = new Factory(api);
  second = await startApiProcess();
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await second.stop('SIGKILL');
  await api.close();
});

const chat = (n: number) => factory.liveChat(n);

async function member(token: string, eventId: string, url: string, afterSeq = 0) {
  const shown: LiveChatMessagePayload[] = [];
  const presence: LiveChatPresence[] = [];
  /** What reached this socket as a broadcast (not through catch-up). */
  const broadcast: number[] = [];
  const socket = io(`${url}/live-chats`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
  socket.on('message', (m: LiveChatMessagePayload) => broadcast.push(m.seq));
  sockets.push(socket);
  const client = new LiveChatClient(socket, eventId, { afterSeq, onMessage: (m) => shown.push(m), onPresence: (p) => presence.push(p), ackTimeout: 3000 });
  await client.ready;
  return { socket, client, shown, presence, broadcast };
}

const seqsOf = (shown: LiveChatMessagePayload[]) => shown.map((m) => m.seq);
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stored = async (eventId: string): Promise<{ seq: string; client_id: string }[]> =>
  db.query(`SELECT seq, client_id FROM live_chat_message WHERE event_id = $1 ORDER BY seq`, [eventId]);

describe('several api processes', () => {
  it('share one room: presence and every message, in order, on both', async () => {
    const c = await chat(3);
    const x = await member(c.students[0]!.token, c.eventId, api.url);
    const h = await member(c.host.token, c.eventId, api.url);
    const y = await member(c.students[1]!.token, c.eventId, second.url);
    const z = await member(c.students[2]!.token, c.eventId, second.url);
    // Presence counts people on both processes and names the host.
    await eventually('presence of 4 across processes', async () => z.presence.at(-1)?.count === 4 && x.presence.at(-1)?.count === 4);
    expect(z.presence.at(-1)!.hosts).toEqual([{ userId: c.host.user.id, name: 'Hana Host' }]);

    await Promise.all([x, h, y, z].flatMap((m, i) => [0, 1, 2].map((k) => m.client.send(`from ${i}, ${k}`))));
    await eventually('12 messages everywhere', async () => [x, h, y, z].every((m) => m.shown.length === 12));
    for (const m of [x, h, y, z]) expect(seqsOf(m.shown)).toEqual(oneToN(12));
    // Each message was broadcast live to both processes' sockets, not only read back by catch-up.
    await eventually('every message broadcast to every socket', async () => [x, h, y, z].every((m) => new Set(m.broadcast).size === 12));
  }, 30_000);

  it('loses nothing when an api process is SIGKILLed mid-chat and its clients move to the other', async () => {
    const c = await chat(3);
    const x = await member(c.students[0]!.token, c.eventId, api.url);
    const h = await member(c.host.token, c.eventId, api.url);
    const y = await member(c.students[1]!.token, c.eventId, second.url);
    const z = await member(c.students[2]!.token, c.eventId, second.url);

    // Everyone talks; y and z through the process about to die. Each remembers what it sent and what was acknowledged.
    let talking = true;
    const stopped = new Set<unknown>();
    const attempts = new Map<typeof x, { clientId: string; body: string; acked: boolean }[]>();
    const talk = async (m: typeof x, name: string) => {
      attempts.set(m, []);
      for (let i = 0; talking && !stopped.has(m); i++) {
        const attempt = { clientId: randomUUID(), body: `${name} ${i}`, acked: false };
        attempts.get(m)!.push(attempt);
        const sent = m.client.send(attempt.body, { clientId: attempt.clientId }).then(() => (attempt.acked = true));
        await Promise.race([sent, sleep(3000)]);
        await sleep(1100); // a pace, not a wait: within the per-person limit (5 messages in 5 seconds)
      }
    };
    const loops = [talk(x, 'x'), talk(h, 'h'), talk(y, 'y'), talk(z, 'z')];
    await eventually('some messages through both processes', async () => y.shown.length >= 12);

    second.child.kill('SIGKILL');
    stopped.add(y).add(z);
    await second.exited;
    await Promise.all([loops[2], loops[3]]);
    // Their clients connect to the surviving process, carrying on from the last message they showed,
    // and send again what was not acknowledged, with the same client id.
    const moved = await Promise.all(
      ([[y, c.students[1]!], [z, c.students[2]!]] as const).map(async ([old, person]) => {
        old.client.close();
        const fresh = await member(person.token, c.eventId, api.url, old.client.lastSeq!);
        for (const a of attempts.get(old)!.filter((a) => !a.acked)) await fresh.client.send(a.body, { clientId: a.clientId });
        return { old, fresh };
      }),
    );
    const since = h.client.lastSeq ?? 0;
    await eventually('the others talking on to the moved clients', async () => moved.every((m) => m.fresh.broadcast.filter((seq) => seq > since).length >= 2));
    talking = false;
    await Promise.all([loops[0], loops[1]]);
    const last = await h.client.send('the end');

    const rows = await stored(c.eventId);
    expect(rows.map((r) => Number(r.seq))).toEqual(oneToN(rows.length)); // gap-free
    expect(new Set(rows.map((r) => r.client_id)).size).toBe(rows.length); // nothing stored twice
    const clientIds = new Set(rows.map((r) => r.client_id));
    for (const m of [x, h, y, z]) for (const a of attempts.get(m)!.filter((a) => a.acked)) expect(clientIds.has(a.clientId)).toBe(true);
    for (const { old } of moved) for (const a of attempts.get(old)!) expect(clientIds.has(a.clientId)).toBe(true); // retried ones too

    await eventually('every client shows every message', async () =>
      [x, h, ...moved.map((m) => m.fresh)].every((m) => m.client.lastSeq === last.seq),
    );
    for (const m of [x, h]) expect(seqsOf(m.shown)).toEqual(oneToN(last.seq));
    for (const { old, fresh } of moved) expect(seqsOf([...old.shown, ...fresh.shown])).toEqual(oneToN(last.seq));
    second = await startApiProcess(); // for afterAll and any later test
  }, 60_000);
});

describe('a long absence', () => {
  it('catches up a client that was offline 90 seconds while the others kept talking: nothing lost, nothing twice, in order', async () => {
    const c = await chat(2);
    const away = await member(c.students[0]!.token, c.eventId, api.url);
    const a = await member(c.students[1]!.token, c.eventId, api.url);
    const h = await member(c.host.token, c.eventId, api.url);
    await a.client.send('before');
    await eventually('the first message', async () => away.shown.length === 1);

    away.socket.disconnect();
    const started = Date.now();
    let sent = 1;
    while (Date.now() - started < 90_000) {
      await (sent % 2 ? h : a).client.send(`while away ${sent}`);
      sent++;
      await sleep(1000); // a pace, not a wait: the 90 s of talk while one is away are what is under test
    }
    away.socket.connect();
    await away.client.ready;
    const last = await h.client.send('welcome back');
    await eventually('the away client shows everything', async () => away.client.lastSeq === last.seq);
    expect(seqsOf(away.shown)).toEqual(oneToN(last.seq));
    expect(last.seq).toBeGreaterThan(60);
  }, 150_000);
});
