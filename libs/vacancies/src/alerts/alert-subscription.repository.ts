import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RemotePolicy, VacancyType } from '../vacancies/vacancy.model.js';
import type { AlertFrequency, AlertSubscriptionRow } from './alert-subscription.model.js';
import { SUBSCRIPTION_COLUMNS } from './alert-subscription.model.js';
import { matchesFilter } from '../vacancies/visibility.js';

/** A subscription `s`'s filter: the one vacancy search applies (matchesFilter), each part unset or passed. */
const SUBSCRIPTION_FILTER = matchesFilter(
  'v',
  { sectorKey: 's.sector_key', locationKey: 's.location_key', remote: 's.remote', types: 's.types', salaryMin: 's.salary_min', salaryCurrency: 's.salary_currency' },
  { orUnset: true },
);

/**
 * The subscriptions a published vacancy matches ($1: vacancy id, $2: the
 * institutions whose students may see it), each with the keywords it matched
 * on. Candidates come from indexes only: subscriptions with keywords through
 * the GIN index on their keyword keys (their institution, sector, location and
 * a keyword's first two lexemes, or its only one), looked up once per scope
 * of the vacancy (each of its institutions × its sector or none × each of its
 * locations or none) with the keys of its lexemes and pairs of nearby lexemes
 * (see migration AlertKeywordKeys1763770400000),
 * those without through the partial index on their institution and sector.
 * The exact test (phrases, filters) then runs on those candidates alone, on a
 * detoasted copy of the vacancy's tsvector (`search || ''`), read once per
 * candidate.
 */
export const MATCHING_SUBSCRIPTIONS = `
  SELECT * FROM (
  WITH v AS (
    SELECT id, search || ''::tsvector AS search, alert_vacancy_words(search) AS words, sector_key, location_keys, remote, type, salary_max, salary_currency,
           coalesce(organisation_id::text, careers_fold(employer_name)) AS organisation_key
    FROM vacancy WHERE id = $1 AND status = 'PUBLISHED'
  ),
  scopes AS MATERIALIZED (
    SELECT alert_scoped_keys(x.institution, x.sector, x.location, v.words) AS keys
    FROM v, (SELECT DISTINCT i AS institution, sc AS sector, l AS location
             FROM v, unnest($2::uuid[]) AS i, unnest(ARRAY['', v.sector_key]) AS sc, unnest('{""}' || v.location_keys) AS l) AS x
  ),
  candidates AS (
    -- One index lookup per scope (OFFSET 0 keeps the planner from joining the whole table to the scopes instead).
    SELECT s.* FROM scopes CROSS JOIN LATERAL (SELECT * FROM alert_subscription s WHERE NOT s.paused AND s.keyword_keys && scopes.keys OFFSET 0) AS s
    UNION ALL
    SELECT s.* FROM alert_subscription s, v
    WHERE NOT s.paused AND s.keyword_lexemes = '{}' AND (s.sector_key = v.sector_key OR s.sector_key IS NULL)
  )
  SELECT s.id, s.user_id, s.created_at, s.in_app, s.email, cardinality(s.keywords) AS keyword_count, s.sector, s.location, s.types, s.remote, s.salary_min,
         v.type AS vacancy_type, v.remote AS vacancy_remote, v.salary_max, v.salary_currency, v.organisation_key,
         array(SELECT k.term FROM unnest(s.keywords, s.keyword_queries) AS k(term, query) WHERE v.search @@ k.query::tsquery) AS hits
  FROM candidates s, v
  WHERE s.institution_id = ANY($2::uuid[])
    AND ${SUBSCRIPTION_FILTER.join('\n    AND ')}
  ) found WHERE found.keyword_count = 0 OR cardinality(found.hits) > 0`;

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
