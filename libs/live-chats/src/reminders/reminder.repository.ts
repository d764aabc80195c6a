import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Reminders stored by one scan for one event and one lead time. */
export interface DueReminders {
  eventId: string;
  which: 'DAY_BEFORE' | 'HOUR_BEFORE';
  title: string;
  startsAt: Date;
  /** Who is reminded, by id, ascending. */
  userIds: string[];
}

/** The reminders' SQL (`live_chat_reminder`). Dialect: see rooms/room-messages.repository.ts. */
@Injectable()
export class ReminderRepository {
  /**
   * Stores the reminders due now (a day and an hour before each approved chat, for everyone registered), keyed by
   * (event, person, which, the event's sequence) so that none is stored twice; returns those it stored, by event and
   * lead time.
   */
  async storeDue(m: EntityManager): Promise<DueReminders[]> {
    const rows: { event_id: string; which: DueReminders['which']; title: string; starts_at: Date; user_ids: string[] }[] = await m.query(
      `WITH due AS (
         SELECT e.id AS event_id, e.sequence, w.which, r.user_id
         FROM live_chat_event e
         CROSS JOIN (VALUES ('DAY_BEFORE', interval '24 hours', interval '1 hour'),
                            ('HOUR_BEFORE', interval '1 hour', interval '0')) AS w(which, lead, until)
         JOIN live_chat_registration r ON r.event_id = e.id AND r.status = 'REGISTERED'
         WHERE e.status = 'APPROVED' AND e.starts_at > now() AND e.starts_at <= now() + interval '24 hours'
           AND now() >= e.starts_at - w.lead AND now() < e.starts_at - w.until
       ), stored AS (
         INSERT INTO live_chat_reminder (event_id, user_id, which, sequence)
         SELECT event_id, user_id, which, sequence FROM due
         ON CONFLICT DO NOTHING RETURNING event_id, user_id, which
       )
       SELECT s.event_id, s.which, e.title, e.starts_at, array_agg(s.user_id ORDER BY s.user_id) AS user_ids
       FROM stored s JOIN live_chat_event e ON e.id = s.event_id
       GROUP BY s.event_id, s.which, e.title, e.starts_at`,
    );
    return rows.map((r) => ({ eventId: r.event_id, which: r.which, title: r.title, startsAt: new Date(r.starts_at), userIds: r.user_ids }));
  }
}
