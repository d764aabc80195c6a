import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QueueName } from '@careers/contracts';
import type { Queue } from 'bullmq';
import { QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../src/worker.module.js';

let worker: INestApplicationContext;
let queue: Queue;
let db: DataSource;

beforeAll(async () => {
  // A queue prefix of its own and no relay: this worker must not take events or schedules of other test files.
  process.env['REDIS_PREFIX'] = `${process.env['REDIS_PREFIX']}-maintenance`;
  process.env['OUTBOX_RELAY'] = 'false';
  worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await worker.init();
  queue = worker.get<Queue>(getQueueToken(QueueName.MAINTENANCE));
  db = worker.get(DataSource);
});
afterAll(() => worker.close());

it('schedules refresh-token pruning and, run through Redis, deletes only expired tokens', async () => {
  const schedulers = await queue.getJobSchedulers();
  expect(schedulers.map((s) => [s.key, s.every])).toContainEqual(['prune-refresh-tokens', 3600000]);

  const [{ id: institutionId }] = await db.query(`INSERT INTO institution (name, email_domains) VALUES ('W', '{w.ac.uk}') RETURNING id`);
  const [{ id: userId }] = await db.query(
    `INSERT INTO user_account (email, password_hash, display_name, role, institution_id) VALUES ('w@w.ac.uk', 'x', 'W', 'STUDENT', $1) RETURNING id`,
    [institutionId],
  );
  await db.query(
    `INSERT INTO refresh_token (user_id, family_id, secret_hash, expires_at) VALUES
       ($1, gen_random_uuid(), 'a', now() - interval '1 day'),
       ($1, gen_random_uuid(), 'b', now() + interval '1 day')`,
    [userId],
  );

  const events = new QueueEvents(queue.name, { connection: queue.opts.connection, prefix: queue.opts.prefix });
  try {
    await events.waitUntilReady();
    const job = await queue.add('prune-refresh-tokens', {});
    // The schedule's own first run may beat this job to the expired row: what counts is that it is gone.
    await job.waitUntilFinished(events, 10_000);
  } finally {
    await events.close();
  }
  const left = await db.query(`SELECT secret_hash FROM refresh_token WHERE user_id = $1`, [userId]);
  expect(left).toEqual([{ secret_hash: 'b' }]);
});
