import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, type LiveChatMessagePayload } from '@careers/contracts';
import { errorCode, eventually, Factory, ok, startApi, type TestApi, type TestUser } from '@careers/testing';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { LiveChatClient, LiveChatError } from '../../docs/examples/live-chat-client.mjs';
import { SOCKET_MAX_PACKET } from '@careers/platform';
import { createApiApp } from '../../apps/api/src/app.js';

// The live room over real socket.io clients against the api over real HTTP.
let api: TestApi;
let db: DataSource;
let factory: Factory;
const sockets: Socket[] = [];

beforeAll(async () => {
  api = await startApi(createApiApp);
  db = api.app.get(DataSource);
  factory = new Factory(api);
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await api.close();
});

type Chat = Awaited<ReturnType<Factory['liveChat']>>;
const chat = (n = 3, opts: { startsIn?: number } = {}): Promise<Chat> => factory.liveChat(n, opts);

function connect(token: string, url = api.url, options: Record<string, unknown> = {}): Promise<Socket> {
  const socket = io(`${url}/live-chats`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, ...options });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const ask = (socket: Socket, event: string, payload: unknown): Promise<any> => socket.timeout(10_000).emitWithAck(event, payload);

/** A LiveChatClient (docs/examples) that records what it shows. */
async function member(token: string, eventId: string, url = api.url) {
  const shown: LiveChatMessagePayload[] = [];
  const socket = await connect(token, url);
  const client = new LiveChatClient(socket, eventId, { onMessage: (m) => shown.push(m) });
  await client.ready;
  return { socket, client, shown };
}

const ASK_QUESTION = `mutation($i: AskLiveChatQuestionInput!) { askLiveChatQuestion(input: $i) { id status upvotes } }`;

