import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export class RedisNotFoundError extends Error {
  constructor(url: string) {
    super(
      [
        `No Redis answers at ${url}, and redis-server is not on the PATH.`,
        'Install Redis and run this again:',
        '  Debian/Ubuntu: sudo apt-get install -y redis-server',
        '  macOS:         brew install redis',
        'or point REDIS_URL at a Redis you already run.',
      ].join('\n'),
    );
    this.name = 'RedisNotFoundError';
  }
}

export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * The local Redis at 127.0.0.1:6379 when one answers; otherwise a
 * `redis-server` from the PATH on `fallbackPort`, stopped with this process.
 * Redis keeps nothing on disk here: PostgreSQL is the source of truth.
 */
export async function ensureLocalRedis(
  dataDir: string,
  fallbackPort: number,
  localUrl = DEFAULT_REDIS_URL,
  options: { ownProcessGroup?: boolean } = {},
): Promise<{ url: string; stop: () => void }> {
  if (await redisAnswers(localUrl)) return { url: localUrl, stop: () => undefined };
  const url = `redis://127.0.0.1:${fallbackPort}`;
  if (await redisAnswers(url)) return { url, stop: () => undefined };
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new RedisNotFoundError(localUrl);
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--port', String(fallbackPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dataDir],
    // ownProcessGroup (npm start): a terminal's Ctrl-C must not stop it before the processes using it.
    { stdio: 'ignore', detached: options.ownProcessGroup ?? false },
  );
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(url)) return { url, stop: () => child.kill('SIGTERM') };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server was started on port ${fallbackPort} but does not answer.`);
}
