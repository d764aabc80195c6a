// `npm run bench:spine`: the event spine end to end. Domain events committed
// to the outbox → relay → BullMQ → notification listener in a worker process →
// notifications stored (multi-row insert per event) and pushed through Redis.
//
// Scenarios (each SPINE_RUNS times, medians reported):
//   fan-out: ONE event for N recipients (N = 10k and 100k);
//   many:    N events of one recipient each (N = 10k): the per-job cost;
//   ceiling: N no-op BullMQ jobs through a Worker of the same concurrency (8),
//            measured in the same run.
// Results: test/bench/results/spine.{json,md}.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { dataSourceOptions, Outbox } from '@careers/platform';
import { createTestEnvironment } from '@careers/testing';
import { schemaParts } from '../../apps/api/dist/database.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const RUNS = Number(process.env.SPINE_RUNS ?? 3);
const DEADLINE = setTimeout(() => {
  console.error('The spine benchmark ran past 10 minutes: giving up.');
  process.exit(1);
}, 600_000);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const log = (...a) => console.log('[spine]', ...a);

const environment = await createTestEnvironment(schemaParts, here('../../.data'));
Object.assign(process.env, environment.env, { LOG_LEVEL: 'warn' });
const db = await new DataSource(dataSourceOptions(process.env.DATABASE_URL, schemaParts, { applicationName: 'careers-bench-spine' })).initialize();
const outbox = new Outbox();
const worker = spawn(process.execPath, [here('../../apps/worker/dist/main.js')], {
  env: { ...process.env, OUTBOX_POLL_INTERVAL: '0.5' },
  stdio: ['ignore', 'inherit', 'inherit'],
});

const count = async () => (await db.query('SELECT count(*)::int AS n FROM notification'))[0].n;
const event = (memberIds) => ({
  type: 'identity.organisation-decided',
  aggregateType: 'organisation',
  aggregateId: randomUUID(),
  payload: { organisationId: randomUUID(), organisationName: 'Bench Ltd', institutionId: randomUUID(), institutionName: 'Bench University', approved: true, reason: null, memberIds },
});

/** Commits the events, then waits until every notification is stored and every job done (pushes happen before a job ends). */
async function measure(events, expected) {
  const before = await count();
  const started = performance.now();
  await db.transaction(async (tx) => {
    for (let i = 0; i < events.length; i += 5000) await outbox.append(tx, ...events.slice(i, i + 5000));
  });
  for (;;) {
    const done = (await count()) - before >= expected;
    const open = (await db.query('SELECT count(*)::int AS n FROM outbox_event WHERE completed_at IS NULL'))[0].n;
    if (done && open === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: expected / seconds };
}

async function ceiling(n) {
  const connection = { url: process.env.REDIS_URL, maxRetriesPerRequest: null };
  const name = `bench-noop-${randomUUID()}`;
  const prefix = `${process.env.REDIS_PREFIX}:bull`;
  const queue = new Queue(name, { connection, prefix });
  await queue.addBulk(Array.from({ length: n }, (_, i) => ({ name: 'noop', data: { i }, opts: { removeOnComplete: true } })));
  let done = 0;
  const started = performance.now();
  const finished = new Promise((resolve) => {
    const w = new Worker(name, async () => undefined, { connection, prefix, concurrency: 8 });
    w.on('completed', () => {
      if (++done === n) resolve(w);
    });
  });
  const w = await finished;
  const seconds = (performance.now() - started) / 1000;
  await w.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { seconds, perSecond: n / seconds };
}

const results = {};
try {
  await new Promise((r) => setTimeout(r, 3000)); // the worker starts
  await measure([event([randomUUID()])], 1); // warm-up
  const scenarios = [
    ['fan-out 10k (1 event × 10,000 recipients)', () => [event(Array.from({ length: 10_000 }, randomUUID))], 10_000],
    ['fan-out 100k (1 event × 100,000 recipients)', () => [event(Array.from({ length: 100_000 }, randomUUID))], 100_000],
    ['many 10k (10,000 events × 1 recipient)', () => Array.from({ length: 10_000 }, () => event([randomUUID()])), 10_000],
  ];
  for (const [name, make, expected] of scenarios) {
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await measure(make(), expected));
    results[name] = { seconds: median(runs.map((x) => x.seconds)), perSecond: median(runs.map((x) => x.perSecond)), runs };
    log(name, `${results[name].seconds.toFixed(2)} s, ${Math.round(results[name].perSecond)} notifications/s`);
  }
  const noop = [];
  for (let r = 0; r < RUNS; r++) noop.push(await ceiling(10_000));
  results['ceiling: 10,000 no-op BullMQ jobs'] = { seconds: median(noop.map((x) => x.seconds)), perSecond: median(noop.map((x) => x.perSecond)), runs: noop };

  const many = results['many 10k (10,000 events × 1 recipient)'].perSecond;
  const md = [
    `## Spine benchmark — ${new Date().toISOString()}`,
    '',
    `Node ${process.version}, ${os.cpus().length} cores; worker process (listener concurrency 8) and PostgreSQL, Redis and this process on the same machine; medians of ${RUNS} runs.`,
    '',
    '| scenario | seconds | per second |',
    '|---|---:|---:|',
    ...Object.entries(results).map(([k, v]) => `| ${k} | ${v.seconds.toFixed(2)} | ${Math.round(v.perSecond)} |`),
    '',
    `Per-event jobs against the no-op ceiling: ${(many / results['ceiling: 10,000 no-op BullMQ jobs'].perSecond).toFixed(2)}.`,
  ].join('\n');
  mkdirSync(here('./results'), { recursive: true });
  writeFileSync(here('./results/spine.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, runs: RUNS, results }, null, 2));
  writeFileSync(here('./results/spine.md'), `${md}\n`);
  console.log(`\n${md}`);
} finally {
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  await db.destroy();
  await environment.teardown();
  clearTimeout(DEADLINE);
}
