import type { LiveChatPresence, LiveChatRoomRole } from '@careers/contracts';

/** How often presence is recomputed and broadcast per room, at most. */
const PRESENCE_EVERY_MS = 1000;

/** One socket in a room, as any api process sees it. */
export interface PresentSocket {
  userId: string;
  role: LiveChatRoomRole | undefined;
  name: string | undefined;
}

/**
 * Who is in each room: recomputed at most once a second per room, from the
 * sockets in it on every api process (the Redis adapter's fetchSockets), and
 * broadcast to the room. The last count is what the room-size limit reads
 * across processes.
 */
export class RoomPresence {
  private readonly latest = new Map<string, LiveChatPresence>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly socketsIn: (eventId: string) => Promise<PresentSocket[]>,
    private readonly broadcast: (eventId: string, presence: LiveChatPresence) => void,
    private readonly warn: (error: unknown) => void,
  ) {}

  /** The last presence computed (at most about a second old), if anyone was there. */
  last(eventId: string): LiveChatPresence | undefined {
    return this.latest.get(eventId);
  }

  schedule(eventId: string): void {
    if (this.timers.has(eventId)) return;
    this.timers.set(
      eventId,
      setTimeout(() => {
        this.timers.delete(eventId);
        this.compute(eventId).then((p) => this.broadcast(eventId, p), this.warn);
      }, PRESENCE_EVERY_MS),
    );
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
  }

  private async compute(eventId: string): Promise<LiveChatPresence> {
    const people = new Set<string>();
    const hosts = new Map<string, string>();
    for (const s of await this.socketsIn(eventId)) {
      people.add(s.userId);
      if (s.role === 'HOST') hosts.set(s.userId, s.name ?? 'Host');
    }
    const presence = { eventId, count: people.size, hosts: [...hosts].map(([userId, name]) => ({ userId, name })) };
    if (people.size === 0) this.latest.delete(eventId);
    else this.latest.set(eventId, presence);
    return presence;
  }
}
