import { Inject, Injectable } from '@nestjs/common';
import { type NotificationKind, RECIPIENT_DIRECTORY, type RecipientDirectory } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, Outbox, RealtimePublisher } from '@careers/platform';
import type { EntityManager } from 'typeorm';
import { type Channel, PreferencesService } from '../preferences/preferences.service.js';
import { quietUntil } from '../preferences/quiet-hours.js';
import { EmailFrequency } from '../preferences/settings.js';

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
    const stored: { id: string; userId: string; title: string; body: string; link: string | null; createdAt: Date }[] = inApp.length
      ? await tx.query(
          `INSERT INTO notification (user_id, kind, title, body, link, event_id)
           SELECT n.user_id, $2, n.title, n.body, n.link, $3 FROM jsonb_to_recordset($1::jsonb)
             AS n(user_id uuid, title text, body text, link text)
           ON CONFLICT (event_id, user_id) DO NOTHING
           RETURNING id, user_id AS "userId", title, body, link, created_at AS "createdAt"`,
          [JSON.stringify(inApp.map((i) => ({ user_id: i.userId, title: i.title, body: i.body, link: i.link }))), kind, eventId],
        )
      : [];

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
        return [{ user_id: i.userId, to_address: contact.email, subject: i.title, text_body: i.body, link: i.link, digest, send_after: sendAfter }];
      });
      const rows: { id: string; ready: boolean }[] = await tx.query(
        `INSERT INTO notification_email (event_id, user_id, kind, to_address, subject, text_body, digest, send_after)
         SELECT $2, e.user_id, $3, e.to_address, e.subject, e.text_body || coalesce(E'\\n\\nOpen it: ' || $4 || e.link, ''), e.digest, e.send_after
         FROM jsonb_to_recordset($1::jsonb) AS e(user_id uuid, to_address text, subject text, text_body text, link text, digest text, send_after timestamptz)
         ON CONFLICT (event_id, user_id) DO NOTHING RETURNING id, (digest IS NULL AND send_after IS NULL) AS ready`,
        [JSON.stringify(emails), eventId, kind, this.config.PUBLIC_URL],
      );
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
          createdAt: new Date(n.createdAt).toISOString(),
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
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO notification_email (event_id, user_id, kind, to_address, subject, text_body, html_body, unsubscribe_url, send_after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (event_id, user_id) DO NOTHING RETURNING id`,
      [eventId, email.userId, kind, contact.email, email.subject, email.text, email.html, email.unsubscribeUrl, sendAfter],
    );
    if (rows.length === 0 || sendAfter) return; // a replay, or held by quiet hours for the email schedule
    await this.outbox.append(tx, {
      type: 'notifications.emails-requested',
      aggregateType: 'notification-email',
      aggregateId: eventId,
      payload: { emailIds: [rows[0].id] },
    });
  }
}
