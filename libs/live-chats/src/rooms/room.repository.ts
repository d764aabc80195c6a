import { Injectable } from '@nestjs/common';
import type { LiveChatMessagePayload, LiveChatRoomState, Principal } from '@careers/contracts';
import type { EntityManager } from 'typeorm';
import { visibleTo } from '../events/visibility.js';
import { MESSAGE_COLUMNS, type MessageRow, toMessage } from './room-messages.repository.js';
import type { RoomStanding } from './room-refusals.js';

/** A room and where one person stands in it, read in one statement. */
export interface RoomSnapshot extends RoomStanding {
  lastSeq: number;
  slowModeSeconds: number;
  /** The caller's message with the client id asked about, when one is stored already. */
  existing: LiveChatMessagePayload | null;
  state: LiveChatRoomState;
}

interface SnapshotRow {
  last_seq: string;
  slow_mode_seconds: number;
  closed_at: Date | null;
  answering: string | null;
  muted_until: Date | null;
  removed: boolean;
  existing: MessageRow | null;
}

/**
 * The room row (`live_chat_room`: numbering, slow mode, closing), the
 * sanctions on people in it and the moderators' audit log. Dialect: see
 * room-messages.repository.ts.
 */
@Injectable()
export class RoomRepository {
  /** The room (created on first use) with the standing of `userId` and their message with `clientId`, if any. */
  async snapshot(m: EntityManager, eventId: string, userId: string, clientId?: string): Promise<RoomSnapshot> {
    const rows: SnapshotRow[] = await m.query(
      `SELECT r.last_seq, r.slow_mode_seconds, r.closed_at,
              (SELECT q.id FROM live_chat_question q WHERE q.event_id = r.event_id AND q.status = 'ANSWERING' ORDER BY q.updated_at DESC LIMIT 1) AS answering,
              (SELECT s.until FROM live_chat_sanction s WHERE s.event_id = r.event_id AND s.user_id = $2 AND s.kind = 'MUTE') AS muted_until,
              EXISTS (SELECT 1 FROM live_chat_sanction s WHERE s.event_id = r.event_id AND s.user_id = $2 AND s.kind = 'REMOVE') AS removed,
              (SELECT row_to_json(m) FROM (SELECT ${MESSAGE_COLUMNS} FROM live_chat_message
                WHERE event_id = r.event_id AND author_id = $2 AND client_id = $3) m) AS existing
       FROM live_chat_room r WHERE r.event_id = $1`,
      [eventId, userId, clientId ?? null],
    );
    if (rows.length === 0) {
      await m.query(`INSERT INTO live_chat_room (event_id) VALUES ($1) ON CONFLICT (event_id) DO NOTHING`, [eventId]);
      return this.snapshot(m, eventId, userId, clientId);
    }
    const r = rows[0]!;
    return {
      lastSeq: Number(r.last_seq),
      slowModeSeconds: r.slow_mode_seconds,
      closedAt: r.closed_at,
      mutedUntil: r.muted_until ? new Date(r.muted_until) : null,
      removed: r.removed,
      existing: r.existing ? toMessage(r.existing) : null,
      state: { eventId, slowModeSeconds: r.slow_mode_seconds, closed: r.closed_at !== null, answeringQuestionId: r.answering },
    };
  }

  /** Whether `viewer` may see the event `eventId` at all (events/visibility.ts), whatever its status. */
  async eventVisible(m: EntityManager, eventId: string, viewer: Principal): Promise<boolean> {
    const { sql, params } = visibleTo(viewer);
    // visibleTo's condition has named parameters; the driver numbers them ($1, …) as the query builder would.
    const [query, values] = m.connection.driver.escapeQueryWithParameters(`SELECT 1 FROM live_chat_event e WHERE e.id = :eventId AND ${sql}`, { ...params, eventId });
    const rows: unknown[] = await m.query(query, values);
    return rows.length > 0;
  }

  async isRemoved(m: EntityManager, eventId: string, userId: string): Promise<boolean> {
    const [row]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM live_chat_sanction WHERE event_id = $1 AND user_id = $2 AND kind = 'REMOVE'`, [eventId, userId]);
    return row!.n > 0;
  }

  async isRegistered(m: EntityManager, eventId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM live_chat_registration WHERE event_id = $1 AND user_id = $2`, [eventId, userId]);
    return rows.length > 0;
  }

  /** Mutes (or mutes again, from now) for `minutes`; the end of the mute. */
  /** A registrant entered the room: counted once per chat for the staff figures (live_chat_attendance). */
  async recordAttendance(m: EntityManager, eventId: string, userId: string): Promise<void> {
    await m.query(`INSERT INTO live_chat_attendance (event_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [eventId, userId]);
  }

  async mute(tx: EntityManager, eventId: string, userId: string, minutes: number, byId: string): Promise<Date> {
    const [row]: { until: Date }[] = await tx.query(
      `INSERT INTO live_chat_sanction (event_id, user_id, kind, until, by_id) VALUES ($1, $2, 'MUTE', now() + make_interval(mins => $3), $4)
       ON CONFLICT (event_id, user_id, kind) DO UPDATE SET until = EXCLUDED.until, by_id = EXCLUDED.by_id, created_at = now() RETURNING until`,
      [eventId, userId, minutes, byId],
    );
    return new Date(row!.until);
  }

  async remove(tx: EntityManager, eventId: string, userId: string, byId: string): Promise<void> {
    await tx.query(`INSERT INTO live_chat_sanction (event_id, user_id, kind, by_id) VALUES ($1, $2, 'REMOVE', $3) ON CONFLICT (event_id, user_id, kind) DO NOTHING`, [
      eventId,
      userId,
      byId,
    ]);
  }

  async setSlowMode(tx: EntityManager, eventId: string, seconds: number): Promise<void> {
    await tx.query(`UPDATE live_chat_room SET slow_mode_seconds = $2 WHERE event_id = $1`, [eventId, seconds]);
  }

  /** Closes the room; false when it was closed already. */
  async close(tx: EntityManager, eventId: string, byId: string): Promise<boolean> {
    const [, updated]: [unknown, number] = await tx.query(`UPDATE live_chat_room SET closed_at = now(), closed_by_id = $2 WHERE event_id = $1 AND closed_at IS NULL`, [eventId, byId]);
    return updated > 0;
  }

  /** One line of the moderators' audit log. */
  async log(tx: EntityManager, eventId: string, actorId: string, action: string, fields: { target?: string | null; seq?: number | null; details?: object } = {}): Promise<void> {
    await tx.query(
      `INSERT INTO live_chat_moderation_log (event_id, actor_id, action, target_user_id, message_seq, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [eventId, actorId, action, fields.target ?? null, fields.seq ?? null, JSON.stringify(fields.details ?? {})],
    );
  }
}
