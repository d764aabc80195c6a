import { Inject, Injectable } from '@nestjs/common';
import { type NotificationKind, RECIPIENT_DIRECTORY, type RecipientDirectory } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, Outbox, RealtimePublisher } from '@careers/platform';
import type { EntityManager } from 'typeorm';
import { NotificationEmailRepository } from '../emails/notification-email.repository.js';
import { type Channel, PreferencesService } from '../preferences/preferences.service.js';
import { quietUntil } from '../preferences/quiet-hours.js';
import { EmailFrequency } from '../preferences/settings.js';
import { NotificationRepository } from './notification.repository.js';

export interface ComposedEmail {
  userId: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
}

export interface Delivery {
  userId: string;
  title: string;
  body: string;
  link: string | null;
}

/**
 * Turns one event's notifications into deliveries on each channel the person
 * has not turned off: in-app rows (pushed after commit) and emails (sent by
 * their own listener, through the outbox). All in the listener's transaction,
 * and at most once per (event, person, channel).
 */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly preferences: PreferencesService,
    private readonly realtime: RealtimePublisher,
    private readonly outbox: Outbox,
    @Inject(RECIPIENT_DIRECTORY) private readonly directory: RecipientDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationRepository,
    private readonly emails: NotificationEmailRepository,
  ) {}

  /**
   * `channels` narrows where the notifications go: vacancy alerts, say, are
   * in-app here and emailed through `deliverComposedEmail`, grouped as their
   * subscription says.
   */
  async deliver(
    tx: EntityManager,
    eventId: string,
    kind: NotificationKind,
    items: Delivery[],
    channels: readonly Channel[] = ['IN_APP', 'EMAIL'],
  ): Promise<() => Promise<void>> {
    if (items.length === 0) return async () => undefined;
    const userIds = items.map((i) => i.userId);
    const everyone = new Set(userIds);
    const [noInApp, noEmail] = await Promise.all([
      channels.includes('IN_APP') ? this.preferences.optedOut(tx, kind, 'IN_APP', userIds) : everyone,
      channels.includes('EMAIL') ? this.preferences.optedOut(tx, kind, 'EMAIL', userIds) : everyone,
    ]);

    const inApp = items.filter((i) => !noInApp.has(i.userId));
    const stored = await this.notifications.insert(tx, eventId, kind, inApp);

    const byEmail = items.filter((i) => !noEmail.has(i.userId));
    if (byEmail.length > 0) {
      const ids = byEmail.map((i) => i.userId);
      const [contactList, settings] = await Promise.all([this.directory.contactsOf(ids, tx), this.preferences.settingsOf(tx, ids)]);
      const contacts = new Map(contactList.map((c) => [c.userId, c]));
      const settingsOf = new Map(settings.map((s) => [s.userId, s]));
      const now = new Date();
      const emails = byEmail.flatMap((i) => {
        const contact = contacts.get(i.userId);
        const s = settingsOf.get(i.userId)!;
        if (!contact) return [];
        // Digests wait for their schedule; instant emails wait only for the end of quiet hours.
        const digest = s.emailFrequency === EmailFrequency.INSTANT ? null : s.emailFrequency;
        const sendAfter = digest ? null : quietUntil(now, s);
        return [{ userId: i.userId, toAddress: contact.email, subject: i.title, textBody: i.body, link: i.link, digest, sendAfter }];
      });
      const rows = await this.emails.insert(tx, eventId, kind, this.config.PUBLIC_URL, emails);
      // Held and digest emails are sent by the email schedule (ScheduledEmailsProcessor).
      const queued = rows.filter((r) => r.ready);
      for (let i = 0; i < queued.length; i += 500) {
        await this.outbox.append(tx, {
          type: 'notifications.emails-requested',
          aggregateType: 'notification-email',
          aggregateId: eventId,
          payload: { emailIds: queued.slice(i, i + 500).map((q) => q.id) },
        });
      }
    }

    return async () => {
      for (const n of stored) {
        this.realtime.toUser(n.userId, 'notification', {
          id: n.id,
          kind,
          title: n.title,
          body: n.body,
          link: n.link,
          createdAt: n.createdAt.toISOString(),
        });
      }
    };
  }

  /**
   * An email another service composed whole (its items, its own unsubscribe
   * link). It goes out at once, or when the person's quiet hours end, unless
   * they turned this kind of email off; at most once per event.
   */
  async deliverComposedEmail(tx: EntityManager, eventId: string, kind: NotificationKind, email: ComposedEmail): Promise<void> {
    if ((await this.preferences.optedOut(tx, kind, 'EMAIL', [email.userId])).size > 0) return;
    const [[contact], [settings]] = await Promise.all([this.directory.contactsOf([email.userId], tx), this.preferences.settingsOf(tx, [email.userId])]);
    if (!contact) return;
    const sendAfter = quietUntil(new Date(), settings);
    const id = await this.emails.insertComposed(tx, eventId, kind, { ...email, toAddress: contact.email, sendAfter });
    if (!id || sendAfter) return; // a replay, or held by quiet hours for the email schedule
    await this.outbox.append(tx, {
      type: 'notifications.emails-requested',
      aggregateType: 'notification-email',
      aggregateId: eventId,
      payload: { emailIds: [id] },
    });
  }
}
