// `npm run bench`: throughput and latency of identity's hot paths, on this machine.
//
//   a. `me { … profile { … } }` on the api, 50 connections, a different
//      student's bearer token on each request (200 students, rotating);
//   b. `signIn` on the api, 8 connections (argon2id verification dominates);
//   c. the ceiling for (a): a bare node:http server doing the same JWT check and
//      the same SQL statement (user joined with profile) (bare-server.mjs), loaded like (a).
//
// A fresh database (createTestEnvironment), the api and the bare server each in
// a child process, autocannon in this one. Each scenario: a warm-up, then
// BENCH_RUNS runs of BENCH_SECONDS; the api and bare `me` runs alternate so
// drift on the machine hits both alike. Reported: medians over the runs.
// Results go to test/bench/results/identity.{json,md}.
//
// Settings (environment): BENCH_SECONDS (8), BENCH_RUNS (3), BENCH_WARMUP (2),
// BENCH_USERS (200), BENCH_CONNECTIONS (50), BENCH_SIGNIN_CONNECTIONS (8),
// BENCH_TIMEOUT (seconds after which the run gives up and cleans up; by
// default 90 s plus 1.5 × the planned load time, about 4 minutes).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { createTestEnvironment } from '@careers/testing';
import { schemaParts } from '../../apps/api/dist/database.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const ROOT = here('../../');
const RESULTS = here('./results/');

const int = (name, fallback, min = 1) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min} (got ${JSON.stringify(raw)})`);
  return n;
};
const settings = {
  seconds: int('BENCH_SECONDS', 8),
  runs: int('BENCH_RUNS', 3),
  warmupSeconds: int('BENCH_WARMUP', 2, 0),
  users: int('BENCH_USERS', 200),
  meConnections: int('BENCH_CONNECTIONS', 50),
  signInConnections: int('BENCH_SIGNIN_CONNECTIONS', 8),
  databasePoolSize: 20,
  tokens: 'rotating: every request carries the next of the users\' access tokens (autocannon `requests` array, one prebuilt request per user)',
};

const PASSWORD = 'bench password 0123456789';
const ME_QUERY = 'query { me { id displayName role email profile { headline bio sectors } } }';
const SIGNIN_MUTATION = 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }';

// The whole run stops by itself: past this it kills what it started and exits 1.
const loadSeconds = (settings.runs * 3 + 3) * settings.seconds + 3 * settings.warmupSeconds;
const deadlineMs = int('BENCH_TIMEOUT', Math.round(90 + loadSeconds * 1.5)) * 1000;

const log = (...args) => console.log(`[bench ${((performance.now() / 1000) | 0).toString().padStart(3)}s]`, ...args);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------- children

const children = [];

/** Starts a server script in a child process; resolves once it prints {"port": N}. */
function startChild(name, script, env) {
  // BENCH_PROFILE=dir writes a V8 CPU profile of each server to dir (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, here(script)], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s`)), 60_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before listening (${signal ?? `exit code ${code}`})`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      let msg;
      try {
        msg = JSON.parse(line);
      } catch {
        return process.stdout.write(`[${name}] ${line}\n`);
      }
      if (typeof msg?.port === 'number') {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.on('exit', (code, signal) => {
          if (!stopping) log(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`})`);
        });
        resolve({ name, child, url: `http://127.0.0.1:${msg.port}` });
      }
    });
  });
}

let stopping = false;
/** Closes the children's stdin (they stop themselves), then SIGKILLs whatever is still running after 5 s. */
async function stopChildren() {
  stopping = true;
  await Promise.all(
    children.map(
      (c) =>
        new Promise((done) => {
          if (c.exitCode !== null || c.signalCode !== null) return done();
          const kill = setTimeout(() => c.kill('SIGKILL'), 5000);
          c.once('exit', () => {
            clearTimeout(kill);
            done();
          });
          c.stdin.end();
          c.kill('SIGTERM');
        }),
    ),
  );
}

// ---------------------------------------------------------------- HTTP helpers

