import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, escapeHtml, Outbox, unsubscribeToken } from '@careers/platform';
import { DataSource } from 'typeorm';
import { visibleAt } from '../vacancies/visibility.js';

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
  visible: boolean;
  held: boolean;
}

/**
 * SQL, for a waiting match `m` of vacancy `v` and subscription `s`: the vacancy is not visible to the subscriber's
 * institution now but may be again, being still open and in approval there (an edit sent it back, it was rejected
 * after approving, or the institution was removed and may be added again). Its email waits, and goes out with the
 * approved text once the institution approves it; a vacancy closed, expired or rejected everywhere is dropped.
 */
const HELD = `(NOT ${visibleAt('v', 's.institution_id')} AND v.status IN ('PUBLISHED', 'PENDING_APPROVAL') AND v.closes_at > now())`;

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
 * last one. Only vacancies the subscriber's institution approves now go in
 * (see HELD). What one email cannot carry (past the caps) is counted in a line
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
    // Subscriptions whose only waiting matches are held are not due: they would send nothing, and take the places of others.
    const due: { id: string }[] = await this.db.query(
      `SELECT s.id FROM (SELECT DISTINCT subscription_id FROM alert_match WHERE email_pending) p
       JOIN alert_subscription s ON s.id = p.subscription_id
       WHERE NOT s.email
          OR EXISTS (SELECT 1 FROM alert_match m JOIN vacancy v ON v.id = m.vacancy_id WHERE m.subscription_id = s.id AND m.email_pending AND NOT ${HELD})
         AND (s.frequency = 'INSTANT'
          OR coalesce(s.last_emailed_at, (SELECT min(m.matched_at) FROM alert_match m JOIN vacancy v ON v.id = m.vacancy_id
                                          WHERE m.subscription_id = s.id AND m.email_pending AND NOT ${HELD}))
             <= now() - CASE s.frequency WHEN 'WEEKLY' THEN interval '7 days' ELSE interval '1 day' END)
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
                ${visibleAt('v', 's.institution_id')} AS visible, ${HELD} AS held
         FROM alert_match m JOIN vacancy v ON v.id = m.vacancy_id JOIN alert_subscription s ON s.id = m.subscription_id
         WHERE m.subscription_id = $1 AND m.email_pending ORDER BY m.matched_at, m.vacancy_id`,
        [subscriptionId],
      );
      // Emails turned off or the alert paused: nothing to send. Vacancies the subscriber's institution does not approve
      // now are not sent: held while they may come back (see HELD), dropped otherwise, as closed ones are.
      const on = sub.email && !sub.paused;
      const sendable = on ? pending.filter((p) => p.visible) : [];
      const { picked, left } = pickForEmail(sendable);
      await tx.query(
        `UPDATE alert_match SET email_pending = false, emailed_at = CASE WHEN vacancy_id = ANY($2::uuid[]) THEN now() END
         WHERE subscription_id = $1 AND vacancy_id = ANY($3::uuid[])`,
        [subscriptionId, picked.map((p) => p.vacancy_id), pending.filter((p) => !on || !p.held).map((p) => p.vacancy_id)],
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
