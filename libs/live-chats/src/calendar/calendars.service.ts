import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, type PeopleDirectory, type Principal } from '@careers/contracts';
import { APP_CONFIG, type AppConfig } from '@careers/platform';
import { DataSource } from 'typeorm';
import { type LiveChatEvent, LiveChatStatus } from '../events/live-chat-event.entity.js';
import { icsCalendar, type IcsEvent } from './ics.js';

const FEED_LIMIT = 500;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Calendar files. An event's .ics is reached by a link signed for that event
 * (HMAC with JWT_SECRET): it needs no sign-in, cannot be guessed, and is shown
 * only to people who may see the event. A person's feed is reached by a secret
 * token of their own; only its hash is stored, and a new one replaces it.
 */
@Injectable()
export class CalendarsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
  ) {}

  /** The signed link of an event's .ics; null while it is not approved (nothing to put in a calendar). */
  eventIcsUrl(event: Pick<LiveChatEvent, 'id' | 'status'>): string | null {
    if (event.status !== LiveChatStatus.APPROVED && event.status !== LiveChatStatus.CANCELLED) return null;
    return `${this.config.PUBLIC_URL}/live-chats/${event.id}/event.ics?token=${this.sign(event.id)}`;
  }

  /** The .ics of one event, or null when the token does not match (answered as 404: nothing to probe). */
  async eventIcs(eventId: string, token: string): Promise<string | null> {
    if (!this.verify(eventId, token)) return null;
    const events = await this.load(`e.id = $1 AND e.status IN ('APPROVED', 'CANCELLED')`, [eventId]);
    if (events.length === 0) return null;
    return icsCalendar(events, { name: events[0]!.title, host: this.host });
  }

  /** Makes a new secret feed URL for the caller; the previous one stops working. Shown once: keep it. */
  async regenerateFeed(caller: Principal): Promise<{ url: string; createdAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const [row]: { created_at: Date }[] = await this.db.query(
      `INSERT INTO live_chat_calendar_feed (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now() RETURNING created_at`,
      [caller.id, sha256(token)],
    );
    return { url: `${this.config.PUBLIC_URL}/calendar/${token}.ics`, createdAt: row!.created_at };
  }

  /**
   * The feed of the token's owner: chats they are registered for or host, from
   * a month ago on (cancelled ones as STATUS:CANCELLED, so calendars drop them).
   * Null for an unknown token.
   */
  async feed(token: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const [owner]: { user_id: string }[] = await this.db.query(`SELECT user_id FROM live_chat_calendar_feed WHERE token_hash = $1`, [sha256(token)]);
    if (!owner) return null;
    const events = await this.load(
      // Through the person's own rows (indexes on user_id), not a scan of every event.
      `e.ends_at > now() - interval '30 days' AND e.id IN (
         SELECT r.event_id FROM live_chat_registration r WHERE r.user_id = $1 AND r.status = 'REGISTERED'
         UNION SELECT h.event_id FROM live_chat_host h JOIN live_chat_event he ON he.id = h.event_id
               WHERE h.user_id = $1 AND he.status <> 'REJECTED')`,
      [owner.user_id],
    );
    return icsCalendar(events, { name: 'My live chats', host: this.host });
  }

  private async load(where: string, params: unknown[]): Promise<IcsEvent[]> {
    const rows: {
      id: string;
      title: string;
      description: string;
      starts_at: Date;
      ends_at: Date;
      sequence: number;
      status: LiveChatStatus;
      updated_at: Date;
      organisation_id: string;
    }[] = await this.db.query(
      `SELECT e.id, e.title, e.description, e.starts_at, e.ends_at, e.sequence, e.status, e.updated_at, e.organisation_id
       FROM live_chat_event e WHERE ${where} ORDER BY e.starts_at, e.id LIMIT ${FEED_LIMIT}`,
      params,
    );
    const organisations = new Map((await this.people.organisationsOf([...new Set(rows.map((r) => r.organisation_id))])).map((o) => [o.id, o.name]));
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
      sequence: r.sequence,
      cancelled: r.status === LiveChatStatus.CANCELLED,
      updatedAt: new Date(r.updated_at),
      url: `${this.config.PUBLIC_URL}/live-chats/${r.id}`,
      organiser: organisations.get(r.organisation_id) ?? null,
    }));
  }

  private get host(): string {
    return new URL(this.config.PUBLIC_URL).host;
  }

  private sign(eventId: string): string {
    return createHmac('sha256', `live-chat-ics:${this.config.JWT_SECRET}`).update(eventId).digest('base64url');
  }

  private verify(eventId: string, token: string): boolean {
    const expected = Buffer.from(this.sign(eventId));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
