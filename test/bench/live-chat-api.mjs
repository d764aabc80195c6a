// The api side of the live chat benchmark: a fresh database (createTestEnvironment),
// one approved live chat that started a minute ago, a host and `maxClients`
// registered students (written with SQL: no argon2 for thousands of people),
// access tokens signed as AccessTokens signs them, and the api in a child
// process (serve-api.mjs) started by live-chat.mjs.
import { createSecretKey, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import pg from 'pg';
import { createTestEnvironment } from '@careers/testing';
import { schemaParts } from '../../apps/api/dist/database.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function prepareApi({ startServer, log, maxClients, processes = 1 }) {
  const environment = await createTestEnvironment(schemaParts, `${ROOT}.data`);
  const env = {
    ...process.env,
    ...environment.env,
    LOG_LEVEL: 'silent',
    ACCESS_TOKEN_TTL: '3600',
    MIGRATIONS_RUN: 'false',
    LIVE_CHAT_MAX_ROOM_SIZE: String(maxClients + 100),
  };
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const t0 = performance.now();
  const [{ id: institutionId }] = (await db.query(`INSERT INTO institution (name, email_domains) VALUES ('Bench University', '{bench.ac.uk}') RETURNING id`)).rows;
  const [{ id: organisationId }] = (await db.query(`INSERT INTO organisation (name) VALUES ('Bench Ltd') RETURNING id`)).rows;
  const [{ id: hostId }] = (
    await db.query(
      `INSERT INTO user_account (email, password_hash, display_name, role, organisation_id) VALUES ('host@bench.example', 'x', 'Bench Host', 'EMPLOYER', $1) RETURNING id`,
      [organisationId],
    )
  ).rows;
  const students = (
    await db.query(
      `INSERT INTO user_account (email, password_hash, display_name, role, institution_id)
       SELECT 'student-' || i || '@bench.ac.uk', 'x', 'Student ' || i, 'STUDENT', $1 FROM generate_series(1, $2) i RETURNING id`,
      [institutionId, maxClients],
    )
  ).rows.map((r) => r.id);
  const [{ id: eventId }] = (
    await db.query(
      `INSERT INTO live_chat_event (organisation_id, created_by_id, title, description, starts_at, ends_at, capacity, status)
       VALUES ($1, $2, 'Bench chat', 'Load', now() - interval '1 minute', now() + interval '3 hours', 10000, 'APPROVED') RETURNING id`,
      [organisationId, hostId],
    )
  ).rows;
  await db.query(`INSERT INTO live_chat_host (event_id, user_id) VALUES ($1, $2)`, [eventId, hostId]);
  await db.query(`INSERT INTO live_chat_audience (event_id, institution_id, status) VALUES ($1, $2, 'APPROVED')`, [eventId, institutionId]);
  await db.query(`INSERT INTO live_chat_registration (event_id, user_id, status) SELECT $1, unnest($2::uuid[]), 'REGISTERED'`, [eventId, students]);

  const key = createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8'));
  const tokens = await Promise.all(
    students.map((id) =>
      new SignJWT({ role: 'STUDENT', inst: institutionId, org: null, trust: 'NEW', sid: randomUUID() })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(id)
        .setIssuer('careers-network')
        .setIssuedAt()
        .setExpirationTime('3h')
        .sign(key),
    ),
  );
  log(`api: seeded ${students.length} registered students in ${Math.round(performance.now() - t0)} ms`);

  const server = await startServer('api', './serve-api.mjs', env);
  const others = [];
  for (let i = 1; i < processes; i++) others.push(await startServer(`api-${i + 1}`, './serve-api.mjs', env, i % 2));
  if (others.length) {
    server.urls = [server.url, ...others.map((o) => o.url)];
    server.pids = [server.child.pid, ...others.map((o) => o.child.pid)];
    log(`api: ${processes} processes sharing the room through Redis: ${server.urls.join(', ')}`);
  }
  const prober = new pg.Client({ connectionString: env.DATABASE_URL, application_name: 'careers-bench-commit-probe' });
  await prober.connect();
  await prober.query('CREATE TABLE bench_commit_probe (at timestamptz NOT NULL DEFAULT now())');
  return Object.assign(server, {
    /** Times a trivial INSERT + COMMIT every 100 ms until stopped; resolves to its p50 and p99 in ms. */
    probeCommits() {
      const times = [];
      let running = true;
      const loop = (async () => {
        while (running) {
          const t = performance.now();
          await prober.query('INSERT INTO bench_commit_probe DEFAULT VALUES');
          times.push(performance.now() - t);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      return {
        async stop() {
          running = false;
          await loop;
          times.sort((a, b) => a - b);
          const at = (p) => Math.round(times[Math.min(times.length - 1, Math.ceil(times.length * p) - 1)] ?? 0);
          return { p50: at(0.5), p99: at(0.99) };
        },
      };
    },
    eventId,
    tokens: (n) => tokens.slice(0, n),
    async lastSeq() {
      const { rows } = await db.query(`SELECT last_seq FROM live_chat_room WHERE event_id = $1`, [eventId]);
      return Number(rows[0]?.last_seq ?? 0);
    },
    async teardown() {
      await prober.end().catch(() => undefined);
      await db.end().catch(() => undefined);
      await environment.teardown();
    },
  });
}
