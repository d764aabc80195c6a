import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Outbox } from '@careers/platform';
import { DataSource } from 'typeorm';
import { ReminderRepository } from './reminder.repository.js';

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
    private readonly reminders: ReminderRepository,
  ) {}

  /** Sends what is due now; returns how many reminders it stored. */
  async sendDue(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due = await this.reminders.storeDue(tx);
      let count = 0;
      for (const d of due) {
        for (let i = 0; i < d.userIds.length; i += CHUNK) {
          const userIds = d.userIds.slice(i, i + CHUNK);
          count += userIds.length;
          await this.outbox.append(tx, {
            type: 'live-chats.reminders-due',
            aggregateType: 'live-chat',
            aggregateId: d.eventId,
            payload: { eventId: d.eventId, title: d.title, startsAt: d.startsAt.toISOString(), which: d.which, userIds },
          });
        }
      }
      return count;
    });
  }
}
