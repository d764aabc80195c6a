import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ROOT_LOGGER } from '../logging/logging.module.js';
import { closeRedis } from './close-redis.js';
import { RateLimiter } from './rate-limiter.js';
import { REDIS } from './redis.token.js';


@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}

/**
 * The shared ioredis client for rate limits, presence and fan-out. Every key
 * carries `${REDIS_PREFIX}:` so installations and test runs can share one Redis.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG, ROOT_LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => {
        const redis = new Redis(config.REDIS_URL, { keyPrefix: `${config.REDIS_PREFIX}:`, maxRetriesPerRequest: 2 });
        // ioredis reconnects by itself; without a listener it would print "Unhandled error event" to stderr.
        redis.on('error', (error) => logger.warn({ err: error }, 'Redis connection error'));
        return redis;
      },
    },
    RedisCloser,
    RateLimiter,
  ],
  exports: [REDIS, RateLimiter],
})
export class RedisModule {}
