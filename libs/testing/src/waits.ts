import { QueueEvents, type Queue } from 'bullmq';
import type { DataSource } from 'typeorm';

/** Polls `check` until it returns true, or fails after `ms` with `what`. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The worker has done what the events of these aggregates ask: every outbox
 * event of theirs is completed, and so is every event appended under one of
 * their event ids (emails are requested under the id of the event that caused
 * them), so a test that then finds no email knows none is on its way. With
 * `expect`, first waits until at least
 * `count` events of that `type` were appended (so a test that acted just now
 * does not find the outbox empty and call it settled). Only these aggregates'
 * events count: other test files write to the same outbox meanwhile.
 */
export async function settled(
  db: DataSource,
  aggregateIds: string | string[],
  expect?: { type: string; count: number },
  ms = 20_000,
): Promise<void> {
  const ids = Array.isArray(aggregateIds) ? aggregateIds : [aggregateIds];
  if (expect) {
    await eventually(`${expect.count} ${expect.type} event(s) of ${ids.join(', ')}`, async () => {
      const [row] = await db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = ANY($1) AND type = $2`, [ids, expect.type]);
      return row.n >= expect.count;
    }, ms);
  }
  await eventually(`the events of ${ids.join(', ')} to be processed`, async () => {
    const [row] = await db.query(
      `SELECT count(*)::int AS n FROM outbox_event
       WHERE completed_at IS NULL AND (aggregate_id = ANY($1) OR aggregate_id IN (SELECT id::text FROM outbox_event WHERE aggregate_id = ANY($1)))`,
      [ids],
    );
    return row.n === 0;
  }, ms);
}

/**
 * Resolves once the scheduled job `name` of `queue` (declared with
 * `scheduleEvery`) has completed `runs` times from now on: for a test whose
 * effect comes from a schedule, or that proves a schedule did nothing.
 * Listens to the queue's events, so it needs a worker running that schedule.
 */
export async function scheduledRuns(queue: Queue, name: string, runs = 1, ms = 30_000): Promise<void> {
  const events = new QueueEvents(queue.name, { connection: queue.opts.connection, prefix: queue.opts.prefix });
  try {
    await events.waitUntilReady();
    let left = runs;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${runs} run(s) of ${name}`)), ms);
      events.on('completed', ({ jobId }) => {
        if (jobId.startsWith(`repeat:${name}:`) && --left === 0) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  } finally {
    await events.close();
  }
}

/**
 * The SQL statements the api's data source sent while `run` ran (every query
 * runner it created meanwhile, transactions included): for tests that a page
 * costs a bounded number of statements, not one per item.
 */
export async function countStatements<T>(db: DataSource, run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const original = db.driver.createQueryRunner.bind(db.driver);
  db.driver.createQueryRunner = (mode) => {
    const runner = original(mode);
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, ...rest: unknown[]) => {
      statements.push(sql);
      return (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
    }) as typeof runner.query;
    return runner;
  };
  try {
    return { result: await run(), statements };
  } finally {
    db.driver.createQueryRunner = original;
  }
}
