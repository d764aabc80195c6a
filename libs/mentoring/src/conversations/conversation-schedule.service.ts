import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, type PeopleDirectory } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, Outbox } from '@careers/platform';
import { DataSource } from 'typeorm';
import { ConversationScanRepository } from './conversation-scan.repository.js';

/**
 * What mentorship conversations send on a schedule, each once per quiet spell however often (or on however many
 * workers) the scan runs: the unread-message email (MENTORSHIP_UNREAD_EMAIL_AFTER seconds after the oldest unread
 * message; one per spell, not one per message) and the check-in prompt (MENTORSHIP_CHECK_IN_DAYS without a message).
 * Each scan stores what fell due under unique keys and emits the events in the same transaction; notifications
 * turn them into notices, so preferences and quiet hours apply.
 */
@Injectable()
export class ConversationScheduleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    private readonly outbox: Outbox,
    private readonly scan: ConversationScanRepository,
  ) {}

  /** Sends what is due now; returns how many unread emails and check-ins it stored. */
  async sendDue(): Promise<{ unread: number; checkIns: number }> {
    return this.db.transaction(async (tx) => {
      const unread = await this.scan.storeUnreadDue(tx, this.config.MENTORSHIP_UNREAD_EMAIL_AFTER);
      const checkIns = await this.scan.storeCheckInsDue(tx, this.config.MENTORSHIP_CHECK_IN_DAYS);
      const ids = [...new Set([...unread.map((u) => u.senderId), ...checkIns.flatMap((c) => [c.mentorId, c.menteeId])])];
      const names = new Map((ids.length ? await this.people.peopleOf(ids, tx) : []).map((p) => [p.userId, p.displayName]));
      const nameOf = (id: string) => names.get(id) ?? 'your mentorship partner';
      for (const u of unread) {
        await this.outbox.append(tx, {
          type: 'mentoring.messages-unread',
          aggregateType: 'mentorship',
          aggregateId: u.mentorshipId,
          payload: { mentorshipId: u.mentorshipId, userId: u.userId, senderName: nameOf(u.senderId), unreadCount: u.unreadCount },
        });
      }
      for (const c of checkIns) {
        await this.outbox.append(tx, {
          type: 'mentoring.check-in-due',
          aggregateType: 'mentorship',
          aggregateId: c.mentorshipId,
          payload: {
            mentorshipId: c.mentorshipId,
            days: this.config.MENTORSHIP_CHECK_IN_DAYS,
            parties: [
              { userId: c.mentorId, otherName: nameOf(c.menteeId) },
              { userId: c.menteeId, otherName: nameOf(c.mentorId) },
            ],
          },
        });
      }
      return { unread: unread.length, checkIns: checkIns.length };
    });
  }
}