async function gql(url, query, variables, token) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length || !body.data) throw new Error(`${query.slice(0, 40)}… failed (${res.status}): ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------- seeding

async function seed(api, databaseUrl) {
  const domain = `bench-${randomBytes(4).toString('hex')}.ac.uk`;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('INSERT INTO institution (name, email_domains) VALUES ($1, $2)', ['Bench University', [domain]]);
  } finally {
    await db.end();
  }
  const signUp = 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken } }';
  const updateProfile = 'mutation P($input: UpdateProfileInput!) { updateProfile(input: $input) { headline } }';
  const sectors = ['Engineering', 'Finance', 'Healthcare', 'Law', 'Media', 'Public sector', 'Research', 'Technology'];
  // Argon2id hashing runs on the api's libuv pool (4 threads); 4 in flight keeps it busy.
  return pool(Array.from({ length: settings.users }, (_, i) => i), 4, async (i) => {
    const email = `student-${i}@${domain}`;
    const { signUp: session } = await gql(api.url, signUp, {
      input: { email, password: PASSWORD, displayName: `Bench Student ${i}`, role: 'STUDENT' },
    });
    await gql(
      api.url,
      updateProfile,
      {
        input: {
          headline: `Final-year student ${i}, looking for a graduate scheme`,
          bio: `Student ${i} of Bench University. Interested in ${sectors[i % sectors.length]} and ${sectors[(i + 3) % sectors.length]}; ` +
            'has done two summer internships and runs the careers society newsletter.',
          sectors: [sectors[i % sectors.length], sectors[(i + 3) % sectors.length]],
        },
      },
      session.accessToken,
    );
    return { email, accessToken: session.accessToken };
  });
}

// ---------------------------------------------------------------- load

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

/** Total busy CPU seconds of the machine, from /proc/stat (Linux); null elsewhere. */
function machineBusySeconds() {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds used so far by each PostgreSQL backend serving the bench database (Linux, same host); null elsewhere. */
async function backendCpu(monitor) {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(process.env.DATABASE_URL).hostname)) return null;
  const { rows } = await monitor.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  const out = new Map();
  for (const { pid } of rows) {
    const cpu = cpuSeconds(pid);
    if (cpu === null) return null;
    out.set(pid, cpu);
  }
  return out;
}

/** One autocannon run; returns its figures and the CPU the server, PostgreSQL, this process and the machine used meanwhile. */
async function load({ url, connections, seconds, requests, verifyBody, serverPid, monitor }) {
  const { host } = new URL(url);
  const db0 = await backendCpu(monitor);
  const serverCpu0 = cpuSeconds(serverPid);
  const machine0 = machineBusySeconds();
  const self0 = process.cpuUsage();
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', host },
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 10,
    requests,
    verifyBody,
  });
  const self = process.cpuUsage(self0);
  const serverCpu1 = cpuSeconds(serverPid);
  const machine1 = machineBusySeconds();
  const db1 = await backendCpu(monitor);
  // Backends opened during the run count from 0; any closed during it are missed (pools keep theirs open under load).
  const dbCpu = db0 && db1 ? [...db1].reduce((sum, [pid, cpu]) => sum + cpu - (db0.get(pid) ?? 0), 0) : null;
  const pct = (busySeconds) => round((100 * busySeconds) / result.duration, 0);
  const perRequest = (busySeconds) => (result.requests.total ? round((1e6 * busySeconds) / result.requests.total, 0) : null);
  return {
    rps: round(result.requests.average),
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    durationSeconds: round(result.duration, 2),
    serverCpuPercent: serverCpu0 === null || serverCpu1 === null ? null : pct(serverCpu1 - serverCpu0),
    serverCpuMicrosPerRequest: serverCpu0 === null || serverCpu1 === null ? null : perRequest(serverCpu1 - serverCpu0),
    postgresCpuPercent: dbCpu === null ? null : pct(dbCpu),
    postgresCpuMicrosPerRequest: dbCpu === null ? null : perRequest(dbCpu),
    loadGeneratorCpuPercent: pct((self.user + self.system) / 1e6),
    machineCpuPercent: machine0 === null || machine1 === null ? null : pct(machine1 - machine0),
  };
}

const fmtRun = (r) =>
  `${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms` +
  (r.errors + r.timeouts + r.non2xx + r.mismatches ? `, errors ${r.errors} timeouts ${r.timeouts} non-2xx ${r.non2xx} bad bodies ${r.mismatches}` : '') +
  (r.serverCpuPercent !== null
    ? ` | CPU: server ${r.serverCpuPercent}% (${r.serverCpuMicrosPerRequest} µs/req), PostgreSQL ${r.postgresCpuPercent ?? 'n/a'}%` +
      ` (${r.postgresCpuMicrosPerRequest ?? 'n/a'} µs/req), autocannon ${r.loadGeneratorCpuPercent}%, machine ${r.machineCpuPercent}% of ${os.cpus().length * 100}%`
    : '');

function summarise(name, connections, runs) {
  const bad = runs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx + r.mismatches, 0);
  const total = runs.reduce((n, r) => n + r.total, 0);
  return {
    name,
    connections,
    runs,
    median: {
      rps: median(runs.map((r) => r.rps)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      serverCpuPercent: runs[0].serverCpuPercent === null ? null : median(runs.map((r) => r.serverCpuPercent)),
      serverCpuMicrosPerRequest: runs[0].serverCpuMicrosPerRequest === null ? null : median(runs.map((r) => r.serverCpuMicrosPerRequest)),
      postgresCpuMicrosPerRequest: runs[0].postgresCpuMicrosPerRequest === null ? null : median(runs.map((r) => r.postgresCpuMicrosPerRequest)),
      machineCpuPercent: runs[0].machineCpuPercent === null ? null : median(runs.map((r) => r.machineCpuPercent)),
    },
    failedRequests: bad,
    totalRequests: total,
  };
}

// ---------------------------------------------------------------- report

function markdown(report) {
  const { settings: s, scenarios: sc } = report;
  const na = (v, unit = '') => (v === null || v === undefined ? 'n/a' : `${v}${unit}`);
  const row = (label, x) =>
    `| ${label} | ${x.connections} | ${round(x.median.rps)} | ${x.median.p50} | ${x.median.p99} | ${na(x.median.serverCpuPercent, '%')} | ` +
    `${na(x.median.serverCpuMicrosPerRequest)} | ${na(x.median.postgresCpuMicrosPerRequest)} | ${na(x.median.machineCpuPercent, '%')} | ${x.failedRequests} / ${x.totalRequests} |`;
  return [
    `## Identity benchmark — ${report.date}`,
    '',
    `Node ${report.node}, ${report.cpus} × ${report.cpuModel}, ${report.memoryGiB} GiB, ${report.postgres}, Redis at ${report.redis}.`,
    `${s.runs} runs × ${s.seconds} s per scenario after a ${s.warmupSeconds} s warm-up; figures are medians over the runs. ` +
      `${s.users} seeded students; api DATABASE_POOL_SIZE=${s.databasePoolSize}, LOG_LEVEL=silent, NODE_ENV=test; ` +
      `tokens ${s.tokens.split(':')[0]} over all ${s.users} users. Server, PostgreSQL and autocannon share the machine; ` +
      `before the runs, with the servers idle, the machine was ${report.background.idleMachineCpuPercent ?? 'n/a'}% busy ` +
      `(of ${report.cpus * 100}%; load average ${report.background.loadAverage.join(' ')}).`,
    '',
    '| scenario | connections | req/s | p50 ms | p99 ms | server CPU | server CPU µs/req | PostgreSQL CPU µs/req | machine CPU (of ' +
      `${report.cpus * 100}%) | failed / total |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    row('api `me` (GraphQL, JWT + 1 SELECT)', sc.apiMe),
    row('bare `me` (node:http + jose + pg, same SQL)', sc.bareMe),
    row('api `signIn` (argon2id 19 MiB, t=2)', sc.apiSignIn),
    '',
    `**api / bare \`me\` throughput: ${report.ratio.apiMeOverBareRps}** (${sc.apiMe.median.rps} / ${sc.bareMe.median.rps} req/s); ` +
      `p99 ${sc.apiMe.median.p99} ms vs ${sc.bareMe.median.p99} ms; server CPU per request ${report.ratio.apiMeOverBareServerCpuPerRequest ?? 'n/a'}× the bare server's.`,
    '',
    'Per run (req/s; p50/p99 ms):',
    '',
    ...Object.values(sc).map((x) => `- ${x.name}: ${x.runs.map((r) => `${r.rps} (${r.p50}/${r.p99})`).join(', ')}`),
    '',
  ].join('\n');
}

