import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { VACANCY_COLUMNS, type VacancyRow } from '../vacancies/vacancy.repository.js';
import { visibleAt } from '../vacancies/visibility.js';
import { MATCHING_SUBSCRIPTIONS } from './alert-subscription.repository.js';

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

/** A match in a subscription's feed, with what the feed shows of its vacancy. */
export interface FeedItemRow {
  vacancy_id: string;
  title: string;
  employer_name: string;
  location: string;
  description_html: string;
  reasons: string;
  matched_at: Date;
  closes_at: Date;
}

/** One of a person's matches with its vacancy's columns (VACANCY_COLUMNS) and the alert it came through. */
export interface PersonMatchRow extends VacancyRow {
  subscription_id: string;
  subscription_name: string;
  reasons: string;
  matched_at: Date;
}

/** A match waiting for its email, with what the email shows of its vacancy, and whether it may be sent now or later. */
export interface EmailItemRow {
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

/** The alert match aggregate's SQL, in the dialect of VacancyRepository (raw parameterised SQL through the manager passed in). */
@Injectable()
export class AlertMatchRepository {
  /**
   * Stores the vacancy's new matches among the subscriptions of `institutionIds`' students: one per person (their
   * oldest matching subscription), none for a person with a match of this vacancy already. Returns the new ones.
   */
  async insertNew(m: EntityManager, vacancyId: string, institutionIds: string[]): Promise<NewMatch[]> {
    // At a million subscriptions the estimate passes jit_above_cost, and compiling took ~0.5 s: longer than the query.
    await m.query(`SET LOCAL jit = off`);
    return m.query(
      `WITH m AS (${MATCHING_SUBSCRIPTIONS})
       INSERT INTO alert_match (user_id, vacancy_id, subscription_id, organisation_key, reasons, in_app, email_pending)
       SELECT DISTINCT ON (m.user_id) m.user_id, $1, m.id, m.organisation_key, ${REASONS}, m.in_app, m.email
       FROM m
       ORDER BY m.user_id, m.created_at, m.id
       ON CONFLICT (user_id, vacancy_id) DO NOTHING
       RETURNING user_id AS "userId", subscription_id AS "subscriptionId", reasons, in_app AS "inApp"`,
      [vacancyId, institutionIds],
    );
  }

  /**
   * The subscription's newest `limit` matches of vacancies its institution may see now, recording the read. Only
   * what the subscriber's institution approves now: a match made before an edit sent the vacancy back to approval
   * there (or before a rejection, or before the institution left the targets) would show unapproved text. The
   * figures count a read for every match older than feed_fetched_at. So a read moves it only when a match it shows
   * is newer: each read that counts is recorded, and a reader polling with nothing new writes nothing. One
   * statement, one snapshot.
   */
  readFeed(m: EntityManager, subscriptionId: string, institutionId: string, limit: number): Promise<FeedItemRow[]> {
    return m.query(
      `WITH counted AS (
         UPDATE alert_subscription s SET feed_fetched_at = now()
         WHERE s.id = $1 AND EXISTS (
           SELECT 1 FROM alert_match m JOIN vacancy v ON v.id = m.vacancy_id
           WHERE m.subscription_id = s.id AND m.matched_at > coalesce(s.feed_fetched_at, '-infinity') AND ${visibleAt('v', '$2')})
       )
       SELECT m.vacancy_id, v.title, v.employer_name, v.location, v.description_html, m.reasons, m.matched_at, v.closes_at
       FROM alert_match m JOIN vacancy v ON v.id = m.vacancy_id
       WHERE m.subscription_id = $1 AND ${visibleAt('v', '$2')}
       ORDER BY m.matched_at DESC, m.vacancy_id DESC LIMIT ${limit}`,
      [subscriptionId, institutionId],
    );
  }

  /**
   * A person's matches of vacancies their institution approves now (the same test as search and the feeds), newest
   * first, one more than `first`.
   */
  ofPerson(
    m: EntityManager,
    userId: string,
    institutionId: string,
    s: { after?: [matchedAt: unknown, vacancyId: unknown]; first: number; subscriptionId?: string },
  ): Promise<PersonMatchRow[]> {
    const params: unknown[] = [userId, institutionId];
    let where = 'm.user_id = $1';
    if (s.subscriptionId) where += ` AND m.subscription_id = $${params.push(s.subscriptionId)}::uuid`;
    if (s.after) where += ` AND (m.matched_at, m.vacancy_id) < ($${params.push(s.after[0])}::timestamptz, $${params.push(s.after[1])}::uuid)`;
    return m.query(
      `SELECT ${VACANCY_COLUMNS}, m.subscription_id, s.name AS subscription_name, m.reasons, m.matched_at
       FROM alert_match m JOIN vacancy v ON v.id = m.vacancy_id JOIN alert_subscription s ON s.id = m.subscription_id
       WHERE ${where} AND ${visibleAt('v', '$2')}
       ORDER BY m.matched_at DESC, m.vacancy_id DESC LIMIT ${s.first + 1}`,
      params,
    );
  }

  /** Subscriptions with waiting matches whose email is due (see AlertEmails). */
  async dueForEmail(m: EntityManager): Promise<string[]> {
    // Subscriptions whose only waiting matches are held are not due: they would send nothing, and take the places of others.
    const due: { id: string }[] = await m.query(
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
    return due.map((d) => d.id);
  }

  /** The subscription's matches waiting for an email, in match order. */
  waitingForEmail(m: EntityManager, subscriptionId: string): Promise<EmailItemRow[]> {
    return m.query(
      `SELECT m.vacancy_id, m.reasons, m.organisation_key, v.title, v.employer_name, v.location, v.closes_at,
              ${visibleAt('v', 's.institution_id')} AS visible, ${HELD} AS held
       FROM alert_match m JOIN vacancy v ON v.id = m.vacancy_id JOIN alert_subscription s ON s.id = m.subscription_id
       WHERE m.subscription_id = $1 AND m.email_pending ORDER BY m.matched_at, m.vacancy_id`,
      [subscriptionId],
    );
  }

  /** The matches of `settled` wait no more; those of `emailed` among them were emailed now. */
  async settleEmail(m: EntityManager, subscriptionId: string, emailed: string[], settled: string[]): Promise<void> {
    await m.query(
      `UPDATE alert_match SET email_pending = false, emailed_at = CASE WHEN vacancy_id = ANY($2::uuid[]) THEN now() END
       WHERE subscription_id = $1 AND vacancy_id = ANY($3::uuid[])`,
      [subscriptionId, emailed, settled],
    );
  }
}
