import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RemotePolicy, VacancyType } from '../vacancies/vacancy.model.js';
import type { AlertFrequency, AlertSubscriptionRow } from './alert-subscription.model.js';
import { SUBSCRIPTION_COLUMNS } from './alert-subscription.model.js';

/** What its owner sets of a subscription; `keywordQueries` and `keywordLexemes` are the keywords' (AlertSubscriptionRepository.keywordQueries). */
export interface SubscriptionFields {
  name: string;
  keywords: string[];
  keywordQueries: string[];
  keywordLexemes: string[];
  sector: string | null;
  location: string | null;
  remote: RemotePolicy[];
  types: VacancyType[];
  salaryMin: number | null;
  salaryCurrency: string | null;
  frequency: AlertFrequency;
  inApp: boolean;
  email: boolean;
  paused: boolean;
  webhookUrl: string | null;
  webhookSecret: string | null;
}

/** Each field's column, and the cast its parameter needs. */
const COLUMNS: Record<keyof SubscriptionFields, [string, string?]> = {
  name: ['name'],
  keywords: ['keywords'],
  keywordQueries: ['keyword_queries'],
  keywordLexemes: ['keyword_lexemes'],
  sector: ['sector'],
  location: ['location'],
  remote: ['remote', '::remote_policy[]'],
  types: ['types', '::vacancy_type[]'],
  salaryMin: ['salary_min'],
  salaryCurrency: ['salary_currency'],
  frequency: ['frequency'],
  inApp: ['in_app'],
  email: ['email'],
  paused: ['paused'],
  webhookUrl: ['webhook_url'],
  webhookSecret: ['webhook_secret'],
};

/**
 * The alert subscription aggregate's SQL, in the dialect of VacancyRepository (raw parameterised SQL through the
 * manager passed in). Rows come back as AlertSubscriptionRow; AlertsService maps them, with the public URL of feeds.
 */
