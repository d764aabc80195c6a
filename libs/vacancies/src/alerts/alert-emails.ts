import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, escapeHtml, Outbox, unsubscribeToken } from '@careers/platform';
import { DataSource } from 'typeorm';
import { AlertMatchRepository, type EmailItemRow } from './alert-match.repository.js';
import { AlertSubscriptionRepository } from './alert-subscription.repository.js';

/** At most this many vacancies in one alert email, and this many from one employer. */
export const EMAIL_MAX_ITEMS = 10;
export const EMAIL_MAX_PER_EMPLOYER = 2;

/** The unsubscribe token's kind for one subscription's emails (notifications' tokens carry notification kinds). */
export const alertUnsubscribeKind = (subscriptionId: string) => `alert-subscription:${subscriptionId}`;

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
 * (AlertMatchRepository's HELD). What one email cannot carry (past the caps) is counted in a line
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

  // Repositories hold no state (each call takes its manager), so they are built here, not injected: tests and the
  // benchmarks build AlertEmails by hand, as they build AlertMatcher.
  private readonly matches = new AlertMatchRepository();
  private readonly subscriptions = new AlertSubscriptionRepository();

  async composeDue(): Promise<number> {
    // Subscriptions whose only waiting matches are held are not due: they would send nothing, and take the places of others.
    const due = await this.matches.dueForEmail(this.db.manager);
    let sent = 0;
    for (const id of due) if (await this.composeFor(id)) sent++;
    return sent;
  }

  private composeFor(subscriptionId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const sub = await this.subscriptions.lockForEmail(tx, subscriptionId);
      if (!sub) return false;
      const pending = await this.matches.waitingForEmail(tx, subscriptionId);
      // Emails turned off or the alert paused: nothing to send. Vacancies the subscriber's institution does not approve
      // now are not sent: held while they may come back (AlertMatchRepository's HELD), dropped otherwise, as closed ones are.
      const on = sub.email && !sub.paused;
      const sendable = on ? pending.filter((p) => p.visible) : [];
      const { picked, left } = pickForEmail(sendable);
      await this.matches.settleEmail(
        tx,
        subscriptionId,
        picked.map((p) => p.vacancy_id),
        pending.filter((p) => !on || !p.held).map((p) => p.vacancy_id),
      );
      if (picked.length === 0) return false; // no empty emails
      await this.subscriptions.setEmailed(tx, subscriptionId);
      await this.outbox.append(tx, {
        type: 'vacancies.alert-email-composed',
        aggregateType: 'alert-subscription',
        aggregateId: subscriptionId,
        payload: { userId: sub.user_id, subscriptionId, ...this.render(sub, picked, left.length) },
      });
      return true;
    });
  }

  private render(sub: { id: string; user_id: string; name: string }, items: EmailItemRow[], more: number) {
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
