import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, Public } from '@careers/platform';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AlertMatchRepository } from './alert-match.repository.js';
import { AlertSubscriptionRepository } from './alert-subscription.repository.js';
import { atomFeed, type FeedDocument, rssFeed } from './feed-xml.js';

/** Entries in a feed: readers keep what they have seen, so the newest are enough. */
const FEED_ITEMS = 50;

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
    private readonly subscriptions: AlertSubscriptionRepository,
    private readonly matches: AlertMatchRepository,
  ) {}

  @Public()
  @Get(':file')
  async feed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const found = /^([A-Za-z0-9_-]{20,64})\.(atom|rss)$/.exec(file);
    if (!found) throw new NotFoundException('No such feed: use the feed address of your alert.');
    const [, token, format] = found;
    const sub = await this.subscriptions.byFeedToken(this.db.manager, token!);
    if (!sub) throw new NotFoundException('No such feed: the address may have been regenerated; copy the new one from your alert.');
    const items = await this.matches.readFeed(this.db.manager, sub.id, sub.institution_id, FEED_ITEMS);

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
