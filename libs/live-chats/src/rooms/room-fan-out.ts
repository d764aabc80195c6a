import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type LiveChatServerToClientEvents, liveChatRoom } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, closeRedis, REDIS, ROOT_LOGGER } from '@careers/platform';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Namespace, Socket } from 'socket.io';

type RoomEvent = keyof LiveChatServerToClientEvents;

/** What the fan-out reads of engine.io's WebSocket transport: the same members engine.io's own broadcast uses. */
interface WebSocketTransport {
  name: string;
  writable: boolean;
  perMessageDeflate?: unknown;
  socket?: { readyState: number; _sender?: { sendFrame(frame: Buffer[], done?: () => void): void } };
}

/** One unmasked, final WebSocket text frame (RFC 6455 §5.2), as a server sends it. */
export function webSocketTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const n = payload.length;
  const header = n < 126 ? Buffer.alloc(2) : n < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x81; // FIN, opcode 1 (text)
  if (n < 126) header[1] = n;
  else if (n < 65_536) {
    header[1] = 126;
    header.writeUInt16BE(n, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(n), 2);
  }
  return Buffer.concat([header, payload]);
}

/**
 * Everything broadcast to a live room goes through here, on every api
 * process: the socket.io packet is framed once and the frame written to each
 * of this process's sockets in the room. The adapter's broadcast does the same
 * through engine.io's per-socket packet machinery (events, buffers, callbacks),
 * which cost about a third of the room's CPU at 5,000 people (bench:chat).
 *
 * A socket gets the ordinary `emit` when the frame cannot go straight out: it
 * is not on a WebSocket, engine.io holds packets for it, or the connection
 * compresses. Frames are written only when engine.io has nothing queued, so a
 * socket's packets keep their order.
 *
 * Other processes get the event through a Redis channel of the room
 * broadcasts (in publish order) and fan it out the same way; the sender's
 * process does not wait for Redis. Delivery is at most once, as with the
 * adapter: clients catch up by sequence number (docs/live-chat-delivery.md).
 */
@Injectable()
export class RoomFanOut implements OnModuleInit, OnModuleDestroy {
  private readonly id = randomUUID();
  private readonly channel: string;
  private subscriber?: Redis;
  private nsp?: Namespace;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.channel = `${config.REDIS_PREFIX}:live-chat:rooms`;
  }

  /** Delivers to this namespace's sockets (the gateway's, once socket.io has made it). */
  attach(nsp: Namespace): void {
    this.nsp = nsp;
  }

  async onModuleInit(): Promise<void> {
    // No retry limit: a SUBSCRIBE sent while Redis is down waits for it, and ioredis subscribes again after each reconnect.
    const subscriber = (this.subscriber = this.redis.duplicate({ maxRetriesPerRequest: null }));
    const refused = new Promise<void>((resolve) => subscriber.once('error', () => resolve()));
    subscriber.on('error', (error) => this.logger.warn({ err: error }, 'live chat fan-out: Redis subscriber error (it reconnects)'));
    subscriber.on('message', (_channel: string, raw: string) => {
      const { from, eventId, packet } = JSON.parse(raw) as { from: string; eventId: string; packet: string };
      if (from !== this.id) this.deliver(eventId, packet);
    });
    const subscribed = subscriber.subscribe(this.channel);
    subscribed.catch(() => undefined); // rejected only when the client is closed
    // With Redis up the api starts subscribed; with Redis down it starts anyway (readiness 503 until Redis answers).
    await Promise.race([subscribed, refused]);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.subscriber) await closeRedis(this.subscriber);
  }

  /** Sends `event` to everyone in the room of `eventId`, on every api process. */
  emit<E extends RoomEvent>(eventId: string, event: E, payload: Parameters<LiveChatServerToClientEvents[E]>[0]): void {
    // A socket.io EVENT packet in the namespace (protocol v5), as socket.io-parser encodes it.
    const packet = `2${this.nsp!.name},${JSON.stringify([event, payload])}`;
    this.deliver(eventId, packet);
    this.redis.publish(this.channel, JSON.stringify({ from: this.id, eventId, packet })).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'live chat fan-out: publishing to the other api processes failed; their clients catch up by sequence');
    });
  }

  private deliver(eventId: string, packet: string): void {
    const nsp = this.nsp;
    const ids = nsp?.adapter.rooms.get(liveChatRoom(eventId));
    if (!ids) return;
    let frame: Buffer | undefined;
    let decoded: [string, unknown] | undefined;
    for (const id of ids) {
      const socket = nsp!.sockets.get(id) as Socket | undefined;
      if (!socket) continue;
      const conn = socket.conn as unknown as { transport: WebSocketTransport; writeBuffer: unknown[] };
      const { transport } = conn;
      const sender = transport.socket?.readyState === 1 /* OPEN */ ? transport.socket._sender : undefined;
      if (transport.name === 'websocket' && transport.writable && conn.writeBuffer.length === 0 && !transport.perMessageDeflate && sender) {
        sender.sendFrame([(frame ??= webSocketTextFrame(`4${packet}`))]);
      } else {
        decoded ??= JSON.parse(packet.slice(packet.indexOf(',') + 1)) as [string, unknown];
        socket.emit(decoded[0], decoded[1]);
      }
    }
  }
}
