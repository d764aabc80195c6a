import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { visibleAt } from '../vacancies/visibility.js';

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

/** The alert match aggregate's SQL, in the dialect of VacancyRepository (raw parameterised SQL through the manager passed in). */
@Injectable()
export class AlertMatchRepository {
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
}