function writeAtomically(file, text) {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

// ---------------------------------------------------------------- main

let environment;
let monitor;
let cleaning;
async function cleanUp() {
  cleaning ??= (async () => {
    await monitor?.end().catch(() => undefined);
    await stopChildren();
    if (environment) await environment.teardown().catch((error) => console.error('Teardown failed:', error));
  })();
  return cleaning;
}

const watchdog = setTimeout(async () => {
  console.error(`The benchmark did not finish within ${deadlineMs / 1000} s; stopping.`);
  await Promise.race([cleanUp(), new Promise((r) => setTimeout(r, 15_000))]);
  process.exit(1);
}, deadlineMs);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await Promise.race([cleanUp(), new Promise((r) => setTimeout(r, 15_000))]);
    process.exit(130);
  });
}

async function main() {
  log(`settings: ${JSON.stringify({ ...settings, tokens: 'rotating' })}; hard limit ${Math.round(deadlineMs / 1000)} s`);
  environment = await createTestEnvironment(schemaParts, `${ROOT}.data`);
  Object.assign(process.env, environment.env, {
    LOG_LEVEL: 'silent',
    SIGNIN_LIMIT_PER_IP: '100000000',
    SIGNIN_LIMIT_PER_ACCOUNT: '100000000',
    DATABASE_POOL_SIZE: String(settings.databasePoolSize),
    // The access tokens must outlive the run.
    ACCESS_TOKEN_TTL: '3600',
    // createTestEnvironment has migrated the database already.
    MIGRATIONS_RUN: 'false',
  });
  log(`database ready: ${new URL(process.env.DATABASE_URL).pathname.slice(1)}`);

  const [api, bare] = await Promise.all([
    startChild('api', './serve-api.mjs', { ...process.env }),
    startChild('bare', './bare-server.mjs', { ...process.env }),
  ]);
  log(`api at ${api.url} (pid ${api.child.pid}), bare server at ${bare.url} (pid ${bare.child.pid})`);

  monitor = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: 'careers-bench-monitor' });
  await monitor.connect();

  const t0 = performance.now();
  const users = await seed(api, process.env.DATABASE_URL);
  log(`seeded ${users.length} students with profiles in ${round((performance.now() - t0) / 1000)} s`);

  // Both servers must give the same answer before their speed means anything.
  for (const u of [users[0], users[users.length >> 1], users[users.length - 1]]) {
    const fromApi = await gql(api.url, ME_QUERY, undefined, u.accessToken);
    const fromBare = await gql(bare.url, ME_QUERY, undefined, u.accessToken);
    if (JSON.stringify(fromApi) !== JSON.stringify(fromBare) || fromApi.me.email !== u.email || !fromApi.me.profile?.headline) {
      throw new Error(`The api and the bare server disagree on me:\n api:  ${JSON.stringify(fromApi)}\n bare: ${JSON.stringify(fromBare)}`);
    }
  }
  log('api and bare server answer `me` identically');

  // Other work on the machine skews everything below: measure it while our servers idle.
  const busy0 = machineBusySeconds();
  await new Promise((r) => setTimeout(r, 1000));
  const busy1 = machineBusySeconds();
  const idleMachineCpuPercent = busy0 === null || busy1 === null ? null : round(100 * (busy1 - busy0), 0);
  const loadAverage = os.loadavg().map((x) => round(x, 2));
  log(`machine CPU with the servers idle: ${idleMachineCpuPercent ?? 'n/a'}% of ${os.cpus().length * 100}%; load average ${loadAverage.join(' ')}`);
  if (idleMachineCpuPercent > 20) log('warning: something else is using the CPU; the figures will be lower and noisier than on a quiet machine');

  const meBody = JSON.stringify({ query: ME_QUERY });
  const meRequests = users.map((u) => ({ headers: { 'content-type': 'application/json', authorization: `Bearer ${u.accessToken}` }, body: meBody }));
  const meOk = (body) => body.startsWith('{"data":{"me":{"id":"') && !body.includes('"errors"');
  const signInRequests = users.map((u) => ({
    body: JSON.stringify({ query: SIGNIN_MUTATION, variables: { input: { email: u.email, password: PASSWORD } } }),
  }));
  const signInOk = (body) => body.startsWith('{"data":{"signIn":{"accessToken":"') && !body.includes('"errors"');

  const meOn = (server, seconds) =>
    load({ url: server.url, connections: settings.meConnections, seconds, requests: meRequests, verifyBody: meOk, serverPid: server.child.pid, monitor });

  if (settings.warmupSeconds) {
    log(`warm-up: ${settings.warmupSeconds} s on each server`);
    await meOn(api, settings.warmupSeconds);
    await meOn(bare, settings.warmupSeconds);
  }
  const apiMeRuns = [];
  const bareMeRuns = [];
  for (let i = 1; i <= settings.runs; i++) {
    const a = await meOn(api, settings.seconds);
    apiMeRuns.push(a);
    log(`me api  run ${i}/${settings.runs}: ${fmtRun(a)}`);
    const b = await meOn(bare, settings.seconds);
    bareMeRuns.push(b);
    log(`me bare run ${i}/${settings.runs}: ${fmtRun(b)}`);
  }

  const signInOn = (seconds) =>
    load({ url: api.url, connections: settings.signInConnections, seconds, requests: signInRequests, verifyBody: signInOk, serverPid: api.child.pid, monitor });
  if (settings.warmupSeconds) {
    log(`warm-up: ${settings.warmupSeconds} s of signIn`);
    await signInOn(settings.warmupSeconds);
  }
  const signInRuns = [];
  for (let i = 1; i <= settings.runs; i++) {
    const r = await signInOn(settings.seconds);
    signInRuns.push(r);
    log(`signIn  run ${i}/${settings.runs}: ${fmtRun(r)}`);
  }

  const postgres = (await monitor.query('SHOW server_version')).rows[0].server_version;

  const scenarios = {
    apiMe: summarise('api me', settings.meConnections, apiMeRuns),
    bareMe: summarise('bare me', settings.meConnections, bareMeRuns),
    apiSignIn: summarise('api signIn', settings.signInConnections, signInRuns),
  };
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30),
    postgres: `PostgreSQL ${postgres}`,
    redis: process.env.REDIS_URL,
    settings,
    background: { idleMachineCpuPercent, loadAverage },
    queries: { me: ME_QUERY, signIn: SIGNIN_MUTATION },
    scenarios,
    ratio: {
      apiMeOverBareRps: round(scenarios.apiMe.median.rps / scenarios.bareMe.median.rps, 2),
      apiMeOverBareServerCpuPerRequest:
        scenarios.apiMe.median.serverCpuMicrosPerRequest && scenarios.bareMe.median.serverCpuMicrosPerRequest
          ? round(scenarios.apiMe.median.serverCpuMicrosPerRequest / scenarios.bareMe.median.serverCpuMicrosPerRequest, 1)
          : null,
    },
  };

  const md = markdown(report);
  mkdirSync(RESULTS, { recursive: true });
  writeAtomically(`${RESULTS}identity.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeAtomically(`${RESULTS}identity.md`, md);
  console.log(`\n${md}`);
  log('written test/bench/results/identity.json and identity.md');

  const failing = Object.values(scenarios).filter((x) => x.failedRequests > x.totalRequests * 0.001);
  if (failing.length) {
    throw new Error(`Too many failed requests in: ${failing.map((x) => `${x.name} (${x.failedRequests}/${x.totalRequests})`).join(', ')}`);
  }
}

let code = 0;
try {
  await main();
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  await cleanUp();
  clearTimeout(watchdog);
}
process.exit(code);
