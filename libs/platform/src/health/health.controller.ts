import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators.js';
import { REDIS } from '../redis/redis.token.js';

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);

/** Whether PostgreSQL and Redis answer (each within 2 s): `up`, or `down: <why>`. The api's and the worker's readiness. */
export async function checkDependencies(dataSource: DataSource, redis: Redis): Promise<{ postgres: string; redis: string }> {
  const check = async (fn: () => Promise<unknown>) => {
    try {
      await within(2000, fn());
      return 'up';
    } catch (error) {
      return `down: ${(error as Error).message}`;
    }
  };
  const [postgres, redisState] = await Promise.all([check(() => dataSource.query('SELECT 1')), check(() => redis.ping())]);
  return { postgres, redis: redisState };
}

/** Liveness (the process answers) and readiness (it can reach PostgreSQL and Redis). */
@Controller('health')
export class HealthController {
  private shuttingDown = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Called on SIGTERM: the load balancer stops sending new requests while in-flight ones finish. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  @Public()
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const { postgres, redis } = await checkDependencies(this.dataSource, this.redis);
    const ok = postgres === 'up' && redis === 'up' && !this.shuttingDown;
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : this.shuttingDown ? 'shutting down' : 'unavailable', postgres, redis };
  }
}
