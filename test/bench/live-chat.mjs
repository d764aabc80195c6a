// `npm run bench:chat`: the live chat room under load, against its ceiling.
//
// Servers (each a child process pinned to CPU 0 with taskset):
//   bare: a bare socket.io server with the same protocol and nothing else
//         (chat-bare-server.mjs: no auth, no storage, no Redis): the ceiling;
//   api:  the api as `main` builds it (serve-api.mjs): handshake auth, access
//         checks per event, messages stored in PostgreSQL with their sequence
//         number before the broadcast, limits, presence, the room fan-out
//         and its Redis channel, the Redis adapter.
// Load: CHAT_GENERATORS processes (1; chat-clients.mjs, pinned to CPU 1 with this
// one) holding real socket.io-client sockets (websocket transport), each a
// LiveChatClient of docs/examples/live-chat-client.mjs. Latency is send →
// shown at every client: the send time travels in the message body and each
// client subtracts it from its own clock (same machine). PostgreSQL and Redis
// are not pinned.
//
// Scenarios, for each server in the same run:
//   fixed load: CHAT_CLIENTS (2000,5000) clients in one room, CHAT_RATE (5)
//               messages a second, CHAT_RUNS × CHAT_SECONDS; p50/p99/max,
//               deliveries a second, server CPU, server memory per connection;
//   sweep:      CHAT_SWEEP_CLIENTS (2000) clients; rates rising until p99
//               passes 150 ms or deliveries fall behind, then bisected: the
//               highest sustained rate;
//   storm:      CHAT_STORM_CLIENTS (2000) clients drop and reconnect within
//               10 s while the chat goes on; all must show every message, once
//               and in order, within 30 s.
// Results: test/bench/results/live-chat.{json,md}.
import { fork, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const ROOT = here('../../');
const list = (name, fallback) => (process.env[name] ?? fallback).split(',').map((x) => x.trim()).filter(Boolean);
const num = (name, fallback) => Number(process.env[name] ?? fallback);
const settings = {
  targets: list('CHAT_TARGETS', 'bare,api'),
  clients: list('CHAT_CLIENTS', '2000,5000').map(Number),
  rate: num('CHAT_RATE', 5),
  seconds: num('CHAT_SECONDS', 10),
  runs: num('CHAT_RUNS', 3),
  // One process holds every client by default: two on the one load core take turns, and a client waits for its
  // process's turn (5,000 clients, same server: p99 about 85 ms with one generator, 140-180 ms with two, 200 with three).
  generators: num('CHAT_GENERATORS', Math.max(1, num('CHAT_API_PROCESSES', 1))),
  sweepClients: num('CHAT_SWEEP_CLIENTS', 2000),
  sweepSeconds: num('CHAT_SWEEP_SECONDS', 5),
  sweepStart: num('CHAT_SWEEP_START', 5),
  stormClients: num('CHAT_STORM_CLIENTS', 2000),
  bodyBytes: num('CHAT_BODY_BYTES', 120),
  connectPerSecond: num('CHAT_CONNECT_RATE', 1000),
  /** full: LiveChatClient on socket.io-client; light: the same protocol over ws, reading broadcasts with string searches (light-client.mjs). */
  client: process.env.CHAT_CLIENT ?? 'light',
  // Scale-out: the api as this many processes sharing the room through Redis, pinned to CPU 0, 1, 0, …
  // (the second shares CPU 1 with the generators); each generator connects its clients to one of them.
  apiProcesses: num('CHAT_API_PROCESSES', 1),
  p99LimitMs: 150,
};
const scenarios = new Set(list('CHAT_SCENARIOS', 'fixed,sweep,storm'));
const log = (...a) => console.log(`[chat ${((performance.now() / 1000) | 0).toString().padStart(4)}s]`, ...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const DEADLINE = setTimeout(() => {
  console.error('The live chat benchmark ran past its time limit: giving up.');
  cleanUp().finally(() => process.exit(1));
}, num('CHAT_TIMEOUT', 1500) * 1000);

// Pin this process (and the generators it forks) to CPU 1; servers go on CPU 0.
const pinned = os.cpus().length >= 2 && spawnSync('taskset', ['-pc', '1', String(process.pid)]).status === 0;

// ---------------------------------------------------------------- processes

const children = [];
let stopping = false;

function startServer(name, script, env, cpu = 0) {
  // --expose-gc: on SIGUSR2 the server collects garbage and prints its memory, so memory per connection counts what is kept.
  const prefix = pinned ? ['taskset', '-c', String(cpu)] : [];
  const [cmd, ...args] = [...prefix, process.execPath, '--expose-gc', here(script)];
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s`)), 60_000);
    child.once('exit', (code, signal) => !stopping && reject(new Error(`${name} exited (${signal ?? code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      let msg;
      try {
        msg = JSON.parse(line);
      } catch {
        return process.stdout.write(`[${name}] ${line}\n`);
      }
      if (msg?.memory) return memoryWaiters.shift()?.(msg.memory);
      if (typeof msg?.port === 'number') {
        clearTimeout(timer);
        resolve({ name, child, url: `http://127.0.0.1:${msg.port}` });
      }
    });
  });
}

