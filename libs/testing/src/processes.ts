import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { eventually } from './waits.js';

const root = new URL('../../..', import.meta.url).pathname;

export interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The built worker (`apps/worker/dist/main.js`) as a real process, with the test run's settings and `env` on top. */
export function startWorkerProcess(env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, [`${root}apps/worker/dist/main.js`], {
    env: { ...process.env, LOG_LEVEL: 'warn', OUTBOX_POLL_INTERVAL: '0.2', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * A redis-server of the test's own (from the PATH), for tests that flush or stop Redis. `restart`
 * kills it and starts another, empty, on the same port (nothing is saved): Redis lost everything.
 */
export interface RedisServer {
  url: string;
  client: Redis;
  /** Kills it (SIGKILL): Redis is down until `resume`. */
  pause(): Promise<void>;
  /** Starts it again on the same port, empty. */
  resume(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  // A port the system just handed out and took back: a random one could be in use (it sometimes was, in CI),
  // and redis-server then exits at once while the client waits for it.
  const port = await freePort();
  const spawnServer = () => spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  let child = spawnServer();
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { retryStrategy: () => 50 });
  client.on('error', () => undefined); // refused until the server listens; ioredis retries
  await eventually('the test redis-server', async () => client.status === 'ready', 10_000);
  const kill = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  const pause = async () => {
    await kill();
    await eventually('the test client to notice', async () => client.status !== 'ready', 10_000);
  };
  const resume = async () => {
    child = spawnServer();
    await eventually('the restarted redis-server', async () => client.status === 'ready', 10_000);
  };
  return {
    url,
    client,
    pause,
    resume,
    async restart() {
      await pause();
      await resume();
    },
    async stop() {
      client.disconnect();
      if (child.exitCode === null && child.signalCode === null) await kill();
    },
  };
}

const WORKER_TESTS_LOCK = 727_274_099;

/**
 * Waits until no other test file runs worker processes, and keeps it so until
 * the returned function is called. Workers of one database share one outbox
 * relay (whoever leads) and one email schedule, so a test that counts what a
 * worker did must not share them with another test file.
 */
export async function lockWorkerTests(): Promise<() => Promise<void>> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [WORKER_TESTS_LOCK]);
  return () => client.end();
}

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  /** With `{ captureLogs: true }`: every JSON line the process wrote to stdout so far, parsed. */
  logs: Record<string, unknown>[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * The built api (`apps/api/dist/main.js`) as a real process on a free port,
 * with the test run's settings (same database, Redis and JWT secret) and `env`
 * on top; resolves once it answers /health/ready (/health/live with `waitUntilReady: false`). For scale-out tests: it
 * shares rooms with the in-process api through the socket.io Redis adapter.
 */
/** A free TCP port on 127.0.0.1, for a server process the test starts. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

export async function startApiProcess(env: Record<string, string> = {}, options: { captureLogs?: boolean; waitUntilReady?: boolean } = {}): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [`${root}apps/api/dist/main.js`], {
    env: { ...process.env, LOG_LEVEL: 'warn', MIGRATIONS_RUN: 'false', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', options.captureLogs ? 'pipe' : 'inherit', 'inherit'],
  });
  const logs: Record<string, unknown>[] = [];
  if (child.stdout) {
    const { createInterface } = await import('node:readline');
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ unparsed: line });
      }
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await eventually('the api process', async () => {
    if (child.exitCode !== null) throw new Error(`The api process exited with code ${child.exitCode}`);
    return fetch(`${url}/health/${options.waitUntilReady === false ? 'live' : 'ready'}`).then((r) => r.ok, () => false);
  }, 30_000);
  return {
    child,
    url,
    exited,
    logs,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server in-process on loopback: what the worker sends lands in `received`. */
export async function startSmtpServer(): Promise<{ url: string; received: ReceivedMail[]; close(): Promise<void> }> {
  const { SMTPServer } = await import('smtp-server');
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  // A client that drops mid-message (a worker the test SIGKILLs while it sends) resets its connection, and
  // smtp-server reports that as an 'error' event: with no listener it would end the test process.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The plain-text part of a raw message, quoted-printable undone. */
export function mailText(raw: string): string {
  const part = raw.split(/Content-Type: text\/plain[^\n]*\n/i)[1]?.split(/\r?\n--/)[0] ?? '';
  return part.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** A header of a raw message: unfolded, RFC 2047 encoded words decoded. */
export function mailHeader(raw: string, name: string): string | undefined {
  return raw
    .match(new RegExp(`^${name}:(.*(?:\\r?\\n[ \\t].*)*)`, 'mi'))?.[1]
    ?.replace(/\r?\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) =>
      Buffer.from(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    )
    .trim();
}
