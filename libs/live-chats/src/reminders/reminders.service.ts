import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Outbox } from '@careers/platform';
import { DataSource } from 'typeorm';

const CHUNK = 1000;

/**
 * Reminders a day and an hour before a live chat, for everyone registered.
 * Each scan inserts the reminders that fell due, keyed by (event, person,
 * which, the event's sequence), and emits one event per chunk of new rows in
 * the same transaction: a reminder goes out once however often (or on however
 * many workers) the scan runs, and a reschedule makes them due again.
 */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Sends what is due now; returns how many reminders it stored. */
  async sendDue(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due: { event_id: string; which: 'DAY_BEFORE' | 'HOUR_BEFORE'; title: string; starts_at: Date; user_ids: string[] }[] = await tx.query(
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
      let count = 0;
      for (const d of due) {
        for (let i = 0; i < d.user_ids.length; i += CHUNK) {
          const userIds = d.user_ids.slice(i, i + CHUNK);
          count += userIds.length;
          await this.outbox.append(tx, {
            type: 'live-chats.reminders-due',
            aggregateType: 'live-chat',
            aggregateId: d.event_id,
            payload: { eventId: d.event_id, title: d.title, startsAt: new Date(d.starts_at).toISOString(), which: d.which, userIds },
          });
        }
      }
      return count;
    });
  }
}
