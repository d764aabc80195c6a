import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LiveChatStatus } from '../events/live-chat-event.entity.js';
import type { IcsEvent } from './ics.js';

/** At most this many events in one calendar file. */
export const FEED_LIMIT = 500;

/** What a calendar file shows of an event, as stored. */
export interface CalendarEventRow extends Pick<IcsEvent, 'id' | 'title' | 'description' | 'startsAt' | 'endsAt' | 'sequence' | 'updatedAt'> {
  status: LiveChatStatus;
  organisationId: string;
}

/**
 * The calendar files' SQL: people's feed tokens (`live_chat_calendar_feed`, by their hash) and the events a calendar
 * shows. Dialect: see rooms/room-messages.repository.ts.
 */
@Injectable()
export class CalendarRepository {
  /** Stores `tokenHash` as the user's feed token, in place of any before it; returns when it was made. */
  async replaceFeedToken(m: EntityManager, userId: string, tokenHash: string, nonce: string): Promise<Date> {
    const [row]: { created_at: Date }[] = await m.query(
      `INSERT INTO live_chat_calendar_feed (user_id, token_hash, nonce) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, nonce = EXCLUDED.nonce, created_at = now() RETURNING created_at`,
      [userId, tokenHash, nonce],
    );
    return row!.created_at;
  }

  /** The user's current feed: the nonce its token is made from (null for a feed made before nonces) and when it was made. */
  async feedOf(m: EntityManager, userId: string): Promise<{ nonce: string | null; createdAt: Date } | undefined> {
    const [row]: { nonce: string | null; created_at: Date }[] = await m.query(`SELECT nonce, created_at FROM live_chat_calendar_feed WHERE user_id = $1`, [userId]);
    return row && { nonce: row.nonce, createdAt: row.created_at };
  }

  /** The owner of the feed token with hash `tokenHash`, if any. */
  async feedOwner(m: EntityManager, tokenHash: string): Promise<string | undefined> {
    const [owner]: { user_id: string }[] = await m.query(`SELECT user_id FROM live_chat_calendar_feed WHERE token_hash = $1`, [tokenHash]);
    return owner?.user_id;
  }

  /** The event, while approved or cancelled (a calendar's to show); none otherwise. */
  published(m: EntityManager, eventId: string): Promise<CalendarEventRow[]> {
    return this.select(m, `e.id = $1 AND e.status IN ('APPROVED', 'CANCELLED')`, [eventId]);
  }

  /** The chats `userId` is registered for or hosts (not rejected ones), ended at most 30 days ago, soonest first. */
  ofPerson(m: EntityManager, userId: string): Promise<CalendarEventRow[]> {
    return this.select(
      m,
      // Through the person's own rows (indexes on user_id), not a scan of every event.
      `e.ends_at > now() - interval '30 days' AND e.id IN (
         SELECT r.event_id FROM live_chat_registration r WHERE r.user_id = $1 AND r.status = 'REGISTERED'
         UNION SELECT h.event_id FROM live_chat_host h JOIN live_chat_event he ON he.id = h.event_id
               WHERE h.user_id = $1 AND he.status <> 'REJECTED')`,
      [userId],
    );
  }

  private async select(m: EntityManager, where: string, params: unknown[]): Promise<CalendarEventRow[]> {
    const rows: CalendarEventRow[] = await m.query(
      `SELECT e.id, e.title, e.description, e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.sequence, e.status,
              e.updated_at AS "updatedAt", e.organisation_id AS "organisationId"
       FROM live_chat_event e WHERE ${where} ORDER BY e.starts_at, e.id LIMIT ${FEED_LIMIT}`,
      params,
    );
    return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt), updatedAt: new Date(r.updatedAt) }));
  }
}
