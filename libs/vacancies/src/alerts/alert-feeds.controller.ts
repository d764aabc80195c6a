import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, Public } from '@careers/platform';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { visibleAt } from '../vacancies/visibility.js';
import { atomFeed, type FeedDocument, rssFeed } from './feed-xml.js';

/** Entries in a feed: readers keep what they have seen, so the newest are enough. */
const FEED_ITEMS = 50;

interface FeedRow {
  id: string;
  name: string;
  institution_id: string;
}

interface ItemRow {
  vacancy_id: string;
  title: string;
  employer_name: string;
  location: string;
  description_html: string;
  reasons: string;
  matched_at: Date;
  closes_at: Date;
}

/**
 * A subscription's matches as Atom 1.0 or RSS 2.0, at a URL whose secret token
 * is the only credential (feed readers cannot sign in). Lists the newest
 * matches of vacancies its owner's institution may see now; reading it counts as the feed channel's
 * reach in the staff figures (a read since the match).
 */
@Controller('alerts/feeds')
export class AlertFeedsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get(':file')
  async feed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const found = /^([A-Za-z0-9_-]{20,64})\.(atom|rss)$/.exec(file);
    if (!found) throw new NotFoundException('No such feed: use the feed address of your alert.');
    const [, token, format] = found;
    const [sub]: FeedRow[] = await this.db.query(`SELECT id, name, institution_id FROM alert_subscription WHERE feed_token = $1`, [token]);
    if (!sub) throw new NotFoundException('No such feed: the address may have been regenerated; copy the new one from your alert.');
    // Only what the subscriber's institution approves now: a match made before an edit sent the vacancy back to
    // approval there (or before a rejection, or before the institution left the targets) would show unapproved text.
    // The figures count a read for every match older than feed_fetched_at. So a read moves it only when a match it
    // shows is newer: each read that counts is recorded, and a reader polling with nothing new writes nothing.
    // One statement, one snapshot.
    const items: ItemRow[] = await this.db.query(
      `WITH counted AS (
         UPDATE alert_subscription s SET feed_fetched_at = now()
         WHERE s.id = $1 AND EXISTS (
           SELECT 1 FROM alert_match m JOIN vacancy v ON v.id = m.vacancy_id
           WHERE m.subscription_id = s.id AND m.matched_at > coalesce(s.feed_fetched_at, '-infinity') AND ${visibleAt('v', '$2')})
       )
       SELECT m.vacancy_id, v.title, v.employer_name, v.location, v.description_html, m.reasons, m.matched_at, v.closes_at
       FROM alert_match m JOIN vacancy v ON v.id = m.vacancy_id
       WHERE m.subscription_id = $1 AND ${visibleAt('v', '$2')}
       ORDER BY m.matched_at DESC, m.vacancy_id DESC LIMIT ${FEED_ITEMS}`,
      [sub.id, sub.institution_id],
    );

    // Every link is absolute, from PUBLIC_URL: /vacancies/<id> and /alerts/<id> are pages of the web client.
    const base = this.config.PUBLIC_URL;
    const self = `${base}/alerts/feeds/${token}`;
    const feed: FeedDocument = {
      id: `urn:careers:alert:${sub.id}`,
      title: `Vacancy alert: ${sub.name}`,
      subtitle: `New vacancies matching your alert "${sub.name}"`,
      link: `${base}/alerts/${sub.id}`,
      atomUrl: `${self}.atom`,
      rssUrl: `${self}.rss`,
      updated: items[0] ? new Date(items[0].matched_at) : new Date(0),
      entries: items.map((i) => ({
        id: `urn:careers:vacancy:${i.vacancy_id}`,
        title: `${i.title} (${i.employer_name}, ${i.location})`,
        link: `${base}/vacancies/${i.vacancy_id}`,
        updated: new Date(i.matched_at),
        summary: `Why: ${i.reasons}. Closes ${new Date(i.closes_at).toISOString().slice(0, 10)}.`,
        contentHtml: i.description_html,
      })),
    };
    res
      .status(200)
      .type(format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8')
      .setHeader('cache-control', 'private, max-age=300')
      .send(format === 'atom' ? atomFeed(feed) : rssFeed(feed));
  }
}
