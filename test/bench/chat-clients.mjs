// One load-generator process of the live chat benchmark (forked by
// live-chat.mjs, which talks to it over IPC). It holds many real socket.io
// clients, each a LiveChatClient of docs/examples (join, catch-up, ordered
// and de-duplicated delivery), and measures for every message every client
// shows: now − the send time written in the message body (same machine, same
// clock). Latencies go into a 1 ms histogram sent back to the parent.
import { io } from 'socket.io-client';
import { LiveChatClient } from '../../docs/examples/live-chat-client.mjs';
import { LightChatClient } from './light-client.mjs';

const now = () => performance.timeOrigin + performance.now();
const BUCKETS = 30_000; // 1 ms each; the last one holds everything slower

let clients = [];
let histogram = new Uint32Array(BUCKETS);
let received = 0;
let measuring = false;
let sendTimer = null;
const counters = { sent: 0, acked: 0, refused: {}, sendFailures: 0 };
let ackHistogram = new Uint32Array(BUCKETS);

function record(message) {
  received++;
  if (!measuring || typeof message.body !== 'string' || !message.body.startsWith('bench ')) return;
  const sentAt = Number(message.body.slice(6, message.body.indexOf(' ', 6)));
  const ms = Math.max(0, Math.floor(now() - sentAt));
  histogram[Math.min(ms, BUCKETS - 1)]++;
}

function openClient(url, token, eventId, kind) {
  if (kind === 'light') {
    const chat = new LightChatClient(url, token, eventId, { onMessage: record });
    chat.ready.catch(() => undefined);
    return chat;
  }
  const socket = io(`${url}/live-chats`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, timeout: 60_000 });
  const chat = new LiveChatClient(socket, eventId, { afterSeq: 'latest', onMessage: record, ackTimeout: 15_000 });
  chat.ready.catch(() => undefined);
  return chat;
}

async function connectAll({ url, tokens, eventId, perSecond, kind }) {
  const started = now();
  let failed = 0;
  const errors = {};
  const batch = Math.max(1, Math.round(perSecond / 20));
  const all = [];
  for (let i = 0; i < tokens.length; i += batch) {
    const slice = tokens.slice(i, i + batch).map((t) => openClient(url, t, eventId, kind));
    clients.push(...slice);
    all.push(
      ...slice.map((c) =>
        c.ready.catch((error) => {
          failed++;
          errors[error.code ?? error.message] = (errors[error.code ?? error.message] ?? 0) + 1;
        }),
      ),
    );
    await new Promise((r) => setTimeout(r, 50));
  }
  await Promise.all(all);
  return { connected: tokens.length - failed, failed, errors, seconds: (now() - started) / 1000 };
}

/**
 * Sends `rate` messages a second in total from this process, round-robin over
 * `senders` clients (so that no one person passes the per-person limit).
 */
function startSending({ rate, senders, bodyBytes }) {
  stopSending();
  const pad = 'x'.repeat(Math.max(0, bodyBytes - 30));
  const from = clients.slice(0, senders);
  let next = 0;
  const started = now();
  let sent = 0;
  const tick = () => {
    const due = Math.floor(((now() - started) / 1000) * rate);
    while (sent < due) {
      sent++;
      const chat = from[next++ % from.length];
      counters.sent++;
      const t = now();
      chat.send(`bench ${t.toFixed(3)} ${pad}`).then(
        () => {
          counters.acked++;
          if (measuring) ackHistogram[Math.min(Math.floor(now() - t), BUCKETS - 1)]++;
        },
        (error) => {
          counters.sendFailures++;
          counters.refused[error.code ?? 'ERROR'] = (counters.refused[error.code ?? 'ERROR'] ?? 0) + 1;
        },
      );
    }
  };
  sendTimer = setInterval(tick, 5);
}

function stopSending() {
  clearInterval(sendTimer);
  sendTimer = null;
}

/** Every client drops its connection at a random moment in the first half of `seconds` and is back within `seconds`. */
async function storm({ seconds }) {
  const started = now();
  const times = await Promise.all(
    clients.map(async (chat) => {
      const dropAt = Math.random() * seconds * 500;
      const backAt = dropAt + Math.random() * (seconds * 1000 - dropAt);
      await new Promise((r) => setTimeout(r, dropAt));
      chat.socket.disconnect();
      await new Promise((r) => setTimeout(r, backAt - dropAt));
      if (chat instanceof LightChatClient) {
        chat.ready = chat.openWithRetries();
      } else {
        chat.socket.connect();
        await new Promise((resolve) => chat.socket.once('connect', resolve));
      }
      await chat.ready; // joined again and caught up from the last message it showed
      return { caughtUpAfter: (now() - started) / 1000 };
    }),
  );
  return { slowest: Math.max(...times.map((t) => t.caughtUpAfter)) };
}

const handlers = {
  connect: connectAll,
  send: async (opts) => startSending(opts),
  stopSending: async () => stopSending(),
  startMeasuring: async () => {
    histogram = new Uint32Array(BUCKETS);
    ackHistogram = new Uint32Array(BUCKETS);
    received = 0;
    measuring = true;
    Object.assign(counters, { sent: 0, acked: 0, refused: {}, sendFailures: 0 });
  },
  stopMeasuring: async () => {
    measuring = false;
    return { histogram: Array.from(histogram), ackHistogram: Array.from(ackHistogram), received, ...counters, cpu: process.cpuUsage() };
  },
  cpu: async () => process.cpuUsage(),
  storm,
  /** What each client has shown: its last sequence number (everything up to it once and in order) and how many wait behind a gap. */
  positions: async () => ({
    lastSeqs: clients.map((c) => c.lastSeq ?? -1),
    waiting: clients.reduce((n, c) => n + (c instanceof LightChatClient ? c.pending.size - 0 : c.pending.size), 0),
    connected: clients.filter((c) => c.socket.connected).length,
  }),
  /** Clients behind `lastSeq` read what they missed (a few at a time, as after a real outage). */
  catchUp: async ({ lastSeq }) => {
    const behind = clients.filter((c) => c.lastSeq !== null && c.lastSeq < lastSeq);
    for (let i = 0; i < behind.length; i += 200) await Promise.all(behind.slice(i, i + 200).map((c) => c.catchUp().catch(() => undefined)));
  },
  close: async () => {
    stopSending();
    for (const c of clients) {
      c.close();
      c.socket.close();
    }
    clients = [];
  },
};

process.on('message', async ({ id, type, ...args }) => {
  try {
    const result = await handlers[type](args);
    process.send({ id, ok: true, result });
  } catch (error) {
    process.send({ id, ok: false, error: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
