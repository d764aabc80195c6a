import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { REDIS } from './redis.token.js';

// Count and expiry in one round trip, atomically: the window starts at the first hit.
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('TTL', KEYS[1])}`;

export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

/** Fixed-window counters in Redis, shared by every api replica. */
@Injectable()
export class RateLimiter {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Counts one hit against each limit; throws RATE_LIMITED when one is over. */
  async hit(limits: Limit[], message: string): Promise<void> {
    const results = await Promise.all(
      limits.map((l) => this.redis.eval(HIT, 1, `rl:${l.key}`, l.windowSeconds) as Promise<[number, number]>),
    );
    const over = results
      .map(([count, ttl], i) => ({ count, ttl, max: limits[i]!.max }))
      .filter((r) => r.count > r.max);
    if (over.length > 0) {
      const retryAfter = Math.max(...over.map((r) => r.ttl));
      throw new AppError(ErrorCode.RATE_LIMITED, `${message} Try again in ${formatWait(retryAfter)}.`, {
        retryAfterSeconds: retryAfter,
      });
    }
  }

  /** Throws RATE_LIMITED when the limit is already used up, without counting a hit. */
  async assertBelow(limit: Limit, message: string): Promise<void> {
    const key = `rl:${limit.key}`;
    const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
    if (Number(count ?? 0) >= limit.max) {
      throw new AppError(ErrorCode.RATE_LIMITED, `${message} Try again in ${formatWait(ttl)}.`, { retryAfterSeconds: ttl });
    }
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(`rl:${key}`);
  }
}

function formatWait(seconds: number): string {
  return seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${Math.max(seconds, 1)} seconds`;
}