/** The server's own pids (taskset execs node in place, so each is its child's): one, or one per api process. */
const pidsOf = (server) => server.pids ?? [server.child.pid];
const urlsOf = (server) => server.urls ?? [server.url];
const cpuOf = (server) => pidsOf(server).reduce((sum, pid) => sum + cpuSeconds(pid), 0);
/** Memory after a full GC, summed over the server's processes (asked one at a time). */
async function memoryOf(server) {
  const total = { rss: 0, heapUsed: 0 };
  for (const pid of pidsOf(server)) {
    const m = await memoryAfterGc(pid);
    total.rss += m.rss;
    total.heapUsed += m.heapUsed;
  }
  return total;
}

function cpuSeconds(pid) {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}
const memoryWaiters = [];
/** The server's memory after a full garbage collection (it answers SIGUSR2 with process.memoryUsage()). */
function memoryAfterGc(pid) {
  return new Promise((resolve) => {
    memoryWaiters.push(resolve);
    process.kill(pid, 'SIGUSR2');
  });
}

class Generator {
  constructor(i) {
    // CHAT_PROFILE=dir writes a V8 CPU profile of each generator there.
    const execArgv = process.env.CHAT_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CHAT_PROFILE}`] : [];
    this.child = fork(here('./chat-clients.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv });
    children.push(this.child);
    this.calls = new Map();
    this.nextId = 0;
    this.child.on('message', ({ id, ok, result, error }) => {
      const call = this.calls.get(id);
      this.calls.delete(id);
      if (ok) call.resolve(result);
      else call.reject(new Error(`generator ${i}: ${error}`));
    });
  }
  call(type, args = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      this.child.send({ id, type, ...args });
    });
  }
}

let generators = [];
const all = (type, argsOf = () => ({})) => Promise.all(generators.map((g, i) => g.call(type, argsOf(i))));

async function cleanUp() {
  stopping = true;
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  await sleep(500);
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await target?.teardown?.().catch((e) => console.error('teardown failed', e));
}
let target;
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => cleanUp().finally(() => process.exit(130)));

// ---------------------------------------------------------------- measuring

function percentile(hist, total, p) {
  if (total === 0) return null;
  const want = Math.ceil(total * p);
  let seen = 0;
  for (let ms = 0; ms < hist.length; ms++) {
    seen += hist[ms];
    if (seen >= want) return ms;
  }
  return hist.length - 1;
}
function maxOf(hist) {
  for (let ms = hist.length - 1; ms >= 0; ms--) if (hist[ms]) return ms;
  return null;
}
function mergeHistograms(parts, key) {
  const out = new Array(parts[0][key].length).fill(0);
  for (const p of parts) p[key].forEach((n, i) => (out[i] += n));
  return out;
}

/** Connects `n` clients split over the generators; returns the server's memory per connection. */
async function connect(server, n) {
  await all('close');
  await sleep(1500);
  const before = await memoryOf(server);
  const tokens = server.tokens(n);
  const per = Math.ceil(n / generators.length);
  const results = await all('connect', (i) => ({
    url: urlsOf(server)[i % urlsOf(server).length],
    tokens: tokens.slice(i * per, (i + 1) * per),
    eventId: server.eventId,
    perSecond: settings.connectPerSecond / generators.length,
    kind: settings.client,
  }));
  const connected = results.reduce((s, r) => s + r.connected, 0);
  const failed = results.reduce((s, r) => s + r.failed, 0);
  if (failed) log(`  ${failed} clients could not join: ${JSON.stringify(results.map((r) => r.errors))}`);
  await sleep(2000);
  const after = await memoryOf(server);
  const perConnection = (key) => round((after[key] - before[key]) / 1024 / connected, 1);
  return {
    connected,
    failed,
    seconds: Math.max(...results.map((r) => r.seconds)),
    memoryPerConnectionKB: perConnection('rss'),
    heapPerConnectionKB: perConnection('heapUsed'),
    rssMB: round(after.rss / 2 ** 20, 0),
  };
}

/** Sends `rate` messages a second for `seconds` and measures what every client shows. */
async function measure(server, { rate, seconds, clients }) {
  const sendersPerGenerator = Math.min(Math.ceil(clients / generators.length), Math.max(1, Math.ceil((rate / generators.length) * 2)));
  await all('send', () => ({ rate: rate / generators.length, senders: sendersPerGenerator, bodyBytes: settings.bodyBytes }));
  await sleep(1000); // settle into the rate
  await all('startMeasuring');
  const probe = server.probeCommits?.();
  const cpu0 = cpuOf(server);
  const gen0 = await all('cpu');
  const t0 = performance.now();
  await sleep(seconds * 1000);
  await all('stopSending');
  const elapsed = (performance.now() - t0) / 1000;
  const cpu1 = cpuOf(server);
  const gen1 = await all('cpu');
  const commits = await probe?.stop();
  const generatorCpuPercent = round((100 * gen1.reduce((s, c, i) => s + c.user + c.system - gen0[i].user - gen0[i].system, 0)) / 1e6 / elapsed, 0);
  await sleep(Math.max(1000, settings.p99LimitMs * 4)); // what is in flight arrives
  const parts = await all('stopMeasuring');
  const hist = mergeHistograms(parts, 'histogram');
  const ackHist = mergeHistograms(parts, 'ackHistogram');
  const total = hist.reduce((a, b) => a + b, 0);
  const acked = ackHist.reduce((a, b) => a + b, 0);
  const sent = parts.reduce((s, p) => s + p.sent, 0);
  const failures = parts.reduce((s, p) => s + p.sendFailures, 0);
  const refused = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.refused)) refused[k] = (refused[k] ?? 0) + v;
  return {
    rate,
    clients,
    sent,
    acked,
    sendFailures: failures,
    refused,
    deliveries: total,
    // Every message sent while measuring, shown at every client.
    expectedDeliveries: sent * clients,
    deliveriesPerSecond: round(total / elapsed, 0),
    p50: percentile(hist, total, 0.5),
    p99: percentile(hist, total, 0.99),
    max: maxOf(hist),
    ackP50: percentile(ackHist, acked, 0.5),
    ackP99: percentile(ackHist, acked, 0.99),
    serverCpuPercent: round((100 * (cpu1 - cpu0)) / elapsed, 0),
    generatorCpuPercent,
    // A trivial INSERT + COMMIT every 100 ms on the same PostgreSQL meanwhile: what one durable commit cost then.
    commitP50: commits?.p50 ?? null,
    commitP99: commits?.p99 ?? null,
    serverCpuMicrosPerDelivery: total ? round((1e6 * (cpu1 - cpu0)) / total, 2) : null,
  };
}

const fmt = (r) =>
  `${r.rate} msg/s × ${r.clients}: p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms (send acknowledged p50 ${r.ackP50}, p99 ${r.ackP99} ms), ${r.deliveriesPerSecond} deliveries/s ` +
  `(${r.deliveries}/${r.expectedDeliveries}), server CPU ${r.serverCpuPercent}%, generators ${r.generatorCpuPercent}%` +
  (r.commitP99 !== null ? `; PostgreSQL commit p50 ${r.commitP50}, p99 ${r.commitP99} ms` : '') +
  (r.sendFailures ? `, ${r.sendFailures} sends refused ${JSON.stringify(r.refused)}` : '');

const sustained = (r) => r.p99 !== null && r.p99 < settings.p99LimitMs && r.sendFailures === 0 && r.deliveries >= 0.99 * r.expectedDeliveries;
/** A looser bar for a loaded machine: everything delivered with p99 under a second. */
const keepsUp = (r) => r.p99 !== null && r.p99 < 1000 && r.sendFailures === 0 && r.deliveries >= 0.99 * r.expectedDeliveries;

/** Waits (up to 20 s) until every client has shown the room's last message, so a backlog does not spill into the next step. */
async function drain(server) {
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    const last = await server.lastSeq();
    const pos = await all('positions');
    if (pos.every((p) => p.lastSeqs.every((s) => s >= last))) return true;
    await sleep(250);
  }
  return false;
}

/** Checks that every client showed every message up to the last one, once and in order. */
async function assertNoGaps(server) {
  await drain(server);
  const lastSeq = await server.lastSeq();
  await all('catchUp', () => ({ lastSeq }));
  const pos = await all('positions');
  const seqs = pos.flatMap((p) => p.lastSeqs);
  const behind = seqs.filter((s) => s !== lastSeq).length;
  return { lastSeq, clients: seqs.length, behind, waitingBehindGaps: pos.reduce((n, p) => n + p.waiting, 0), connected: pos.reduce((n, p) => n + p.connected, 0) };
}

// ---------------------------------------------------------------- targets

async function bareTarget() {
  const server = await startServer('bare', './chat-bare-server.mjs', { ...process.env });
  const eventId = randomUUID();
  let probe;
  return Object.assign(server, {
    eventId,
    tokens: (n) => Array.from({ length: n }, (_, i) => `bare-${i}`),
    /** The room's last sequence number, read through a client of its own. */
    async lastSeq() {
      const { io } = await import('socket.io-client');
      probe ??= io(`${server.url}/live-chats`, { transports: ['websocket'], forceNew: true });
      const r = await probe.emitWithAck('room:join', { eventId });
      return r.lastSeq;
    },
  });
}

async function apiTarget() {
  const { prepareApi } = await import('./live-chat-api.mjs');
  return prepareApi({ startServer, log, processes: settings.apiProcesses, maxClients: Math.max(...settings.clients, settings.sweepClients, settings.stormClients) });
}

// ---------------------------------------------------------------- main

async function runTarget(name, server, report) {
  const out = (report[name] = { fixed: {}, sweep: null, storm: null });
  if (scenarios.has('fixed')) {
    for (const n of settings.clients) {
      log(`${name}: connecting ${n} clients`);
      const c = await connect(server, n);
      log(`  connected ${c.connected} in ${round(c.seconds)} s; server RSS ${c.rssMB} MB, ${c.memoryPerConnectionKB} KB RSS and ${c.heapPerConnectionKB} KB heap per connection (after GC)`);
      const runs = [];
      await measure(server, { rate: settings.rate, seconds: 2, clients: c.connected }); // warm-up
      for (let r = 1; r <= settings.runs; r++) {
        const m = await measure(server, { rate: settings.rate, seconds: settings.seconds, clients: c.connected });
        log(`  run ${r}: ${fmt(m)}`);
        runs.push(m);
        await drain(server);
      }
      const gaps = await assertNoGaps(server);
      log(`  every client at seq ${gaps.lastSeq}: ${gaps.behind === 0 ? 'yes' : `no, ${gaps.behind} behind`}`);
      out.fixed[n] = {
        connect: c,
        runs,
        gaps,
        median: Object.fromEntries(['p50', 'p99', 'max', 'deliveriesPerSecond', 'serverCpuPercent', 'serverCpuMicrosPerDelivery', 'ackP50', 'ackP99', 'generatorCpuPercent', 'commitP50', 'commitP99'].map((k) => [k, median(runs.map((x) => x[k]))])),
      };
    }
  }
  if (scenarios.has('sweep')) {
    log(`${name}: rate sweep with ${settings.sweepClients} clients`);
    const c = await connect(server, settings.sweepClients);
    const steps = [];
    const step = async (rate) => {
      const m = await measure(server, { rate, seconds: settings.sweepSeconds, clients: c.connected });
      m.sustained = sustained(m);
      m.keepsUp = keepsUp(m);
      log(`  ${m.sustained ? 'ok  ' : m.keepsUp ? 'slow' : 'FAIL'} ${fmt(m)}`);
      steps.push(m);
      m.drained = await drain(server); // a backlog of this step must not bleed into the next
      return m;
    };
    let good = 0;
    let bad = null;
    let keepingUp = 0;
    for (let rate = settings.sweepStart; rate <= 5000; rate = Math.round(rate * 1.5)) {
      const m = await step(rate);
      if (m.keepsUp) keepingUp = rate;
      if (m.sustained && bad === null) good = rate;
      else if (bad === null) bad = rate;
      if (!m.keepsUp) break;
    }
    for (let i = 0; i < 2 && bad !== null && good > 0 && bad - good > Math.max(2, good * 0.1); i++) {
      const mid = Math.round((good + bad) / 2);
      const m = await step(mid);
      if (m.keepsUp) keepingUp = Math.max(keepingUp, mid);
      if (m.sustained) good = mid;
      else bad = mid;
    }
    out.sweep = { clients: c.connected, highestSustainedRate: good, firstFailingRate: bad, highestKeepingUpRate: keepingUp, steps };
    log(`  highest sustained (p99 < ${settings.p99LimitMs} ms): ${good} msg/s; highest keeping up (p99 < 1 s): ${keepingUp} msg/s`);
  }
  if (scenarios.has('storm')) {
    log(`${name}: reconnect storm with ${settings.stormClients} clients`);
    const c = await connect(server, settings.stormClients);
    const seqBefore = await server.lastSeq();
    await all('send', () => ({ rate: settings.rate / generators.length, senders: Math.ceil(settings.rate), bodyBytes: settings.bodyBytes }));
    const t0 = performance.now();
    const storms = await all('storm', () => ({ seconds: 10 }));
    const caughtUp = (performance.now() - t0) / 1000;
    await sleep(2000);
    await all('stopSending');
    await sleep(1000);
    const gaps = await assertNoGaps(server);
    out.storm = {
      clients: c.connected,
      messagesDuring: gaps.lastSeq - seqBefore,
      allCaughtUpAfterSeconds: round(Math.max(caughtUp, ...storms.map((s) => s.slowest)), 2),
      gaps,
      ok: gaps.behind === 0 && gaps.connected === c.connected && caughtUp <= 30,
    };
    log(`  all ${c.connected} back and caught up after ${out.storm.allCaughtUpAfterSeconds} s; every client at seq ${gaps.lastSeq}: ${gaps.behind === 0 ? 'yes' : `no, ${gaps.behind} behind`}`);
  }
  await all('close');
}

function markdown(report) {
  const { bare, api } = report.targets;
  const lines = [
    `## Live chat benchmark — ${report.date}`,
    '',
    `Node ${report.node}, ${report.cpus} × ${report.cpuModel}. ${report.pinned ? (settings.apiProcesses > 1 ? `The bare server pinned to CPU 0; the api as ${settings.apiProcesses} processes sharing the room through Redis, pinned to CPU 0 and CPU 1 in turn (so one shares CPU 1 with the generators), each generator's clients on one of them; this process and its load generators on CPU 1 (taskset); PostgreSQL and Redis unpinned` : 'Each server process pinned to CPU 0; this process and its load generators to CPU 1 (taskset); PostgreSQL and Redis unpinned') : 'No CPU pinning (taskset unavailable)'}. ` +
      `${settings.generators} generator process${settings.generators === 1 ? '' : 'es'} holding the clients, ${settings.client === 'full' ? 'each a LiveChatClient (docs/examples/live-chat-client.mjs) on socket.io-client' : 'each a light client (light-client.mjs: the socket.io protocol over ws, broadcasts read with string searches, same joins, catch-up, acks and ordering as LiveChatClient)'} (websocket transport). ` +
      'Memory per connection: the server\'s RSS (and V8 heap) after a full GC with the clients joined, minus before, divided by the clients. ' +
      `Latency: send time in the message body → shown at each client, same clock. Message body ${settings.bodyBytes} bytes. ` +
      `Fixed load: ${settings.runs} runs × ${settings.seconds} s after a warm-up, medians. Load average at start: ${report.loadAverage.join(' ')}.`,
    '',
    '| server | clients | msg/s | p50 ms | p99 ms | max ms | deliveries/s | server CPU | µs CPU/delivery | generators CPU | memory/connection (RSS; heap) | all clients gap-free |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const [name, t] of Object.entries(report.targets)) {
    for (const [n, f] of Object.entries(t.fixed)) {
      lines.push(
        `| ${name} | ${n} | ${settings.rate} | ${f.median.p50} | ${f.median.p99} | ${f.median.max} | ${f.median.deliveriesPerSecond} | ${f.median.serverCpuPercent}% | ${f.median.serverCpuMicrosPerDelivery} | ${f.median.generatorCpuPercent}% | ${f.connect.memoryPerConnectionKB}; ${f.connect.heapPerConnectionKB} KB | ${f.gaps.behind === 0 ? 'yes' : `no (${f.gaps.behind} behind)`} |`,
      );
    }
  }
  if (bare?.sweep || api?.sweep) {
    lines.push('', `Rate sweep (${settings.sweepClients} clients, ${settings.sweepSeconds} s a step; sustained = p99 < ${settings.p99LimitMs} ms, ≥ 99% delivered, no send refused):`, '');
    lines.push('| server | highest sustained msg/s (p99 < 150 ms) | first failing msg/s | highest keeping up msg/s (p99 < 1 s, all delivered) | deliveries/s at it |', '|---|---:|---:|---:|---:|');
    for (const [name, t] of Object.entries(report.targets)) {
      if (t.sweep) lines.push(`| ${name} | ${t.sweep.highestSustainedRate} | ${t.sweep.firstFailingRate ?? 'none'} | ${t.sweep.highestKeepingUpRate} | ${t.sweep.highestKeepingUpRate * t.sweep.clients} |`);
    }
    const ratio = (a, b) => (b > 0 ? round(a / b, 2) : 'n/a');
    if (bare?.sweep && api?.sweep) {
      lines.push('', `**Sustained rate, api / bare: ${ratio(api.sweep.highestSustainedRate, bare.sweep.highestSustainedRate)}** (p99 < 150 ms; target ≥ 0.8); keeping up: ${ratio(api.sweep.highestKeepingUpRate, bare.sweep.highestKeepingUpRate)}.`);
      lines.push('', 'Sweep steps (msg/s: p50/p99 ms):', '');
      for (const [name, t] of Object.entries(report.targets)) lines.push(`- ${name}: ${t.sweep.steps.map((x) => `${x.rate}: ${x.p50}/${x.p99}`).join(', ')}`);
    }
  }
  if (bare?.storm || api?.storm) {
    lines.push('', `Reconnect storm (${settings.stormClients} clients drop and reconnect within 10 s while ${settings.rate} msg/s go on; target: all caught up without gaps within 30 s):`, '');
    lines.push('| server | messages during | all caught up after | every client gap-free at the end |', '|---|---:|---:|---|');
    for (const [name, t] of Object.entries(report.targets)) {
      if (t.storm) lines.push(`| ${name} | ${t.storm.messagesDuring} | ${t.storm.allCaughtUpAfterSeconds} s | ${t.storm.gaps.behind === 0 ? 'yes' : `no (${t.storm.gaps.behind} behind)`} |`);
    }
  }
  lines.push('', 'Send acknowledged (ms, p50/p99, medians of runs), and for the api what one trivial durable commit cost on the same PostgreSQL meanwhile (a probe every 100 ms):', '');
  for (const [name, t] of Object.entries(report.targets)) {
    for (const [n, f] of Object.entries(t.fixed)) {
      lines.push(`- ${name} ${n}: ack ${f.median.ackP50}/${f.median.ackP99}` + (f.median.commitP99 !== null ? `; commit ${f.median.commitP50}/${f.median.commitP99}` : ''));
    }
    if (t.sweep) lines.push(`- ${name} sweep: ${t.sweep.steps.map((x) => `${x.rate} msg/s ack ${x.ackP50}/${x.ackP99}` + (x.commitP99 !== null ? ` commit ${x.commitP50}/${x.commitP99}` : '')).join('; ')}`);
  }
  if (bare && api) {
    lines.push('', 'Ratios api / bare, same run:', '');
    for (const n of Object.keys(api.fixed)) {
      if (!bare.fixed[n]) continue;
      const a = api.fixed[n].median;
      const b = bare.fixed[n].median;
      lines.push(`- ${n} clients: p99 ${a.p99} / ${b.p99} ms; server CPU per delivery ${round(a.serverCpuMicrosPerDelivery / b.serverCpuMicrosPerDelivery, 2)}×; memory per connection ${api.fixed[n].connect.memoryPerConnectionKB} / ${bare.fixed[n].connect.memoryPerConnectionKB} KB`);
    }
  }
  lines.push('', 'Per run (p50/p99/max ms):', '');
  for (const [name, t] of Object.entries(report.targets)) {
    for (const [n, f] of Object.entries(t.fixed)) lines.push(`- ${name} ${n}: ${f.runs.map((r) => `${r.p50}/${r.p99}/${r.max}`).join(', ')}`);
  }
  if (report.loadAverage[0] > report.cpus) {
    lines.push(
      '',
      `**Read with care:** the machine's load average was ${report.loadAverage[0]} on ${report.cpus} cores when the run started (other work on it); ` +
        'pinning keeps our processes apart from each other, not from that work, so latencies here include waiting for a core. ' +
        'The bare server suffers the same: compare the two (CPU per delivery, the ratios), not the absolute milliseconds.',
    );
  }
  lines.push('', 'Reproduce: `npm run bench:chat` (about 10 minutes; settings CHAT_TARGETS, CHAT_CLIENTS, CHAT_RUNS, CHAT_SECONDS, CHAT_SCENARIOS, CHAT_GENERATORS, … at the top of test/bench/live-chat.mjs).', '');
  return lines.join('\n');
}

let code = 0;
try {
  log(`settings ${JSON.stringify(settings)}, scenarios ${[...scenarios].join(',')}, pinned ${pinned}`);
  generators = Array.from({ length: settings.generators }, (_, i) => new Generator(i));
  const report = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model?.trim(), pinned, loadAverage: os.loadavg().map((x) => round(x, 2)), settings, targets: {} };
  for (const name of settings.targets) {
    target = name === 'bare' ? await bareTarget() : await apiTarget();
    await runTarget(name, target, report.targets);
    target.child.kill('SIGTERM');
    await target.teardown?.();
    target = null;
  }
  const md = markdown(report);
  if (settings.targets.length > 1 && !process.env.CHAT_NO_WRITE) {
    mkdirSync(here('./results'), { recursive: true });
    writeFileSync(here('./results/live-chat.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(here('./results/live-chat.md'), md);
    log('written test/bench/results/live-chat.{json,md}');
  }
  console.log(`\n${md}`);
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  clearTimeout(DEADLINE);
  await cleanUp();
}
process.exit(code);
