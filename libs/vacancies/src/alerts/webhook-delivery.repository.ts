import type { EntityManager } from 'typeorm';
import { visibleAt } from '../vacancies/visibility.js';

/** A webhook delivery with its subscription's webhook and what the webhook sends of the match and its vacancy. */
export interface DeliveryRow {
  id: string;
  subscription_id: string;
  user_id: string;
  vacancy_id: string;
  delivered_at: Date | null;
  failed_at: Date | null;
  name: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  webhook_disabled_at: Date | null;
  reasons: string | null;
  visible: boolean;
  title: string;
  employer_name: string;
  location: string;
  remote: string;
  type: string;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  closes_at: Date;
}

/** The webhook delivery aggregate's SQL, in the dialect of VacancyRepository (raw parameterised SQL through the manager passed in). */
export class WebhookDeliveryRepository {
  /** A delivery of the vacancy for each of `subscriptionIds` with a working webhook, none twice; returns the new ones' ids. */
  async createFor(m: EntityManager, vacancyId: string, subscriptionIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO alert_webhook_delivery (subscription_id, user_id, vacancy_id)
       SELECT s.id, s.user_id, $1 FROM alert_subscription s
       WHERE s.id = ANY($2::uuid[]) AND s.webhook_url IS NOT NULL AND s.webhook_disabled_at IS NULL
       ON CONFLICT (subscription_id, vacancy_id) DO NOTHING RETURNING id`,
      [vacancyId, subscriptionIds],
    );
    return rows.map((r) => r.id);
  }

  async load(m: EntityManager, id: string): Promise<DeliveryRow | undefined> {
    const [d]: DeliveryRow[] = await m.query(
      `SELECT d.id, d.subscription_id, d.user_id, d.vacancy_id, d.delivered_at, d.failed_at, s.name, s.webhook_url, s.webhook_secret, s.webhook_disabled_at,
              m.reasons, ${visibleAt('v', 's.institution_id')} AS visible, v.title, v.employer_name, v.location, v.remote, v.type, v.salary_min, v.salary_max, v.salary_currency, v.closes_at
       FROM alert_webhook_delivery d JOIN alert_subscription s ON s.id = d.subscription_id JOIN vacancy v ON v.id = d.vacancy_id
       LEFT JOIN alert_match m ON m.user_id = d.user_id AND m.vacancy_id = d.vacancy_id
       WHERE d.id = $1`,
      [id],
    );
    return d;
  }

  /** Failed for good, with the reason its owner reads (or the last attempt's, kept). */
  async fail(m: EntityManager, id: string, reason?: string): Promise<void> {
    if (reason === undefined) await m.query(`UPDATE alert_webhook_delivery SET failed_at = now() WHERE id = $1`, [id]);
    else await m.query(`UPDATE alert_webhook_delivery SET failed_at = now(), last_error = $2 WHERE id = $1`, [id, reason]);
  }

  async countAttempt(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE alert_webhook_delivery SET attempts = attempts + 1 WHERE id = $1`, [id]);
  }

  async setLastError(m: EntityManager, id: string, message: string): Promise<void> {
    await m.query(`UPDATE alert_webhook_delivery SET last_error = $2 WHERE id = $1`, [id, message]);
  }

  /** Records the delivery on it, on its match (the staff figures) and on its webhook (no failures in a row now). */
  async delivered(m: EntityManager, d: DeliveryRow): Promise<void> {
    await m.query(`UPDATE alert_webhook_delivery SET delivered_at = now(), last_error = NULL WHERE id = $1`, [d.id]);
    await m.query(`UPDATE alert_match SET webhook_delivered_at = now() WHERE user_id = $1 AND vacancy_id = $2`, [d.user_id, d.vacancy_id]);
    await m.query(`UPDATE alert_subscription SET webhook_failures = 0 WHERE id = $1 AND webhook_url = $2`, [d.subscription_id, d.webhook_url]);
  }

  /**
   * One more failed delivery in a row for the delivery's webhook (unless its URL changed since), turning it off at
   * `disableAfter`. Undefined when the URL changed.
   */
  async countFailure(m: EntityManager, d: DeliveryRow, disableAfter: number): Promise<{ webhook_failures: number; disabled: boolean } | undefined> {
    const [[sub]]: [{ webhook_failures: number; disabled: boolean }[], number] = await m.query(
      `UPDATE alert_subscription SET webhook_failures = webhook_failures + 1,
              webhook_disabled_at = CASE WHEN webhook_failures + 1 >= $3 THEN coalesce(webhook_disabled_at, now()) END
       WHERE id = $1 AND webhook_url = $2
       RETURNING webhook_failures, (webhook_disabled_at IS NOT NULL) AS disabled`,
      [d.subscription_id, d.webhook_url, disableAfter],
    );
    return sub;
  }
}
