import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type MentorshipGoal, MentorshipGoalStatus } from './conversation.models.js';

/** The parties and status of a mentorship, as the conversation's rules need them. */
export interface MentorshipParties {
  id: string;
  mentorId: string;
  menteeId: string;
  status: string;
}

/** A stored message, before it is seen by someone (`sentByYou`, `readByRecipient` depend on who reads). */
export interface StoredMessage {
  id: string;
  mentorshipId: string;
  seq: string;
  senderId: string;
  body: string;
  clientId: string;
  createdAt: Date;
}

interface MessageRow {
  id: string;
  mentorship_id: string;
  seq: string;
  sender_id: string;
  body: string;
  client_id: string;
  created_at: Date;
}
interface GoalRow {
  id: string;
  mentorship_id: string;
  text: string;
  proposed_by: string;
  status: MentorshipGoalStatus;
  created_at: Date;
  agreed_at: Date | null;
  completed_at: Date | null;
}

const MESSAGE = `id, mentorship_id, seq::text AS seq, sender_id, body, client_id, created_at`;
const GOAL = `id, mentorship_id, text, proposed_by, status, created_at, agreed_at, completed_at`;

const message = (r: MessageRow): StoredMessage => ({
  id: r.id,
  mentorshipId: r.mentorship_id,
  seq: r.seq,
  senderId: r.sender_id,
  body: r.body,
  clientId: r.client_id,
  createdAt: new Date(r.created_at),
});

/** A goal as `viewerId` sees it. */
export const goalFor = (r: GoalRow, viewerId: string): MentorshipGoal => ({
  id: r.id,
  mentorshipId: r.mentorship_id,
  text: r.text,
  proposedById: r.proposed_by,
  proposedByYou: r.proposed_by === viewerId,
  status: r.status,
  createdAt: new Date(r.created_at),
  agreedAt: r.agreed_at && new Date(r.agreed_at),
  completedAt: r.completed_at && new Date(r.completed_at),
});
export type { GoalRow };

/**
 * The conversation's SQL: messages, read positions and goals of a mentorship (no entity classes: raw parameterised
 * SQL, rows mapped here). Every method runs on the manager the caller passes (its transaction's, or the data
 * source's).
 */
