import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type ServerToClientEvents, userRoom } from '@careers/contracts';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';

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
    this.emitter = new Emitter<ServerToClientEvents>(this.redis, { key: socketIoKey(config) });
  }

  toUser<E extends keyof ServerToClientEvents>(userId: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
    this.emitter.to(userRoom(userId)).emit(event, ...args);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
