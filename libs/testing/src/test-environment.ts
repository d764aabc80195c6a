import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { dataSourceOptions, migrate, type SchemaParts } from '@careers/platform';
import { ensureLocalRedis, redisAnswers, startEmbeddedPostgres } from '@careers/platform/dev';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { Redis } from 'ioredis';

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestEnvironment {
  /** Variables the tests' processes (and apps they boot) read. */
  env: { DATABASE_URL: string; REDIS_URL: string; REDIS_PREFIX: string; JWT_SECRET: string; NODE_ENV: 'test'; SIGNIN_LIMIT_PER_IP: string };
  teardown(): Promise<void>;
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * One test run's own world: a fresh database with every migration applied
 * (on TEST_DATABASE_URL's server, the local PostgreSQL, or else an embedded
 * one) and a Redis key prefix of its own. Teardown drops both.
 */
export async function createTestEnvironment(parts: SchemaParts, workDir: string): Promise<TestEnvironment> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const stops: (() => Promise<void>)[] = [];

  let adminUrl = process.env['TEST_DATABASE_URL'] ?? LOCAL_POSTGRES;
  if (!(await postgresAnswers(adminUrl))) {
    if (process.env['TEST_DATABASE_URL']) throw new Error(`TEST_DATABASE_URL does not answer: ${adminUrl}`);
    const embedded = await startEmbeddedPostgres(join(workDir, 'test-postgres'), 54330);
    adminUrl = embedded.url('postgres');
    stops.push(() => embedded.stop());
  }
  const database = `careers_test_${run}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();

  const db = await new DataSource(dataSourceOptions(databaseUrl, parts, { applicationName: 'careers-test-setup' })).initialize();
  await migrate(db);
  await db.destroy();

  let redisUrl = process.env['TEST_REDIS_URL'];
  if (redisUrl && !(await redisAnswers(redisUrl))) throw new Error(`TEST_REDIS_URL does not answer: ${redisUrl}`);
  if (!redisUrl) {
    const redis = await ensureLocalRedis(join(workDir, 'test-redis'), 6391);
    redisUrl = redis.url;
    stops.push(async () => redis.stop());
  }
  const prefix = `test-${run}`;

  return {
    env: {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      JWT_SECRET: randomBytes(32).toString('hex'),
      NODE_ENV: 'test',
      // Every spec signs in from 127.0.0.1 under the run's one Redis prefix, so the per-IP limit (50 in 15
      // minutes) would count the whole suite's sign-ins together; the specs of the limit set their own.
      SIGNIN_LIMIT_PER_IP: '100000',
    },
    async teardown() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
      await deleteKeys(redisUrl, `${prefix}:*`);
      for (const stop of stops.reverse()) await stop();
    },
  };
}

/**
 * A database of a test's own on the server of `serverUrl` (any database URL of it), with every
 * migration applied: for a test that breaks or stops it, so the other test files do not notice.
 */
export async function createPrivateDatabase(serverUrl: string, parts: SchemaParts): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const name = `careers_private_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await new DataSource(dataSourceOptions(url.toString(), parts, { applicationName: 'careers-test-setup' })).initialize();
  await migrate(db);
  await db.destroy();
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function deleteKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
