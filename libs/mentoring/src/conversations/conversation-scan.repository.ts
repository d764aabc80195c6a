import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A recipient whose messages stayed unread past the delay, stored once for this read position. */
export interface UnreadDue {
  mentorshipId: string;
  userId: string;
  senderId: string;
  unreadCount: number;
}

/** An active mentorship quiet for the configured days, stored once for its last message. */
export interface CheckInDue {
  mentorshipId: string;
  mentorId: string;
  menteeId: string;
}

/** The conversation schedule's SQL: what fell due, keyed so that each goes out once per quiet spell. */
@Injectable()
export class ConversationScanRepository {
  /**
   * Stores the unread-message emails due now: for each party of an ACTIVE mentorship whose oldest unread message
   * (the other party's, after their read position) is older than `afterSeconds`, keyed by (mentorship, recipient,
   * read position): reading moves the position, and a later unread spell is due again.
   */
  async storeUnreadDue(m: EntityManager, afterSeconds: number): Promise<UnreadDue[]> {
    const rows: { mentorship_id: string; user_id: string; sender_id: string; unread: number }[] = await m.query(
      `WITH parties AS (
         SELECT ms.id AS mentorship_id, p.user_id, p.other_id, coalesce(r.last_read_seq, 0) AS read_seq
         FROM mentorship ms
         CROSS JOIN LATERAL (VALUES (ms.mentor_id, ms.mentee_id), (ms.mentee_id, ms.mentor_id)) AS p(user_id, other_id)
         LEFT JOIN mentorship_read r ON r.mentorship_id = ms.id AND r.user_id = p.user_id
         WHERE ms.status = 'ACTIVE'
       ), due AS (
         SELECT p.mentorship_id, p.user_id, p.other_id, p.read_seq, count(*)::int AS unread
         FROM parties p JOIN mentorship_message msg
           ON msg.mentorship_id = p.mentorship_id AND msg.sender_id = p.other_id AND msg.seq > p.read_seq
         GROUP BY p.mentorship_id, p.user_id, p.other_id, p.read_seq
         HAVING min(msg.created_at) <= now() - make_interval(secs => $1)
       ), stored AS (
         INSERT INTO mentorship_unread_email (mentorship_id, user_id, read_seq)
         SELECT mentorship_id, user_id, read_seq FROM due
         ON CONFLICT DO NOTHING RETURNING mentorship_id, user_id, read_seq
       )
       SELECT d.mentorship_id, d.user_id, d.other_id AS sender_id, d.unread
       FROM stored s JOIN due d USING (mentorship_id, user_id, read_seq)`,
      [afterSeconds],
    );
    return rows.map((r) => ({ mentorshipId: r.mentorship_id, userId: r.user_id, senderId: r.sender_id, unreadCount: r.unread }));
  }

  /**
   * Stores the check-ins due now: ACTIVE mentorships whose last message (or start, when none) is `days` old or
   * older, keyed by (mentorship, last message's sequence): a new message ends the spell, and the next silence is due
   * again.
   */
  async storeCheckInsDue(m: EntityManager, days: number): Promise<CheckInDue[]> {
    const rows: { mentorship_id: string; mentor_id: string; mentee_id: string }[] = await m.query(
      `WITH quiet AS (
         SELECT ms.id AS mentorship_id, coalesce(last.seq, 0) AS after_seq
         FROM mentorship ms
         LEFT JOIN LATERAL (
           SELECT seq, created_at FROM mentorship_message WHERE mentorship_id = ms.id ORDER BY seq DESC LIMIT 1
         ) last ON true
         WHERE ms.status = 'ACTIVE'
           AND coalesce(last.created_at, ms.started_at, ms.created_at) <= now() - make_interval(days => $1)
       ), stored AS (
         INSERT INTO mentorship_check_in (mentorship_id, after_seq) SELECT mentorship_id, after_seq FROM quiet
         ON CONFLICT DO NOTHING RETURNING mentorship_id
       )
       SELECT ms.id AS mentorship_id, ms.mentor_id, ms.mentee_id FROM stored s JOIN mentorship ms ON ms.id = s.mentorship_id`,
      [days],
    );
    return rows.map((r) => ({ mentorshipId: r.mentorship_id, mentorId: r.mentor_id, menteeId: r.mentee_id }));
  }
}
