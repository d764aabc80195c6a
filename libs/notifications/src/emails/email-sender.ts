import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, escapeHtml, Mailer, unsubscribeToken } from '@careers/platform';
import { DataSource } from 'typeorm';
import { PreferenceRepository } from '../preferences/preference.repository.js';
import { PreferencesService } from '../preferences/preferences.service.js';
import { quietUntil } from '../preferences/quiet-hours.js';
import { EmailFrequency } from '../preferences/settings.js';
import { NotificationEmailRepository, type PendingEmail } from './notification-email.repository.js';

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
    private readonly emails: NotificationEmailRepository,
    private readonly preferenceRows: PreferenceRepository,
  ) {}

  /** Instant emails, as their event asks. */
  async sendInstant(ids: string[]): Promise<void> {
    const emails = await this.emails.instant(this.db.manager, ids);
    for (const e of emails) await this.sendOne(e);
  }

  /** Instant emails held by quiet hours that have ended. */
  async sendHeld(): Promise<number> {
    const emails = await this.emails.heldAndDue(this.db.manager);
    for (const e of emails) await this.sendOne(e);
    return emails.length;
  }

  /**
   * One digest per person whose period has passed since their last digest (or
   * since their oldest waiting notification) and who is not in quiet hours.
   * Nobody gets an empty digest: only people with something waiting are looked at.
   */
  async sendDigests(): Promise<number> {
    const due = await this.emails.dueDigests(this.db.manager);
    if (due.length === 0) return 0;
    const settings = new Map((await this.preferences.settingsOf(this.db.manager, due.map((d) => d.user_id))).map((s) => [s.userId, s]));
    let sent = 0;
    for (const d of due) {
      if (quietUntil(new Date(), settings.get(d.user_id)!)) continue;
      const items = await this.emails.digestItems(this.db.manager, d.user_id, DIGEST_MAX);
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
        await this.emails.markSent(tx, items.map((i) => i.id));
        await this.preferenceRows.digestSent(tx, d.user_id, d.digest);
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
    await this.emails.markSent(this.db.manager, [e.id]);
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
