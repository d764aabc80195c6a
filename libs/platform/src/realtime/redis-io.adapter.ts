import type { INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/config.js';
import { closeRedis } from '../redis/close-redis.js';
import { socketIoKey } from './realtime-publisher.js';

/**
 * The largest socket.io packet accepted; a larger one closes its socket
 * (WebSocket close code 1009), which the sender cannot tell from a network
 * failure. Well above the largest valid request (a live chat message of 2,000
 * characters is at most about 12 KB as JSON), so that an oversized request
 * still arrives and is answered (BAD_USER_INPUT with the limit), and a client
 * that resends until it gets an answer gets one. The HTTP body limit's default.
 */
export const SOCKET_MAX_PACKET = 256 * 1024;

/** socket.io with its Redis adapter: api replicas share rooms, and the worker's emitter reaches them. */
export class RedisIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(
    app: INestApplication,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, { ...options, serveClient: false, maxHttpBufferSize: SOCKET_MAX_PACKET } as ServerOptions) as Server;
    const pub = new Redis(this.config.REDIS_URL);
    // The adapter's (P)SUBSCRIBE must not give up while Redis is down (an api started before Redis): it would reject unhandled.
    const sub = pub.duplicate({ maxRetriesPerRequest: null });
    for (const c of [pub, sub]) c.on('error', () => undefined); // ioredis reconnects; rooms resume when it does
    this.clients.push(pub, sub);
    server.adapter(createAdapter(pub, sub, { key: socketIoKey(this.config) }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.map(closeRedis));
  }
}