@Injectable()
export class ConversationRepository {
  /** The mentorship's parties and status; with `lock`, its row locked (sends and goal changes of one mentorship queue on it). */
  async mentorship(m: EntityManager, id: string, opts: { lock?: boolean } = {}): Promise<MentorshipParties | null> {
    const rows: { id: string; mentor_id: string; mentee_id: string; status: string }[] = await m.query(
      `SELECT id, mentor_id, mentee_id, status::text AS status FROM mentorship WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    const r = rows[0];
    return r ? { id: r.id, mentorId: r.mentor_id, menteeId: r.mentee_id, status: r.status } : null;
  }

  /** Stores a message; null when this sender already sent one with this client id (a retry). */
  async insertMessage(m: EntityManager, mentorshipId: string, senderId: string, body: string, clientId: string): Promise<StoredMessage | null> {
    const rows: MessageRow[] = await m.query(
      `INSERT INTO mentorship_message (mentorship_id, sender_id, body, client_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (mentorship_id, sender_id, client_id) DO NOTHING RETURNING ${MESSAGE}`,
      [mentorshipId, senderId, body, clientId],
    );
    return rows[0] ? message(rows[0]) : null;
  }

  async messageByClientId(m: EntityManager, mentorshipId: string, senderId: string, clientId: string): Promise<StoredMessage | null> {
    const rows: MessageRow[] = await m.query(
      `SELECT ${MESSAGE} FROM mentorship_message WHERE mentorship_id = $1 AND sender_id = $2 AND client_id = $3`,
      [mentorshipId, senderId, clientId],
    );
    return rows[0] ? message(rows[0]) : null;
  }

  async message(m: EntityManager, mentorshipId: string, messageId: string): Promise<StoredMessage | null> {
    const rows: MessageRow[] = await m.query(`SELECT ${MESSAGE} FROM mentorship_message WHERE mentorship_id = $1 AND id = $2`, [mentorshipId, messageId]);
    return rows[0] ? message(rows[0]) : null;
  }

  /** Newest first: `limit` messages before the one at sequence `beforeSeq` (all from the newest when null). */
  async page(m: EntityManager, mentorshipId: string, beforeSeq: string | null, limit: number): Promise<StoredMessage[]> {
    const rows: MessageRow[] = await m.query(
      `SELECT ${MESSAGE} FROM mentorship_message
       WHERE mentorship_id = $1 AND ($2::bigint IS NULL OR seq < $2::bigint)
       ORDER BY seq DESC LIMIT $3`,
      [mentorshipId, beforeSeq, limit],
    );
    return rows.map(message);
  }

  /** Each party's read position (the sequence of the newest message they read), by user id. */
  async readPositions(m: EntityManager, mentorshipId: string): Promise<Map<string, string>> {
    const rows: { user_id: string; last_read_seq: string }[] = await m.query(
      `SELECT user_id, last_read_seq::text AS last_read_seq FROM mentorship_read WHERE mentorship_id = $1`,
      [mentorshipId],
    );
    return new Map(rows.map((r) => [r.user_id, r.last_read_seq]));
  }

  /** Moves `userId`'s read position forward to `seq` (never back); whether it moved. */
  async markRead(m: EntityManager, mentorshipId: string, userId: string, seq: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO mentorship_read (mentorship_id, user_id, last_read_seq) VALUES ($1, $2, $3::bigint)
       ON CONFLICT (mentorship_id, user_id) DO UPDATE SET last_read_seq = excluded.last_read_seq, read_at = now()
         WHERE mentorship_read.last_read_seq < excluded.last_read_seq
       RETURNING 1`,
      [mentorshipId, userId, seq],
    );
    return rows.length > 0;
  }

  /** Messages `userId` has not read: the other party's, after their read position. */
  async unreadCount(m: EntityManager, mentorshipId: string, userId: string): Promise<number> {
    const rows: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM mentorship_message msg
       WHERE msg.mentorship_id = $1 AND msg.sender_id <> $2
         AND msg.seq > coalesce((SELECT last_read_seq FROM mentorship_read WHERE mentorship_id = $1 AND user_id = $2), 0)`,
      [mentorshipId, userId],
    );
    return rows[0]!.n;
  }

  /** `userId`'s unread counts in each of their mentorships that has unread messages (ACTIVE or ENDED), most unread first. */
  async unreadCounts(m: EntityManager, userId: string): Promise<{ mentorshipId: string; unreadCount: number }[]> {
    const rows: { mentorship_id: string; n: number }[] = await m.query(
      `SELECT ms.id AS mentorship_id, count(*)::int AS n
       FROM mentorship ms
       LEFT JOIN mentorship_read r ON r.mentorship_id = ms.id AND r.user_id = $1
       JOIN mentorship_message msg ON msg.mentorship_id = ms.id AND msg.sender_id <> $1 AND msg.seq > coalesce(r.last_read_seq, 0)
       WHERE (ms.mentor_id = $1 OR ms.mentee_id = $1) AND ms.status IN ('ACTIVE', 'ENDED')
       GROUP BY ms.id ORDER BY n DESC, ms.id LIMIT 200`,
      [userId],
    );
    return rows.map((r) => ({ mentorshipId: r.mentorship_id, unreadCount: r.n }));
  }

  /** The id of the newest message of `senderId` that `readerId` has read (null if none). */
  async readUpTo(m: EntityManager, mentorshipId: string, readerId: string): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `SELECT msg.id FROM mentorship_message msg JOIN mentorship_read r ON r.mentorship_id = msg.mentorship_id AND r.user_id = $2
       WHERE msg.mentorship_id = $1 AND msg.seq <= r.last_read_seq ORDER BY msg.seq DESC LIMIT 1`,
      [mentorshipId, readerId],
    );
    return rows[0]?.id ?? null;
  }

  async goals(m: EntityManager, mentorshipId: string): Promise<GoalRow[]> {
    return m.query(`SELECT ${GOAL} FROM mentorship_goal WHERE mentorship_id = $1 ORDER BY created_at, id`, [mentorshipId]);
  }

  async goal(m: EntityManager, goalId: string): Promise<GoalRow | null> {
    const rows: GoalRow[] = await m.query(`SELECT ${GOAL} FROM mentorship_goal WHERE id = $1`, [goalId]);
    return rows[0] ?? null;
  }

  async goalCount(m: EntityManager, mentorshipId: string): Promise<number> {
    const rows: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM mentorship_goal WHERE mentorship_id = $1`, [mentorshipId]);
    return rows[0]!.n;
  }

  async insertGoal(m: EntityManager, mentorshipId: string, proposedBy: string, text: string): Promise<GoalRow> {
    const rows: GoalRow[] = await m.query(
      `INSERT INTO mentorship_goal (mentorship_id, proposed_by, text) VALUES ($1, $2, $3) RETURNING ${GOAL}`,
      [mentorshipId, proposedBy, text],
    );
    return rows[0]!;
  }

  async setGoalStatus(m: EntityManager, goalId: string, status: MentorshipGoalStatus): Promise<GoalRow> {
    const rows: [GoalRow[], number] = await m.query(
      `UPDATE mentorship_goal SET status = $2::mentorship_goal_status,
         agreed_at = CASE WHEN $2::mentorship_goal_status = 'AGREED' THEN now() ELSE agreed_at END,
         completed_at = CASE WHEN $2::mentorship_goal_status = 'COMPLETED' THEN now() ELSE completed_at END
       WHERE id = $1 RETURNING ${GOAL}`,
      [goalId, status],
    );
    return rows[0][0]!;
  }

  async deleteGoal(m: EntityManager, goalId: string): Promise<void> {
    await m.query(`DELETE FROM mentorship_goal WHERE id = $1`, [goalId]);
  }
}

export { MentorshipGoalStatus };
