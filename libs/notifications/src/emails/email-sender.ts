import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, escapeHtml, Mailer, unsubscribeToken } from '@careers/platform';
import { DataSource } from 'typeorm';
import { PreferencesService } from '../preferences/preferences.service.js';
import { quietUntil } from '../preferences/quiet-hours.js';
import { EmailFrequency } from '../preferences/settings.js';

interface PendingEmail {
  id: string;
  user_id: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  /** Set when another service composed the email whole (vacancy alerts). */
  html_body: string | null;
  unsubscribe_url: string | null;
}

const PENDING_COLUMNS = 'id, user_id, kind, to_address, subject, text_body, html_body, unsubscribe_url';

/** At most this many notifications in one digest; the rest wait for the next. */
const DIGEST_MAX = 50;

/**
 * Sends what notifications queued in notification_email. Each email is marked
 * sent as soon as the SMTP server took it, so a retry sends only the rest: at
 * least once, and twice only if the process dies between the server's answer
 * and the mark.
 */
@Injectable()
export class EmailSender {
  constructor(
    private readonly mailer: Mailer,
    private readonly preferences: PreferencesService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Instant emails, as their event asks. */
  async sendInstant(ids: string[]): Promise<void> {
    const emails: PendingEmail[] = await this.db.query(
      `SELECT ${PENDING_COLUMNS} FROM notification_email WHERE id = ANY($1) AND sent_at IS NULL AND digest IS NULL`,
      [ids],
    );
    for (const e of emails) await this.sendOne(e);
  }

  /** Instant emails held by quiet hours that have ended. */
  async sendHeld(): Promise<number> {
    const emails: PendingEmail[] = await this.db.query(
      `SELECT ${PENDING_COLUMNS} FROM notification_email
       WHERE sent_at IS NULL AND digest IS NULL AND send_after <= now() ORDER BY send_after LIMIT 500`,
    );
    for (const e of emails) await this.sendOne(e);
    return emails.length;
  }

  /**
   * One digest per person whose period has passed since their last digest (or
   * since their oldest waiting notification) and who is not in quiet hours.
   * Nobody gets an empty digest: only people with something waiting are looked at.
   */
  async sendDigests(): Promise<number> {
    const due: { user_id: string; digest: EmailFrequency; to_address: string }[] = await this.db.query(
      `SELECT e.user_id, e.digest, max(e.to_address) AS to_address
       FROM notification_email e LEFT JOIN notification_settings s ON s.user_id = e.user_id
       WHERE e.sent_at IS NULL AND e.digest IS NOT NULL
       GROUP BY e.user_id, e.digest, s.last_digest_at
       HAVING coalesce(s.last_digest_at, min(e.created_at)) <= now() - make_interval(days => CASE e.digest WHEN 'WEEKLY' THEN 7 ELSE 1 END)
       LIMIT 500`,
    );
    if (due.length === 0) return 0;
    const settings = new Map((await this.preferences.settingsOf(this.db.manager, due.map((d) => d.user_id))).map((s) => [s.userId, s]));
    let sent = 0;
    for (const d of due) {
      if (quietUntil(new Date(), settings.get(d.user_id)!)) continue;
      const items: PendingEmail[] = await this.db.query(
        `SELECT ${PENDING_COLUMNS} FROM notification_email
         WHERE user_id = $1 AND sent_at IS NULL AND digest IS NOT NULL ORDER BY created_at LIMIT $2`,
        [d.user_id, DIGEST_MAX],
      );
      if (items.length === 0) continue;
      const period = d.digest === EmailFrequency.WEEKLY ? 'weekly' : 'daily';
      const unsubscribeUrl = this.unsubscribeUrl(d.user_id, 'all');
      const text = items.map((i) => `* ${i.subject}\n  ${i.text_body.replace(/\n/g, '\n  ')}`).join('\n\n');
      await this.mailer.send({
        to: d.to_address,
        subject: `Your ${period} digest: ${items.length} notification${items.length === 1 ? '' : 's'}`,
        text: `${text}\n\n--\n${this.footer(unsubscribeUrl)}`,
        html: `<ul>${items.map((i) => `<li><strong>${escapeHtml(i.subject)}</strong><br>${escapeHtml(i.text_body).replace(/\n/g, '<br>')}</li>`).join('')}</ul>${this.htmlFooter(unsubscribeUrl)}`,
        unsubscribeUrl,
      });
      await this.db.transaction(async (tx) => {
        await tx.query(`UPDATE notification_email SET sent_at = now() WHERE id = ANY($1)`, [items.map((i) => i.id)]);
        await tx.query(
          `INSERT INTO notification_settings (user_id, email_frequency, last_digest_at) VALUES ($1, $2, now())
           ON CONFLICT (user_id) DO UPDATE SET last_digest_at = now()`,
          [d.user_id, d.digest],
        );
      });
      sent++;
    }
    return sent;
  }

  private async sendOne(e: PendingEmail): Promise<void> {
    if (e.html_body !== null && e.unsubscribe_url !== null) {
      await this.mailer.send({ to: e.to_address, subject: e.subject, text: e.text_body, html: e.html_body, unsubscribeUrl: e.unsubscribe_url });
    } else {
      const unsubscribeUrl = this.unsubscribeUrl(e.user_id, e.kind);
      await this.mailer.send({
        to: e.to_address,
        subject: e.subject,
        text: `${e.text_body}\n\n--\n${this.footer(unsubscribeUrl)}`,
        html: `<p>${escapeHtml(e.text_body).replace(/\n/g, '<br>')}</p>${this.htmlFooter(unsubscribeUrl)}`,
        unsubscribeUrl,
      });
    }
    await this.db.query(`UPDATE notification_email SET sent_at = now() WHERE id = $1`, [e.id]);
  }

  private unsubscribeUrl(userId: string, kind: string): string {
    return `${this.config.PUBLIC_URL}/unsubscribe?token=${unsubscribeToken(this.config.JWT_SECRET, userId, kind)}`;
  }

  private footer(url: string): string {
    return `You get this because of your notification settings. Stop these emails: ${url}`;
  }

  private htmlFooter(url: string): string {
    return `<hr><p style="color:#666;font-size:12px">You get this because of your notification settings. <a href="${escapeHtml(url)}">Stop these emails</a>.</p>`;
  }
}
