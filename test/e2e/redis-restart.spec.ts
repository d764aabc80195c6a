import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createPrivateDatabase, eventually, startRedisServer, startWorkerProcess, type WorkerProcess } from '@careers/testing';
import pg from 'pg';
import { schemaParts } from '../../apps/api/src/database.js';

// Redis holds only what can be lost: when it comes back empty, the worker declares its schedules again.
let database: { url: string; drop(): Promise<void> };
let redis: Awaited<ReturnType<typeof startRedisServer>>;
let worker: WorkerProcess;
let db: pg.Client;

beforeAll(async () => {
  // A database and a Redis of this file's own: its worker runs every schedule, and the test restarts Redis.
  database = await createPrivateDatabase(process.env['DATABASE_URL']!, schemaParts);
  redis = await startRedisServer();
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
  worker = startWorkerProcess({ DATABASE_URL: database.url, REDIS_URL: redis.url, VACANCY_SCHEDULE_INTERVAL: '1' });
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await db?.end();
  await redis?.stop();
  await database?.drop();
});

/** A published vacancy whose closing date has passed: the vacancies schedule closes it. */
async function overdueVacancy(title: string): Promise<string> {
  const [row] = (
    await db.query(
      `INSERT INTO vacancy (employer_name, title, description, description_html, sector, location, remote, type, closes_at, expires_at, status, created_by, published_at, apply_email)
       VALUES ('Acme', $1, 'd', '<p>d</p>', 'Policy', 'Leeds', 'ON_SITE', 'GRADUATE_JOB', now() - interval '1 minute', now() + interval '30 days', 'PUBLISHED', gen_random_uuid(), now(), 'jobs@acme.example')
       RETURNING id`,
      [title],
    )
  ).rows as { id: string }[];
  return row!.id;
}

const statusOf = async (id: string): Promise<string> => ((await db.query(`SELECT status FROM vacancy WHERE id = $1`, [id])).rows[0] as { status: string }).status;

it('runs the schedules again after Redis restarts empty', async () => {
  const before = await overdueVacancy('Closes before the restart');
  await eventually('the schedule to close the first vacancy', async () => (await statusOf(before)) === 'CLOSED', 60_000);

  await redis.restart();
  expect(await redis.client.dbsize()).toBe(0);

  const after = await overdueVacancy('Closes after the restart');
  await eventually('the schedule to close a vacancy after the restart', async () => (await statusOf(after)) === 'CLOSED', 30_000);
  expect(await redis.client.keys('*:repeat:vacancies-schedule*')).not.toEqual([]);
}, 120_000);