@Injectable()
export class AlertSubscriptionRepository {
  /** Serialises one person's creations until the transaction ends. */
  async lockOwner(m: EntityManager, userId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('alert-subscriptions:' || $1))`, [userId]);
  }

  async countOf(m: EntityManager, userId: string): Promise<number> {
    const [{ n }]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM alert_subscription WHERE user_id = $1`, [userId]);
    return n;
  }

  async insert(
    m: EntityManager,
    s: Omit<SubscriptionFields, 'paused'> & { userId: string; institutionId: string; feedToken: string },
  ): Promise<AlertSubscriptionRow> {
    const [row]: AlertSubscriptionRow[] = await m.query(
      `INSERT INTO alert_subscription AS s (user_id, institution_id, name, keywords, keyword_lexemes, sector, location, remote, types,
          salary_min, salary_currency, frequency, in_app, email, feed_token, webhook_url, webhook_secret, keyword_queries)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::remote_policy[], $9::vacancy_type[], $10, $11, $12, $13, $14, $15, $16, $17, $18)
       RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [
        s.userId,
        s.institutionId,
        s.name,
        s.keywords,
        s.keywordLexemes,
        s.sector,
        s.location,
        s.remote,
        s.types,
        s.salaryMin,
        s.salaryCurrency,
        s.frequency,
        s.inApp,
        s.email,
        s.feedToken,
        s.webhookUrl,
        s.webhookSecret,
        s.keywordQueries,
      ],
    );
    return row;
  }

  /** Sets the fields given, in their order; `resetWebhookFailures` turns a disabled webhook back on. */
  async update(
    m: EntityManager,
    id: string,
    fields: Partial<SubscriptionFields>,
    { resetWebhookFailures = false } = {},
  ): Promise<AlertSubscriptionRow> {
    const sets: string[] = ['updated_at = now()'];
    const params: unknown[] = [id];
    for (const [field, value] of Object.entries(fields) as [keyof SubscriptionFields, unknown][]) {
      const [column, cast = ''] = COLUMNS[field];
      sets.push(`${column} = $${params.push(value)}${cast}`);
    }
    if (resetWebhookFailures) sets.push('webhook_failures = 0', 'webhook_disabled_at = NULL');
    const [[row]]: [AlertSubscriptionRow[]] = await m.query(
      `UPDATE alert_subscription s SET ${sets.join(', ')} WHERE id = $1 RETURNING ${SUBSCRIPTION_COLUMNS}`,
      params,
    );
    return row;
  }

  /** The owner's subscription, locked for update if `lock`. */
  async own(m: EntityManager, id: string, userId: string, lock: boolean): Promise<AlertSubscriptionRow | undefined> {
    const [row]: AlertSubscriptionRow[] = await m.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM alert_subscription s WHERE id = $1 AND user_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [id, userId],
    );
    return row;
  }

  /** The subscription whose feed address has this token. */
  async byFeedToken(m: EntityManager, token: string): Promise<{ id: string; name: string; institution_id: string } | undefined> {
    const [row]: { id: string; name: string; institution_id: string }[] = await m.query(
      `SELECT id, name, institution_id FROM alert_subscription WHERE feed_token = $1`,
      [token],
    );
    return row;
  }

  /** The subscription, locked for its email, unless another run holds it. */
  async lockForEmail(m: EntityManager, id: string): Promise<{ id: string; user_id: string; name: string; email: boolean; paused: boolean } | undefined> {
    const [row]: { id: string; user_id: string; name: string; email: boolean; paused: boolean }[] = await m.query(
      `SELECT id, user_id, name, email, paused FROM alert_subscription WHERE id = $1 FOR UPDATE SKIP LOCKED`,
      [id],
    );
    return row;
  }

  async setEmailed(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE alert_subscription SET last_emailed_at = now() WHERE id = $1`, [id]);
  }

  /** Whether the owner had it. */
  async delete(m: EntityManager, id: string, userId: string): Promise<boolean> {
    const [, deleted]: [unknown, number] = await m.query(`DELETE FROM alert_subscription WHERE id = $1 AND user_id = $2`, [id, userId]);
    return deleted > 0;
  }

  async setFeedToken(m: EntityManager, id: string, userId: string, token: string): Promise<AlertSubscriptionRow | undefined> {
    const [[row]]: [AlertSubscriptionRow[]] = await m.query(
      `UPDATE alert_subscription s SET feed_token = $3, updated_at = now() WHERE id = $1 AND user_id = $2 RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [id, userId, token],
    );
    return row;
  }

  /** Whether the owner had it. */
  async stopEmails(m: EntityManager, id: string, userId: string): Promise<boolean> {
    const [, n]: [unknown, number] = await m.query(`UPDATE alert_subscription SET email = false, updated_at = now() WHERE id = $1 AND user_id = $2`, [
      id,
      userId,
    ]);
    return n > 0;
  }

  /** A person's subscriptions, newest first, one more than `first`. */
  async ofOwner(m: EntityManager, userId: string, s: { after?: [createdAt: unknown, id: unknown]; first: number }): Promise<AlertSubscriptionRow[]> {
    const params: unknown[] = [userId];
    let where = 's.user_id = $1';
    if (s.after) where += ` AND (s.created_at, s.id) < ($${params.push(s.after[0])}::timestamptz, $${params.push(s.after[1])}::uuid)`;
    return m.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM alert_subscription s WHERE ${where} ORDER BY s.created_at DESC, s.id DESC LIMIT ${s.first + 1}`,
      params,
    );
  }

  /**
   * Each keyword's phrase query and lexemes, in the text search configuration of vacancies (accents folded, English
   * stems), in the keywords' order.
   */
  keywordQueries(m: EntityManager, terms: string[]): Promise<{ term: string; query: string; lexemes: string[] }[]> {
    return m.query(
      `SELECT term, phraseto_tsquery('careers', term)::text AS query, tsvector_to_array(to_tsvector('careers', term)) AS lexemes
       FROM unnest($1::text[]) WITH ORDINALITY AS k(term, n) ORDER BY n`,
      [terms],
    );
  }
}