const seqsOf = (shown: LiveChatMessagePayload[]) => shown.map((m) => m.seq);
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('joining', () => {
  it('refuses a socket without a valid token', async () => {
    await expect(connect('not-a-token')).rejects.toThrow(/not valid/);
  });

  it('admits registered students, hosts and staff, and no one else, to the room or its history', async () => {
    const c = await chat(1);
    const other = await chat(1);
    const [waitlisted, stranger] = await Promise.all([
      factory.user(Role.STUDENT, { institution: await factory.institution() }),
      factory.user(Role.STUDENT, { institution: await factory.institution() }),
    ]);
    await factory.liveChatRegistrations(c.eventId, [waitlisted], 'WAITLISTED');

    for (const [who, role] of [[c.host, 'HOST'], [c.staff, 'STAFF'], [c.students[0]!, 'REGISTERED']] as const) {
      const s = await connect(who.token);
      expect(await ask(s, 'room:join', { eventId: c.eventId })).toMatchObject({ ok: true, role, lastSeq: 0 });
    }
    // A waitlisted student sees the event: FORBIDDEN. Someone else's host, staff and students, a stranger: NOT_FOUND. No history for any.
    for (const [who, code] of [[waitlisted, 'FORBIDDEN'], [other.host, 'NOT_FOUND'], [other.staff, 'NOT_FOUND'], [other.students[0]!, 'NOT_FOUND'], [stranger, 'NOT_FOUND']] as const) {
      const s = await connect(who.token);
      expect(await ask(s, 'room:join', { eventId: c.eventId })).toMatchObject({ ok: false, error: { code } });
      expect(await ask(s, 'messages:since', { eventId: c.eventId, afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
    }
    const s = await connect(stranger.token);
    expect(await ask(s, 'room:join', { eventId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ask(s, 'room:join', { eventId: 'nope' })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
  });

  it("answers another tenant's ids exactly as ids that do not exist, on every request, so they cannot be probed", async () => {
    const c = await chat(2);
    const other = await chat(1);
    const q = ok(await api.gql(ASK_QUESTION, { i: { eventId: c.eventId, clientId: randomUUID(), body: 'Is it remote?' } }, c.students[0]!.token)).askLiveChatQuestion;
    const h = await member(c.host.token, c.eventId);
    await h.client.send('Welcome');
    const requests = (eventId: string, questionId: string, userId: string): [string, object][] => [
      ['room:join', { eventId }],
      ['messages:since', { eventId, afterSeq: 0 }],
      ['message:send', { eventId, clientId: randomUUID(), body: 'hi' }],
      ['questions:list', { eventId }],
      ['question:ask', { eventId, clientId: randomUUID(), body: 'Why?' }],
      ['question:upvote', { eventId, questionId }],
      ['question:answering', { eventId, questionId }],
      ['question:dismiss', { eventId, questionId }],
      ['message:delete', { eventId, seq: 1 }],
      ['participant:mute', { eventId, userId, minutes: 1 }],
      ['participant:remove', { eventId, userId }],
      ['room:slow-mode', { eventId, seconds: 10 }],
      ['room:close', { eventId }],
    ];
    // The other organisation's host, the other institution's staff and student, on their own sockets for real and made-up ids.
    for (const who of [other.host, other.staff, other.students[0]!]) {
      const [real, madeUp] = await Promise.all([connect(who.token), connect(who.token)]);
      const fake = requests(randomUUID(), randomUUID(), randomUUID());
      for (const [i, [event, payload]] of requests(c.eventId, q.id, c.students[1]!.user.id).entries()) {
        const answer = await ask(real, event, payload);
        expect([event, answer]).toEqual([event, await ask(madeUp, fake[i]![0], fake[i]![1])]);
        expect([event, answer.error?.code]).toEqual([event, event === 'messages:since' || event === 'message:send' ? 'NOT_JOINED' : 'NOT_FOUND']);
      }
    }
    // A host of the other chat, in their own room, cannot learn whether c's question or student ids exist either.
    const oh = await member(other.host.token, other.eventId);
    for (const [event, payload] of [
      ['question:upvote', { questionId: q.id }],
      ['question:dismiss', { questionId: q.id }],
      ['participant:mute', { userId: c.students[1]!.user.id, minutes: 1 }],
      ['participant:remove', { userId: c.students[1]!.user.id }],
    ] as const) {
      const key = 'questionId' in payload ? 'questionId' : 'userId';
      const answer = await ask(oh.socket, event, { eventId: other.eventId, ...payload });
      expect([event, answer]).toEqual([event, await ask(oh.socket, event, { eventId: other.eventId, ...payload, [key]: randomUUID() })]);
      expect(answer.error.code).toBe('NOT_FOUND');
    }
    // Nothing changed: no votes, no decision, no sanction, the room open, the message there.
    expect(await db.query(`SELECT status, upvotes FROM live_chat_question WHERE id = $1`, [q.id])).toEqual([{ status: 'OPEN', upvotes: 0 }]);
    expect(await db.query(`SELECT kind FROM live_chat_sanction WHERE user_id = $1`, [c.students[1]!.user.id])).toEqual([]);
    expect(await db.query(`SELECT slow_mode_seconds, closed_at FROM live_chat_room WHERE event_id = $1`, [c.eventId])).toEqual([{ slow_mode_seconds: 0, closed_at: null }]);
    expect(await db.query(`SELECT body FROM live_chat_message WHERE event_id = $1`, [c.eventId])).toEqual([{ body: 'Welcome' }]);
  });

  it('opens to students at the start and to hosts and staff 15 minutes earlier', async () => {
    const c = await chat(1, { startsIn: 10 });
    const student = await connect(c.students[0]!.token);
    const refused = await ask(student, 'room:join', { eventId: c.eventId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ROOM_NOT_OPEN' } });
    expect(new Date(refused.error.opensAt).getTime()).toBeGreaterThan(Date.now());
    const host = await connect(c.host.token);
    expect(await ask(host, 'room:join', { eventId: c.eventId })).toMatchObject({ ok: true, role: 'HOST' });
  });
});

describe('messages', () => {
  it('stores, numbers and broadcasts messages in order; a retry with the same client id stores nothing twice', async () => {
    const c = await chat(2);
    const a = await member(c.students[0]!.token, c.eventId);
    const b = await member(c.students[1]!.token, c.eventId);
    const h = await member(c.host.token, c.eventId);

    const first = await a.client.send('Hello');
    expect(first).toMatchObject({ seq: 1, body: 'Hello', authorName: 'Student 0', authorRole: 'REGISTERED', deleted: false });
    const clientId = randomUUID();
    const stored = await ask(a.socket, 'message:send', { eventId: c.eventId, clientId, body: 'Only once' });
    const again = await ask(a.socket, 'message:send', { eventId: c.eventId, clientId, body: 'Only once' });
    expect(again).toEqual(stored);
    expect(stored.message.seq).toBe(2);
    // The same id twice at the same moment (a retry racing the original): one message, one number.
    const raced = randomUUID();
    const [r1, r2] = await Promise.all([0, 1].map(() => ask(a.socket, 'message:send', { eventId: c.eventId, clientId: raced, body: 'Raced' })));
    expect(r1).toEqual(r2);
    expect(r1.message.seq).toBe(3);
    await h.client.send('Welcome!');
    await b.client.send('Hi');

    await eventually('everyone shows 5 messages', async () => [a, b, h].every((m) => m.shown.length === 5));
    for (const m of [a, b, h]) {
      expect(seqsOf(m.shown)).toEqual([1, 2, 3, 4, 5]);
      expect(m.shown.map((x) => x.body)).toEqual(['Hello', 'Only once', 'Raced', 'Welcome!', 'Hi']);
    }
    const rows = await db.query(`SELECT seq FROM live_chat_message WHERE event_id = $1 ORDER BY seq`, [c.eventId]);
    expect(rows.map((r: { seq: string }) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);

    // Paged history: in order, hasMore until the end.
    const page = await ask(b.socket, 'messages:since', { eventId: c.eventId, afterSeq: 1, limit: 2 });
    expect(page).toMatchObject({ ok: true, hasMore: true });
    expect(seqsOf(page.messages)).toEqual([2, 3]);
    expect(await ask(b.socket, 'messages:since', { eventId: c.eventId, afterSeq: 3, limit: 2 })).toMatchObject({ ok: true, hasMore: false, messages: [{ seq: 4 }, { seq: 5 }] });
    expect(await ask(b.socket, 'room:dance', { eventId: c.eventId })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', message: 'There is no request named room:dance.' } });
    expect(await ask(b.socket, 'messages:since', { eventId: c.eventId, afterSeq: 0, limit: 501 })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
  });

  it('broadcasts to clients on HTTP long-polling as to those on a WebSocket (the fan-out falls back to emit)', async () => {
    const c = await chat(2);
    const ws = await member(c.students[0]!.token, c.eventId);
    const polling = await connect(c.students[1]!.token, api.url, { transports: ['polling'] });
    const broadcast: LiveChatMessagePayload[] = [];
    polling.on('message', (m: LiveChatMessagePayload) => broadcast.push(m));
    expect(await ask(polling, 'room:join', { eventId: c.eventId })).toMatchObject({ ok: true });
    await ws.client.send('To everyone');
    await ws.client.send('Again');
    await eventually('the polling client got both as broadcasts', async () => broadcast.length === 2);
    expect(broadcast.map((m) => [m.seq, m.body])).toEqual([
      [1, 'To everyone'],
      [2, 'Again'],
    ]);
    expect(polling.io.engine.transport.name).toBe('polling');
  });

  it('numbers concurrent messages from many people without gaps or duplicates', async () => {
    const c = await chat(6);
    const members = await Promise.all(c.students.map((s) => member(s.token, c.eventId)));
    await Promise.all(members.flatMap((m, i) => [1, 2, 3, 4].map((k) => m.client.send(`m${i}-${k}`))));
    await eventually('all 24 everywhere', async () => members.every((m) => m.shown.length === 24));
    for (const m of members) expect(seqsOf(m.shown)).toEqual(oneToN(24));
    const bodies = new Set(members[0]!.shown.map((m) => m.body));
    expect(bodies.size).toBe(24);
  });

  it('catches up a client that was offline 5 seconds while the others kept talking: nothing lost, nothing twice, in order', async () => {
    const c = await chat(3);
    const away = await member(c.students[0]!.token, c.eventId);
    const [b, h] = await Promise.all([member(c.students[1]!.token, c.eventId), member(c.host.token, c.eventId)]);
    await b.client.send('before');
    await eventually('the first message', async () => away.shown.length === 1);

    away.socket.disconnect();
    const talking = (async () => {
      for (let i = 0; i < 10; i++) {
        await (i % 2 ? b : h).client.send(`while away ${i}`);
        await new Promise((r) => setTimeout(r, 500)); // a pace, not a wait: within the per-person limit
      }
    })();
    await new Promise((r) => setTimeout(r, 5000)); // the 5 s offline while the others talk is what is under test
    away.socket.connect(); // the client joins again and asks for what it missed
    await talking;
    await h.client.send('after');
    await eventually('the away client shows all 12', async () => away.shown.length >= 12);
    expect(seqsOf(away.shown)).toEqual(oneToN(12));
    expect(away.shown.at(-1)!.body).toBe('after');
  }, 30_000);

  it('refuses empty and too long messages, and sends from people not in the room', async () => {
    const c = await chat(1);
    const s = await connect(c.students[0]!.token);
    expect(await ask(s, 'message:send', { eventId: c.eventId, clientId: randomUUID(), body: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
    await ask(s, 'room:join', { eventId: c.eventId });
    const long = await ask(s, 'message:send', { eventId: c.eventId, clientId: randomUUID(), body: 'x'.repeat(2001) });
    expect(long).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(long.error.message).toContain('2000');
    // Twice the limit and one more: the refusal still names the one limit.
    expect(await ask(s, 'message:send', { eventId: c.eventId, clientId: randomUUID(), body: 'x'.repeat(4001) })).toEqual({
      ok: false,
      error: { code: 'BAD_USER_INPUT', message: 'body: must be at most 2000 characters', maxLength: 2000 },
    });
    expect(await ask(s, 'message:send', { eventId: c.eventId, clientId: randomUUID(), body: '   ' })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(await ask(s, 'message:send', { eventId: c.eventId, clientId: 'not-a-uuid', body: 'hi' })).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect((await db.query(`SELECT count(*)::int AS n FROM live_chat_message WHERE event_id = $1`, [c.eventId]))[0].n).toBe(0);
  });

  it('refuses sends and history to a student who gave up their place while in the room', async () => {
    const c = await chat(1);
    const s = await connect(c.students[0]!.token);
    expect(await ask(s, 'room:join', { eventId: c.eventId })).toMatchObject({ ok: true, role: 'REGISTERED' });
    expect(await ask(s, 'message:send', { eventId: c.eventId, clientId: randomUUID(), body: 'hello' })).toMatchObject({ ok: true });
    ok(await api.gql(`mutation ($e: ID!) { cancelLiveChatRegistration(eventId: $e) { status } }`, { e: c.eventId }, c.students[0]!.token));
    expect(await ask(s, 'message:send', { eventId: c.eventId, clientId: randomUUID(), body: 'still here?' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ask(s, 'messages:since', { eventId: c.eventId, afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await db.query(`SELECT body FROM live_chat_message WHERE event_id = $1`, [c.eventId])).map((r: { body: string }) => r.body)).toEqual(['hello']);
  });

  it('refuses a flood from one client before storing it, and a packet over the transport limit by closing that socket, while the others go on', async () => {
    const c = await chat(3);
    const flooder = await member(c.students[0]!.token, c.eventId);
    const calm = await member(c.students[1]!.token, c.eventId);
    const big = await member(c.students[2]!.token, c.eventId);

    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => ask(flooder.socket, 'message:send', { eventId: c.eventId, clientId: randomUUID(), body: `spam ${i}` })),
    );
    const refused = answers.filter((a) => !a.ok);
    expect(refused.length).toBeGreaterThanOrEqual(35);
    expect(new Set(refused.map((a) => a.error.code))).toEqual(new Set(['RATE_LIMITED']));
    expect(refused[0].error.retryAfter).toBeGreaterThanOrEqual(1);
    const calmMessage = await calm.client.send('I can still talk');

    const closed = new Promise((resolve) => big.socket.once('disconnect', resolve));
    big.socket.emit('message:send', { eventId: c.eventId, clientId: randomUUID(), body: 'x'.repeat(300_000) });
    expect(await closed).toBe('transport close');

    const after = await calm.client.send('and still');
    await eventually('the flooder sees the calm messages', async () => flooder.shown.some((m) => m.seq === after.seq));
    const stored = await db.query(`SELECT count(*)::int AS n FROM live_chat_message WHERE event_id = $1`, [c.eventId]);
    expect(stored[0].n).toBe(answers.length - refused.length + 2);
    expect(calm.shown.map((m) => m.seq)).toContain(calmMessage.seq);
  });

  it('answers a 100 KB send with BAD_USER_INPUT and the limit, on a socket that stays connected, so the documented client does not resend it', async () => {
    const c = await chat(2);
    const sender = await member(c.students[0]!.token, c.eventId);
    const other = await member(c.students[1]!.token, c.eventId);
    const refused = await sender.client.send('x'.repeat(100_000)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LiveChatError);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', message: 'body: must be at most 2000 characters', details: { maxLength: 2000 } });
    expect(sender.socket.connected).toBe(true);
    // Up to the transport's limit, every packet is answered.
    const raw = await ask(sender.socket, 'message:send', { eventId: c.eventId, clientId: randomUUID(), body: 'x'.repeat(SOCKET_MAX_PACKET - 1024) });
    expect(raw).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', maxLength: 2000 } });
    expect(sender.socket.connected).toBe(true);
    const fine = await sender.client.send('A short one');
    await eventually('the other person sees it', async () => other.shown.length === 1);
    expect(other.shown.map((m) => [m.seq, m.body])).toEqual([[fine.seq, 'A short one']]);
    expect(await db.query(`SELECT seq, body FROM live_chat_message WHERE event_id = $1`, [c.eventId])).toEqual([{ seq: '1', body: 'A short one' }]);
  });

  it('gives up (TOO_LARGE) on a send the transport closes the socket on, rather than resending it forever, and carries on after reconnecting', async () => {
    const c = await chat(1);
    const socket = await connect(c.students[0]!.token, api.url, { reconnection: true, reconnectionDelay: 50, reconnectionDelayMax: 200 });
    const client = new LiveChatClient(socket, c.eventId);
    await client.ready;
    const closes: unknown[] = [];
    socket.on('disconnect', (reason) => closes.push(reason));
    const refused = await client.send('x'.repeat(SOCKET_MAX_PACKET + 1024)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'TOO_LARGE' });
    expect(closes).toEqual(['transport close']); // once: not resent
    const after = await client.send('Shorter, then');
    expect(after).toMatchObject({ seq: 1, body: 'Shorter, then' });
    expect(closes).toHaveLength(1);
    expect(await db.query(`SELECT count(*)::int AS n FROM live_chat_message WHERE event_id = $1`, [c.eventId])).toEqual([{ n: 1 }]);
  });

  it('lets a person send LIVE_CHAT_SEND_LIMIT in a row, then refuses with the rule the code applies (messages and questions together)', async () => {
    // A window of an hour: the bucket refills one send every 720 s, so a burst sent now sees no refill.
    const slow = await startApi(createApiApp, { LIVE_CHAT_SEND_LIMIT: '5', LIVE_CHAT_SEND_WINDOW: '3600' });
    try {
      const c = await chat(1);
      const s = await connect(c.students[0]!.token, slow.url);
      await ask(s, 'room:join', { eventId: c.eventId });
      const answers = [];
      for (let i = 0; i < 12; i++) answers.push(await ask(s, 'message:send', { eventId: c.eventId, clientId: randomUUID(), body: `line ${i}` }));
      expect(answers.map((a) => a.ok)).toEqual([...Array(5).fill(true), ...Array(7).fill(false)]);
      const rule = 'You are sending too fast: you may send 5 in a row, then one every 720 seconds (messages and questions together).';
      expect(answers[5].error).toEqual({ code: 'RATE_LIMITED', message: rule, retryAfter: 720 });
      expect(await ask(s, 'question:ask', { eventId: c.eventId, clientId: randomUUID(), body: 'And a question?' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: rule } });
      expect(await db.query(`SELECT count(*)::int AS n FROM live_chat_message WHERE event_id = $1`, [c.eventId])).toEqual([{ n: 5 }]);
      expect(await db.query(`SELECT count(*)::int AS n FROM live_chat_question WHERE event_id = $1`, [c.eventId])).toEqual([{ n: 0 }]);
    } finally {
      await slow.close();
    }
  });
});

describe('host and staff controls', () => {
  it('deletes a message for everyone as a tombstone, keeping what it said in the audit log', async () => {
    const c = await chat(2);
    const a = await member(c.students[0]!.token, c.eventId);
    const staff = await member(c.staff.token, c.eventId);
    const deleted: number[] = [];
    a.socket.on('message:deleted', (d: { seq: number }) => deleted.push(d.seq));
    await a.client.send('rude words');
    await a.client.send('sorry');

    expect(await ask(a.socket, 'message:delete', { eventId: c.eventId, seq: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ask(staff.socket, 'message:delete', { eventId: c.eventId, seq: 1 })).toEqual({ ok: true });
    await eventually('the deletion reaches the room', async () => deleted.includes(1));
    const page = await ask(a.socket, 'messages:since', { eventId: c.eventId, afterSeq: 0 });
    expect(page.messages).toMatchObject([{ seq: 1, deleted: true, body: null }, { seq: 2, deleted: false, body: 'sorry' }]);
    const [log] = await db.query(`SELECT actor_id, action, target_user_id, message_seq, details FROM live_chat_moderation_log WHERE event_id = $1`, [c.eventId]);
    expect(log).toMatchObject({ actor_id: c.staff.user.id, action: 'DELETE_MESSAGE', target_user_id: c.students[0]!.user.id, message_seq: '1', details: { body: 'rude words' } });
  });

  it('mutes a participant for a time (refused with MUTED and until), and never a host', async () => {
    const c = await chat(1);
    const a = await member(c.students[0]!.token, c.eventId);
    const h = await member(c.host.token, c.eventId);
    const told = new Promise<any>((resolve) => a.socket.once('room:sanction', resolve));
    const muted = await ask(h.socket, 'participant:mute', { eventId: c.eventId, userId: c.students[0]!.user.id, minutes: 10 });
    expect(muted.ok).toBe(true);
    expect(await told).toMatchObject({ kind: 'MUTE', until: muted.until });
    const refused = await ask(a.socket, 'message:send', { eventId: c.eventId, clientId: randomUUID(), body: 'hello?' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'MUTED', until: muted.until } });
    expect(new Date(muted.until).getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(await ask(h.socket, 'participant:mute', { eventId: c.eventId, userId: c.host.user.id, minutes: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ask(a.socket, 'participant:mute', { eventId: c.eventId, userId: c.host.user.id, minutes: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The mute ends: moved into the past, the person talks again.
    await db.query(`UPDATE live_chat_sanction SET until = now() - interval '1 second' WHERE event_id = $1`, [c.eventId]);
    expect(await ask(a.socket, 'message:send', { eventId: c.eventId, clientId: randomUUID(), body: 'back' })).toMatchObject({ ok: true });
  });

  it('removes a participant: disconnected, refused on rejoin and history', async () => {
    const c = await chat(1);
    const a = await member(c.students[0]!.token, c.eventId);
    const h = await member(c.host.token, c.eventId);
    const gone = new Promise((resolve) => a.socket.once('disconnect', resolve));
    expect(await ask(h.socket, 'participant:remove', { eventId: c.eventId, userId: c.students[0]!.user.id })).toEqual({ ok: true });
    expect(await gone).toBe('io server disconnect');
    const again = await connect(c.students[0]!.token);
    expect(await ask(again, 'room:join', { eventId: c.eventId })).toMatchObject({ ok: false, error: { code: 'REMOVED' } });
    const [log] = await db.query(`SELECT action, target_user_id FROM live_chat_moderation_log WHERE event_id = $1`, [c.eventId]);
    expect(log).toEqual({ action: 'REMOVE', target_user_id: c.students[0]!.user.id });
  });

  it('slow mode lets a student post once per period (SLOW_MODE with retryAfter) but not the hosts', async () => {
    const c = await chat(1);
    const a = await member(c.students[0]!.token, c.eventId);
    const h = await member(c.host.token, c.eventId);
    const state = new Promise<any>((resolve) => a.socket.once('room:state', resolve));
    expect(await ask(a.socket, 'room:slow-mode', { eventId: c.eventId, seconds: 30 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ask(h.socket, 'room:slow-mode', { eventId: c.eventId, seconds: 30 })).toMatchObject({ ok: true, state: { slowModeSeconds: 30 } });
    expect(await state).toMatchObject({ slowModeSeconds: 30 });
    await a.client.send('one');
    const refused = await ask(a.socket, 'message:send', { eventId: c.eventId, clientId: randomUUID(), body: 'two' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SLOW_MODE' } });
    expect(refused.error.retryAfter).toBeGreaterThan(25);
    await h.client.send('hosts are not slowed');
    await h.client.send('at all');
    expect(await ask(h.socket, 'room:slow-mode', { eventId: c.eventId, seconds: 0 })).toMatchObject({ ok: true });
  });

  it('closes the room: sends refused with ROOM_CLOSED, history still readable', async () => {
    const c = await chat(1);
    const a = await member(c.students[0]!.token, c.eventId);
    const s = await member(c.staff.token, c.eventId);
    await a.client.send('last words');
    expect(await ask(a.socket, 'room:close', { eventId: c.eventId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ask(s.socket, 'room:close', { eventId: c.eventId })).toMatchObject({ ok: true, state: { closed: true } });
    expect(await ask(a.socket, 'message:send', { eventId: c.eventId, clientId: randomUUID(), body: 'hello?' })).toMatchObject({ ok: false, error: { code: 'ROOM_CLOSED' } });
    expect(await ask(s.socket, 'message:send', { eventId: c.eventId, clientId: randomUUID(), body: 'hello?' })).toMatchObject({ ok: false, error: { code: 'ROOM_CLOSED' } });
    expect((await ask(a.socket, 'messages:since', { eventId: c.eventId, afterSeq: 0 })).messages).toHaveLength(1);
  });

  it('limits the room size to LIVE_CHAT_MAX_ROOM_SIZE people, even for a burst of joins, hosts aside', async () => {
    const small = await startApi(createApiApp, { LIVE_CHAT_MAX_ROOM_SIZE: '3' });
    try {
      const c = await chat(8);
      const students = await Promise.all(c.students.map((s) => connect(s.token, small.url)));
      const answers = await Promise.all(students.map((s) => ask(s, 'room:join', { eventId: c.eventId })));
      expect(answers.filter((a) => a.ok)).toHaveLength(3);
      expect(answers.filter((a) => !a.ok).map((a) => a.error.code)).toEqual(Array(5).fill('ROOM_FULL'));
      const host = await connect(c.host.token, small.url);
      expect(await ask(host, 'room:join', { eventId: c.eventId })).toMatchObject({ ok: true });
    } finally {
      await small.close();
    }
  });
});

describe('audience questions and the transcript', () => {
  const ASK = ASK_QUESTION;
  const UPVOTE = `mutation($e: ID!, $q: ID!) { upvoteLiveChatQuestion(eventId: $e, questionId: $q) { upvotes upvotedByMe } }`;
  const LIST = `query($e: ID!, $first: Int, $after: String) {
    liveChatQuestions(eventId: $e, first: $first, after: $after) { edges { cursor node { id body status upvotes upvotedByMe answerSeq } } pageInfo { hasNextPage endCursor } }
  }`;
  const TRANSCRIPT = `query($e: ID!) { liveChatTranscript(eventId: $e) { messages { seq body questionId } hasMore answeredQuestions { question { body } answer answeredBy } } }`;
  const nodes = (data: any) => data.liveChatQuestions.edges.map((e: { node: unknown }) => e.node);

  it('students ask before the chat and upvote once each; hosts rank, answer in the room and dismiss; the transcript has the pairs', async () => {
    const c = await chat(3, { startsIn: 10 });
    const [s0, s1, s2] = c.students as [TestUser, TestUser, TestUser];
    const q1 = ok(await api.gql(ASK, { i: { eventId: c.eventId, clientId: randomUUID(), body: 'What is the salary?' } }, s0.token)).askLiveChatQuestion;
    const q2 = ok(await api.gql(ASK, { i: { eventId: c.eventId, clientId: randomUUID(), body: 'Do you sponsor visas?' } }, s1.token)).askLiveChatQuestion;
    const q3 = ok(await api.gql(ASK, { i: { eventId: c.eventId, clientId: randomUUID(), body: 'Off topic' } }, s2.token)).askLiveChatQuestion;
    expect(errorCode(await api.gql(ASK, { i: { eventId: c.eventId, clientId: randomUUID(), body: 'Me?' } }, c.host.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(ASK, { i: { eventId: c.eventId, clientId: randomUUID(), body: 'x'.repeat(1001) } }, s0.token))).toBe('BAD_USER_INPUT');

    ok(await api.gql(UPVOTE, { e: c.eventId, q: q2.id }, s0.token));
    expect(ok(await api.gql(UPVOTE, { e: c.eventId, q: q2.id }, s0.token)).upvoteLiveChatQuestion).toEqual({ upvotes: 1, upvotedByMe: true });
    expect(ok(await api.gql(UPVOTE, { e: c.eventId, q: q2.id }, s2.token)).upvoteLiveChatQuestion.upvotes).toBe(2);
    expect(errorCode(await api.gql(UPVOTE, { e: c.eventId, q: q2.id }, s1.token))).toBe('FORBIDDEN');
    ok(await api.gql(UPVOTE, { e: c.eventId, q: q1.id }, s1.token));

    const ranked = nodes(ok(await api.gql(LIST, { e: c.eventId }, c.host.token)));
    expect(ranked.map((q: { id: string }) => q.id)).toEqual([q2.id, q1.id, q3.id]);

    // The host enters early, marks q2, answers it in the room, dismisses q3.
    const h = await member(c.host.token, c.eventId);
    const marked = await ask(h.socket, 'question:answering', { eventId: c.eventId, questionId: q2.id });
    expect(marked).toMatchObject({ ok: true, question: { status: 'ANSWERING' } });
    const answer = await h.client.send('Yes, we do.', { questionId: q2.id });
    expect(answer.questionId).toBe(q2.id);
    expect(await ask(h.socket, 'question:dismiss', { eventId: c.eventId, questionId: q3.id })).toMatchObject({ ok: true, question: { status: 'DISMISSED' } });

    const seenByStudent = nodes(ok(await api.gql(LIST, { e: c.eventId }, s0.token)));
    expect(seenByStudent).toEqual([
      { id: q1.id, body: 'What is the salary?', status: 'OPEN', upvotes: 1, upvotedByMe: false, answerSeq: null },
      { id: q2.id, body: 'Do you sponsor visas?', status: 'ANSWERED', upvotes: 2, upvotedByMe: true, answerSeq: answer.seq },
    ]);

    expect(ok(await api.gql(TRANSCRIPT, { e: c.eventId }, c.staff.token)).liveChatTranscript).toEqual({
      messages: [{ seq: 1, body: 'Yes, we do.', questionId: q2.id }],
      hasMore: false,
      answeredQuestions: [{ question: { body: 'Do you sponsor visas?' }, answer: 'Yes, we do.', answeredBy: 'Hana Host' }],
    });
    expect(errorCode(await api.gql(TRANSCRIPT, { e: c.eventId }, s0.token))).toBe('FORBIDDEN');
    const outsider = await factory.user(Role.STUDENT, { institution: await factory.institution() });
    expect(errorCode(await api.gql(LIST, { e: c.eventId }, outsider.token))).toBe('NOT_FOUND');

    // After the chat, the host signs off and staff publish the Q&A page: the room's answered question is on it.
    await db.query(`UPDATE live_chat_event SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [c.eventId]);
    ok(await api.gql(`mutation($id: ID!) { signOffLiveChatQa(eventId: $id) { eventId } }`, { id: c.eventId }, c.host.token));
    ok(await api.gql(`mutation($id: ID!) { publishLiveChatQa(eventId: $id) { publishedAt } }`, { id: c.eventId }, c.staff.token));
    const page = ok(await api.gql(`query($id: ID!) { liveChatQaPage(eventId: $id) { items(first: 10) { edges { node { question answer } } } } }`, { id: c.eventId }, s1.token));
    expect(page.liveChatQaPage.items.edges.map((e: { node: unknown }) => e.node)).toEqual([{ question: 'Do you sponsor visas?', answer: 'Yes, we do.' }]);
  });

  it('pages the ranked questions as a connection, in the same order as the whole list', async () => {
    const c = await chat(4, { startsIn: 10 });
    const asked: { id: string }[] = [];
    for (const [i, s] of c.students.entries()) asked.push(ok(await api.gql(ASK, { i: { eventId: c.eventId, clientId: randomUUID(), body: `Question ${i}` } }, s.token)).askLiveChatQuestion);
    // Question 2 gets two votes, question 3 one: ranked 2, 3, then 0 and 1 oldest first.
    for (const [voter, q] of [[0, 2], [1, 2], [0, 3]] as const) ok(await api.gql(UPVOTE, { e: c.eventId, q: asked[q]!.id }, c.students[voter]!.token));
    const expected = [2, 3, 0, 1].map((i) => asked[i]!.id);

    const all = ok(await api.gql(LIST, { e: c.eventId }, c.host.token)).liveChatQuestions;
    expect(all.edges.map((e: any) => e.node.id)).toEqual(expected);
    expect(all.pageInfo).toEqual({ hasNextPage: false, endCursor: all.edges[3].cursor });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = ok(await api.gql(LIST, { e: c.eventId, first: 3, after }, c.students[0]!.token)).liveChatQuestions;
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
    expect(errorCode(await api.gql(LIST, { e: c.eventId, first: 101 }, c.host.token))).toBe('BAD_USER_INPUT');
    const bad = await api.gql(LIST, { e: c.eventId, after: 'not-a-cursor' }, c.host.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.message).toContain('endCursor');
  });

  it("answers NOT_FOUND, as for an id that does not exist, to another tenant's people on the GraphQL operations", async () => {
    const c = await chat(1, { startsIn: 10 });
    const other = await chat(1, { startsIn: 10 });
    const q = ok(await api.gql(ASK, { i: { eventId: c.eventId, clientId: randomUUID(), body: 'What is the salary?' } }, c.students[0]!.token)).askLiveChatQuestion;
    const operations = (eventId: string, questionId: string): [string, Record<string, unknown>][] => [
      [LIST, { e: eventId }],
      [TRANSCRIPT, { e: eventId }],
      [ASK, { i: { eventId, clientId: randomUUID(), body: 'Let me in?' } }],
      [UPVOTE, { e: eventId, q: questionId }],
    ];
    for (const who of [other.host, other.staff, other.students[0]!]) {
      const fake = operations(randomUUID(), randomUUID());
      for (const [i, [query, variables]] of operations(c.eventId, q.id).entries()) {
        const [real, madeUp] = [await api.gql(query, variables, who.token), await api.gql(fake[i]![0], fake[i]![1], who.token)];
        expect(errorCode(real)).toBe('NOT_FOUND');
        expect(real.errors![0]!.message).toBe(madeUp.errors![0]!.message);
      }
    }
    // The other chat's student, in their own chat, cannot upvote c's question: NOT_FOUND like a made-up one.
    const theirs = await api.gql(UPVOTE, { e: other.eventId, q: q.id }, other.students[0]!.token);
    expect(errorCode(theirs)).toBe('NOT_FOUND');
    expect(theirs.errors![0]!.message).toBe((await api.gql(UPVOTE, { e: other.eventId, q: randomUUID() }, other.students[0]!.token)).errors![0]!.message);
    expect(await db.query(`SELECT count(*)::int AS n FROM live_chat_question WHERE event_id = $1`, [c.eventId])).toEqual([{ n: 1 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM live_chat_question_vote WHERE question_id = $1`, [q.id])).toEqual([{ n: 0 }]);
  });
});
