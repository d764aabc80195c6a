// Helpers of the HTTP benchmarks that load a server in a child process with autocannon
// (mentoring.mjs; the same shape as run.mjs): children that print {"port": N}, CPU figures
// from /proc, one autocannon run with what the server, PostgreSQL and the machine used meanwhile.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** An integer setting from the environment, or `fallback`. */
export function intSetting(name, fallback, min = 1) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min} (got ${JSON.stringify(raw)})`);
  return n;
}

/** Child processes of one benchmark: started, and stopped together at the end (or by the deadline). */
export function childProcesses(log) {
  const children = [];
  let stopping = false;
  return {
    /** Starts `script` (a path relative to test/bench) in a child process; resolves once it prints {"port": N}. */
    start(name, script, env) {
      const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
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
    },
    /** Closes the children's stdin and sends SIGTERM; SIGKILLs whatever still runs after 5 s. */
    async stop() {
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
    },
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Total busy CPU seconds of the machine, from /proc/stat (Linux); null elsewhere. */
export function machineBusySeconds() {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return null;
  }
}

/** How busy the machine is over `ms` while nothing of ours runs, in % (of cpus × 100%). */
export async function idleMachinePercent(ms = 1000) {
  const a = machineBusySeconds();
  await new Promise((r) => setTimeout(r, ms));
  const b = machineBusySeconds();
  return a === null || b === null ? null : round((100 * (b - a) * 1000) / ms, 0);
}

/** CPU seconds used so far by each PostgreSQL backend of the current database (same host only); null elsewhere. */
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

/** One autocannon run against `${url}/graphql`; its figures and the CPU the server, PostgreSQL, this process and the machine used meanwhile. */
export async function load({ url, connections, seconds, requests, verifyBody, serverPid, monitor }) {
  const { host } = new URL(url);
  const db0 = await backendCpu(monitor);
  const server0 = cpuSeconds(serverPid);
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
  const server1 = cpuSeconds(serverPid);
  const machine1 = machineBusySeconds();
  const db1 = await backendCpu(monitor);
  const dbCpu = db0 && db1 ? [...db1].reduce((sum, [pid, cpu]) => sum + cpu - (db0.get(pid) ?? 0), 0) : null;
  const pct = (busy) => round((100 * busy) / result.duration, 0);
  const perRequest = (busy) => (result.requests.total ? round((1e6 * busy) / result.requests.total, 0) : null);
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
    serverCpuPercent: server0 === null || server1 === null ? null : pct(server1 - server0),
    serverCpuMicrosPerRequest: server0 === null || server1 === null ? null : perRequest(server1 - server0),
    postgresCpuPercent: dbCpu === null ? null : pct(dbCpu),
    postgresCpuMicrosPerRequest: dbCpu === null ? null : perRequest(dbCpu),
    loadGeneratorCpuPercent: pct((self.user + self.system) / 1e6),
    machineCpuPercent: machine0 === null || machine1 === null ? null : pct(machine1 - machine0),
  };
}

export const failures = (r) => r.errors + r.timeouts + r.non2xx + r.mismatches;

export const formatRun = (r) =>
  `${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms` +
  (failures(r) ? `, errors ${r.errors} timeouts ${r.timeouts} non-2xx ${r.non2xx} bad bodies ${r.mismatches}` : '') +
  (r.serverCpuPercent !== null
    ? ` | CPU: server ${r.serverCpuPercent}% (${r.serverCpuMicrosPerRequest} µs/req), PostgreSQL ${r.postgresCpuPercent ?? 'n/a'}%` +
      ` (${r.postgresCpuMicrosPerRequest ?? 'n/a'} µs/req), autocannon ${r.loadGeneratorCpuPercent}%, machine ${r.machineCpuPercent}% of ${os.cpus().length * 100}%`
    : '');

/** Medians over a scenario's runs, with its failed and total requests. */
export function summarise(name, connections, runs) {
  const of = (k) => (runs[0][k] === null ? null : median(runs.map((r) => r[k])));
  return {
    name,
    connections,
    runs,
    median: {
      rps: of('rps'),
      p50: of('p50'),
      p99: of('p99'),
      serverCpuPercent: of('serverCpuPercent'),
      serverCpuMicrosPerRequest: of('serverCpuMicrosPerRequest'),
      postgresCpuMicrosPerRequest: of('postgresCpuMicrosPerRequest'),
      machineCpuPercent: of('machineCpuPercent'),
    },
    failedRequests: runs.reduce((n, r) => n + failures(r), 0),
    totalRequests: runs.reduce((n, r) => n + r.total, 0),
  };
}
