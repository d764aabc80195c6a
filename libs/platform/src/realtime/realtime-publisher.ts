import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type ServerToClientEvents, userRoom } from '@careers/contracts';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { closeRedis } from '../redis/close-redis.js';

/** socket.io's channels in Redis, under the installation's prefix (adapter and emitter must agree). */
export const socketIoKey = (config: Pick<AppConfig, 'REDIS_PREFIX'>) => `${config.REDIS_PREFIX}:socket.io`;

/**
 * Pushes to users' open sockets from any process, through Redis and the api
 * nodes' socket.io Redis adapter. Best effort: what a client must not miss is
 * also in PostgreSQL, where it reads it after a reconnect.
 */
@Injectable()
export class RealtimePublisher implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly emitter: Emitter<ServerToClientEvents>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // A client of its own: the shared one prefixes keys, and socket.io names its channels itself.
    this.redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
    this.redis.on('error', () => undefined); // reconnects by itself; pushes meanwhile are best effort
    // The emitter drops the promise of each PUBLISH, so a failed one (Redis down, or this client closed at
    // shutdown while a job still runs) would be an unhandled rejection that ends the process. Pushes are best
    // effort: the emitter gets a client whose PUBLISH cannot fail.
    const redis = this.redis;
    const publisher = { publish: (channel: string, message: string | Buffer) => redis.publish(channel, message).catch(() => 0) };
    this.emitter = new Emitter<ServerToClientEvents>(publisher, { key: socketIoKey(config) });
  }

  toUser<E extends keyof ServerToClientEvents>(userId: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
    this.emitter.to(userRoom(userId)).emit(event, ...args);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}
