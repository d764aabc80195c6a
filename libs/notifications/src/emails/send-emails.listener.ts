import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DomainEvent } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, type EventListener, EventListeners, Mailer, unsubscribeToken } from '@careers/platform';
import { DataSource } from 'typeorm';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Sends the emails notifications queued. Each is marked sent as soon as the
 * SMTP server took it, so a retry sends only the rest: at least once, and
 * twice only if the process dies between the server's answer and the mark.
 */
@Injectable()
export class SendEmailsListener implements EventListener<'notifications.emails-requested'> {
  readonly name = 'notifications.send-emails';
  readonly event = 'notifications.emails-requested' as const;

  constructor(
    listeners: EventListeners,
    private readonly mailer: Mailer,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    listeners.register(this);
  }

  async handle(event: DomainEvent<'notifications.emails-requested'>): Promise<void> {
    const emails: { id: string; user_id: string; kind: string; to_address: string; subject: string; text_body: string }[] = await this.db.query(
      `SELECT id, user_id, kind, to_address, subject, text_body FROM notification_email WHERE id = ANY($1) AND sent_at IS NULL`,
      [event.payload.emailIds],
    );
    for (const e of emails) {
      const unsubscribeUrl = `${this.config.PUBLIC_URL}/unsubscribe?token=${unsubscribeToken(this.config.JWT_SECRET, e.user_id, e.kind)}`;
      const footer = `You get this because of your notification settings. Stop these emails: ${unsubscribeUrl}`;
      await this.mailer.send({
        to: e.to_address,
        subject: e.subject,
        text: `${e.text_body}\n\n--\n${footer}`,
        html: `<p>${escape(e.text_body).replace(/\n/g, '<br>')}</p><hr><p style="color:#666;font-size:12px">You get this because of your notification settings. <a href="${escape(unsubscribeUrl)}">Stop these emails</a>.</p>`,
        unsubscribeUrl,
      });
      await this.db.query(`UPDATE notification_email SET sent_at = now() WHERE id = $1`, [e.id]);
    }
  }
}
