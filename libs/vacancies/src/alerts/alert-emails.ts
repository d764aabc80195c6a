import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, escapeHtml, Outbox, unsubscribeToken } from '@careers/platform';
import { DataSource } from 'typeorm';

/** At most this many vacancies in one alert email, and this many from one employer. */
export const EMAIL_MAX_ITEMS = 10;
export const EMAIL_MAX_PER_EMPLOYER = 2;

/** The unsubscribe token's kind for one subscription's emails (notifications' tokens carry notification kinds). */
export const alertUnsubscribeKind = (subscriptionId: string) => `alert-subscription:${subscriptionId}`;

interface Pending {
  vacancy_id: string;
  reasons: string;
  organisation_key: string;
  title: string;
  employer_name: string;
  location: string;
  closes_at: Date;
  open: boolean;
}

const day = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Picks what one email carries: in match order, at most EMAIL_MAX_ITEMS, at most EMAIL_MAX_PER_EMPLOYER from one employer. */
export function pickForEmail<T extends { organisation_key: string }>(pending: T[]): { picked: T[]; left: T[] } {
  const perEmployer = new Map<string, number>();
  const picked: T[] = [];
  const left: T[] = [];
  for (const p of pending) {
    const n = perEmployer.get(p.organisation_key) ?? 0;
    if (picked.length < EMAIL_MAX_ITEMS && n < EMAIL_MAX_PER_EMPLOYER) {
      picked.push(p);
      perEmployer.set(p.organisation_key, n + 1);
    } else {
      left.push(p);
    }
  }
  return { picked, left };
}

/**
 * Composes alert emails from the matches waiting in alert_match, one email per
 * subscription when its frequency says it is due: INSTANT at every run of the
 * vacancies schedule, DAILY and WEEKLY once their period has passed since the
 * last one. What one email cannot carry (past the caps) is counted in a line
 * pointing to the app, not sent later: nobody gets the same flood in pieces.
 * The email goes to notifications through the outbox, in the transaction that
 * marks its matches emailed, so each match is emailed at most once.
 */
@Injectable()
export class AlertEmails {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async composeDue(): Promise<number> {
    const due: { id: string }[] = await this.db.query(
      `SELECT s.id FROM (SELECT DISTINCT subscription_id FROM alert_match WHERE email_pending) p
       JOIN alert_subscription s ON s.id = p.subscription_id
       WHERE NOT s.email OR s.frequency = 'INSTANT'
          OR coalesce(s.last_emailed_at, (SELECT min(matched_at) FROM alert_match m WHERE m.subscription_id = s.id AND m.email_pending))
             <= now() - CASE s.frequency WHEN 'WEEKLY' THEN interval '7 days' ELSE interval '1 day' END
       LIMIT 1000`,
    );
    let sent = 0;
    for (const { id } of due) if (await this.composeFor(id)) sent++;
    return sent;
  }

  private composeFor(subscriptionId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [sub]: { id: string; user_id: string; name: string; email: boolean; paused: boolean }[] = await tx.query(
        `SELECT id, user_id, name, email, paused FROM alert_subscription WHERE id = $1 FOR UPDATE SKIP LOCKED`,
        [subscriptionId],
      );
      if (!sub) return false;
      const pending: Pending[] = await tx.query(
        `SELECT m.vacancy_id, m.reasons, m.organisation_key, v.title, v.employer_name, v.location, v.closes_at,
                (v.status = 'PUBLISHED' AND v.closes_at > now()) AS open
         FROM alert_match m JOIN vacancy v ON v.id = m.vacancy_id
         WHERE m.subscription_id = $1 AND m.email_pending ORDER BY m.matched_at, m.vacancy_id`,
        [subscriptionId],
      );
      // Emails turned off, the alert paused, or vacancies closed meanwhile: nothing to send for those.
      const sendable = sub.email && !sub.paused ? pending.filter((p) => p.open) : [];
      const { picked, left } = pickForEmail(sendable);
      await tx.query(
        `UPDATE alert_match SET email_pending = false, emailed_at = CASE WHEN vacancy_id = ANY($2::uuid[]) THEN now() END
         WHERE subscription_id = $1 AND vacancy_id = ANY($3::uuid[])`,
        [subscriptionId, picked.map((p) => p.vacancy_id), pending.map((p) => p.vacancy_id)],
      );
      if (picked.length === 0) return false; // no empty emails
      await tx.query(`UPDATE alert_subscription SET last_emailed_at = now() WHERE id = $1`, [subscriptionId]);
      await this.outbox.append(tx, {
        type: 'vacancies.alert-email-composed',
        aggregateType: 'alert-subscription',
        aggregateId: subscriptionId,
        payload: { userId: sub.user_id, subscriptionId, ...this.render(sub, picked, left.length) },
      });
      return true;
    });
  }

  private render(sub: { id: string; user_id: string; name: string }, items: Pending[], more: number) {
    const base = this.config.PUBLIC_URL;
    const unsubscribeUrl = `${base}/alerts/unsubscribe?token=${unsubscribeToken(this.config.JWT_SECRET, sub.user_id, alertUnsubscribeKind(sub.id))}`;
    const link = (id: string) => `${base}/vacancies/${id}`;
    const subject = `${items.length} new vacanc${items.length === 1 ? 'y' : 'ies'} for your alert "${sub.name}"`;
    const moreLine = more > 0 ? `${more} more match${more === 1 ? '' : 'es'} for this alert: ${base}/alerts/${sub.id}` : '';
    const text = [
      ...items.map((i) => `* ${i.title} (${i.employer_name}, ${i.location})\n  Closes ${day(i.closes_at)}\n  Why: ${i.reasons}\n  ${link(i.vacancy_id)}`),
      moreLine,
      `--\nYou get this because of your alert "${sub.name}". Stop emails for this alert: ${unsubscribeUrl}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    const html =
      `<ul>${items
        .map(
          (i) =>
            `<li><a href="${escapeHtml(link(i.vacancy_id))}"><strong>${escapeHtml(i.title)}</strong></a> (${escapeHtml(i.employer_name)}, ${escapeHtml(i.location)})` +
            `<br>Closes ${escapeHtml(day(i.closes_at))}<br><em>Why: ${escapeHtml(i.reasons)}</em></li>`,
        )
        .join('')}</ul>` +
      (more > 0 ? `<p><a href="${escapeHtml(`${base}/alerts/${sub.id}`)}">${more} more match${more === 1 ? '' : 'es'}</a> for this alert.</p>` : '') +
      `<hr><p style="color:#666;font-size:12px">You get this because of your alert "${escapeHtml(sub.name)}". <a href="${escapeHtml(unsubscribeUrl)}">Stop emails for this alert</a>.</p>`;
    return { subject, text, html, unsubscribeUrl };
  }
}
