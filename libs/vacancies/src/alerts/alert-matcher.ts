import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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

/** "Why this matched", from a row of MATCHING_SUBSCRIPTIONS named `m`. */
const REASONS = `coalesce(nullif(concat_ws('; ',
    CASE WHEN cardinality(m.hits) > 0 THEN 'keyword: ' || array_to_string(m.hits, ', ') END,
    CASE WHEN m.sector IS NOT NULL THEN 'sector: ' || m.sector END,
    CASE WHEN m.location IS NOT NULL THEN 'location: ' || m.location END,
    CASE WHEN cardinality(m.types) > 0 THEN 'type: ' || lower(replace(m.vacancy_type::text, '_', ' ')) END,
    CASE WHEN cardinality(m.remote) > 0 THEN 'remote: ' || lower(replace(m.vacancy_remote::text, '_', '-')) END,
    CASE WHEN m.salary_min IS NOT NULL THEN 'salary: up to ' || m.salary_max || ' ' || m.salary_currency END
  ), ''), 'every new vacancy')`;

export interface NewMatch {
  userId: string;
  subscriptionId: string;
  reasons: string;
  inApp: boolean;
}

@Injectable()
export class AlertMatcher {
  /**
   * Stores the vacancy's new matches: one per person (their oldest matching
   * subscription), never a second for a person it already reached, so an
   * edited and re-published vacancy alerts nobody twice. Returns the new ones.
   * Only the students of `institutionIds` that approve it now: an edit may
   * have sent it back to one since the event was written.
   */
  async match(tx: EntityManager, vacancyId: string, institutionIds: string[]): Promise<NewMatch[]> {
    // FOR SHARE: an edit that sends a target back to pending waits for this match, or this match sees it.
    const approved: { institution_id: string }[] = await tx.query(
      `SELECT institution_id FROM vacancy_target WHERE vacancy_id = $1 AND institution_id = ANY($2::uuid[]) AND decision = 'APPROVED' FOR SHARE`,
      [vacancyId, institutionIds],
    );
    if (approved.length === 0) return [];
    // At a million subscriptions the estimate passes jit_above_cost, and compiling took ~0.5 s: longer than the query.
    await tx.query(`SET LOCAL jit = off`);
    return tx.query(
      `WITH m AS (${MATCHING_SUBSCRIPTIONS})
       INSERT INTO alert_match (user_id, vacancy_id, subscription_id, organisation_key, reasons, in_app, email_pending)
       SELECT DISTINCT ON (m.user_id) m.user_id, $1, m.id, m.organisation_key, ${REASONS}, m.in_app, m.email
       FROM m
       ORDER BY m.user_id, m.created_at, m.id
       ON CONFLICT (user_id, vacancy_id) DO NOTHING
       RETURNING user_id AS "userId", subscription_id AS "subscriptionId", reasons, in_app AS "inApp"`,
      [vacancyId, approved.map((t) => t.institution_id)],
    );
  }

  /** Webhook deliveries for new matches whose subscription has a working webhook. */
  async webhookDeliveries(tx: EntityManager, vacancyId: string, subscriptionIds: string[]): Promise<string[]> {
    if (subscriptionIds.length === 0) return [];
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO alert_webhook_delivery (subscription_id, user_id, vacancy_id)
       SELECT s.id, s.user_id, $1 FROM alert_subscription s
       WHERE s.id = ANY($2::uuid[]) AND s.webhook_url IS NOT NULL AND s.webhook_disabled_at IS NULL
       ON CONFLICT (subscription_id, vacancy_id) DO NOTHING RETURNING id`,
      [vacancyId, subscriptionIds],
    );
    return rows.map((r) => r.id);
  }
}
