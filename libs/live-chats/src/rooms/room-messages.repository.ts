import { Injectable } from '@nestjs/common';
import type { LiveChatMessagePayload, LiveChatRoomRole, Principal } from '@careers/contracts';
import type { EntityManager } from 'typeorm';
import { liveChatRoleParams, liveChatRoleSql } from '../access/live-chat-access.repository.js';
import { LiveChatStatus } from '../events/live-chat-event.entity.js';
import { EARLY_ENTRY_MS } from './room-refusals.js';

/**
 * The room's messages (`live_chat_message`): their SQL and row mapping.
 *
 * The dialect of the room's repositories: raw parameterised SQL (`$1`, never
 * a value spliced in) through the EntityManager the caller passes, so a
 * service decides what runs in one transaction and a repository never opens
 * its own; rows typed as PostgreSQL returns them (snake_case, bigint as
 * string) and mapped to the payload clients see in this file only. The rules
 * (who may, what is refused and why) stay in the services; a repository
 * answers what is stored. Raw SQL rather than the query builder because the
 * hot path needs what it cannot say (a CTE that checks, numbers and inserts in
 * one statement).
 */
export interface MessageRow {
  event_id: string;
  seq: string;
  client_id: string;
  author_id: string;
  author_name: string;
  author_role: LiveChatRoomRole;
  body: string | null;
  question_id: string | null;
  created_at: Date;
  deleted_at: Date | null;
}

export const MESSAGE_COLUMNS = `event_id, seq, client_id, author_id, author_name, author_role, body, question_id, created_at, deleted_at`;

export const toMessage = (r: MessageRow): LiveChatMessagePayload => ({
  eventId: r.event_id,
  seq: Number(r.seq),
  clientId: r.client_id,
  authorId: r.author_id,
  authorName: r.author_name,
  authorRole: r.author_role,
  body: r.deleted_at ? null : r.body,
  deleted: r.deleted_at !== null,
  questionId: r.question_id,
  createdAt: new Date(r.created_at).toISOString(),
});

@Injectable()
export class RoomMessagesRepository {
  /**
   * The common case of a send in one statement, which PostgreSQL runs as one
   * transaction: every check that can pass without Redis (a role, open, not
   * closed or ended, not muted or removed, no slow mode for a student, a new
   * client id), then the room's next number taken under the room row's lock
   * and the message inserted with it. One round trip instead of three: each
   * waits behind the broadcasts on a busy process. `null` when a check fails
   * (or the room row does not exist yet); a unique violation when the same
   * client id is sent twice at once.
   */
  async insertChecked(m: EntityManager, eventId: string, principal: Principal, input: { clientId: string; body: string }, authorName: string): Promise<LiveChatMessagePayload | null> {
    const rows: MessageRow[] = await m.query(
      `WITH caller AS (
         SELECT ${liveChatRoleSql('e', 2)} AS role,
                e.starts_at, e.ends_at
         FROM live_chat_event e WHERE e.id = $1 AND e.status = '${LiveChatStatus.APPROVED}'),
       room AS (
         UPDATE live_chat_room r SET last_seq = r.last_seq + 1 FROM caller c
         WHERE r.event_id = $1 AND c.role IS NOT NULL
           AND now() >= c.starts_at - CASE WHEN c.role = 'REGISTERED' THEN interval '0' ELSE make_interval(secs => $9) END
           AND now() < c.ends_at AND r.closed_at IS NULL
           AND (r.slow_mode_seconds = 0 OR c.role <> 'REGISTERED')
           AND NOT EXISTS (SELECT 1 FROM live_chat_sanction s WHERE s.event_id = $1 AND s.user_id = $2 AND (s.kind = 'REMOVE' OR (s.kind = 'MUTE' AND s.until > now())))
           AND NOT EXISTS (SELECT 1 FROM live_chat_message m WHERE m.event_id = $1 AND m.author_id = $2 AND m.client_id = $6)
         RETURNING r.last_seq, c.role)
       INSERT INTO live_chat_message (event_id, seq, author_id, author_name, author_role, client_id, body)
       SELECT $1, room.last_seq, $2, $7, room.role, $6, $8 FROM room RETURNING ${MESSAGE_COLUMNS}`,
      [eventId, ...liveChatRoleParams(principal), input.clientId, authorName, input.body, EARLY_ENTRY_MS / 1000],
    );
    return rows[0] ? toMessage(rows[0]) : null;
  }

  /** Takes the room's next number (under the room row's lock until `tx` ends) and stores the message with it. */
  async insertNumbered(
    tx: EntityManager,
    eventId: string,
    m: { authorId: string; authorName: string; authorRole: LiveChatRoomRole; clientId: string; body: string; questionId: string | null },
  ): Promise<LiveChatMessagePayload> {
    const [[room]]: [{ last_seq: string }[]] = await tx.query(`UPDATE live_chat_room SET last_seq = last_seq + 1 WHERE event_id = $1 RETURNING last_seq`, [eventId]);
    const [row]: MessageRow[] = await tx.query(
      `INSERT INTO live_chat_message (event_id, seq, author_id, author_name, author_role, client_id, body, question_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${MESSAGE_COLUMNS}`,
      [eventId, room!.last_seq, m.authorId, m.authorName, m.authorRole, m.clientId, m.body, m.questionId],
    );
    return toMessage(row!);
  }

  /** Messages after `afterSeq` in order, at most `limit`; deleted ones as tombstones unless `withDeleted` is false. */
  async after(m: EntityManager, eventId: string, afterSeq: number, limit: number, withDeleted = true): Promise<LiveChatMessagePayload[]> {
    const rows: MessageRow[] = await m.query(
      `SELECT ${MESSAGE_COLUMNS} FROM live_chat_message WHERE event_id = $1 AND seq > $2 ${withDeleted ? '' : 'AND deleted_at IS NULL'} ORDER BY seq LIMIT $3`,
      [eventId, afterSeq, limit],
    );
    return rows.map(toMessage);
  }

  /** The message `seq`, locked until `tx` ends, with what it said even when deleted (for the audit log). */
  async lock(tx: EntityManager, eventId: string, seq: number): Promise<{ authorId: string; authorName: string; body: string | null; deleted: boolean } | null> {
    const [r]: MessageRow[] = await tx.query(`SELECT ${MESSAGE_COLUMNS} FROM live_chat_message WHERE event_id = $1 AND seq = $2 FOR UPDATE`, [eventId, seq]);
    return r ? { authorId: r.author_id, authorName: r.author_name, body: r.body, deleted: r.deleted_at !== null } : null;
  }

  /** Leaves a tombstone: the number stays, what it said goes. */
  async tombstone(tx: EntityManager, eventId: string, seq: number): Promise<void> {
    await tx.query(`UPDATE live_chat_message SET body = NULL, deleted_at = now() WHERE event_id = $1 AND seq = $2`, [eventId, seq]);
  }
}
