import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators.js';
import { REDIS } from '../redis/redis.token.js';

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);

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
    const check = async (fn: () => Promise<unknown>) => {
      try {
        await within(2000, fn());
        return 'up';
      } catch (error) {
        return `down: ${(error as Error).message}`;
      }
    };
    const [postgres, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.redis.ping()),
    ]);
    const ok = postgres === 'up' && redis === 'up' && !this.shuttingDown;
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : this.shuttingDown ? 'shutting down' : 'unavailable', postgres, redis };
  }
}
