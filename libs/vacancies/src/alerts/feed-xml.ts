import { escapeHtml } from '@careers/platform';

/**
 * Atom 1.0 (RFC 4287) and RSS 2.0 for alert feeds. Written here rather than
 * taken from a library: two fixed documents, and the `feed` package put plain
 * text in CDATA declared as HTML, and closed only the first `]]>` of a value.
 * No CDATA here: every value is entity-escaped for where it lands, so no text
 * can end an element or a section early.
 */
export interface FeedDocument {
  id: string;
  title: string;
  subtitle: string;
  /** The page of the alert (absolute). */
  link: string;
  atomUrl: string;
  rssUrl: string;
  updated: Date;
  entries: FeedEntry[];
}

export interface FeedEntry {
  id: string;
  /** Plain text. */
  title: string;
  /** The page of the vacancy (absolute). */
  link: string;
  updated: Date;
  /** Plain text. */
  summary: string;
  /** HTML that is already sanitised (the vacancy's descriptionHtml). */
  contentHtml: string;
}

const GENERATOR = 'careers-network';
const RIGHTS = 'Careers network';

// Characters XML 1.0 does not allow anywhere (most C0 controls, U+FFFE, U+FFFF, lone surrogates): one in a title would make the whole feed unreadable.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for XML character data and quoted attribute values. */
const escapeXml = (s: string) => s.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Plain text where the format says HTML (RSS descriptions): escaped as HTML, then as XML, so a reader shows the text as it is. */
const textAsHtml = (s: string) => escapeXml(escapeHtml(s.replace(NOT_XML, '')));

export function atomFeed(feed: FeedDocument): string {
  const entries = feed.entries.map(
    (e) => `
  <entry>
    <id>${escapeXml(e.id)}</id>
    <title type="text">${escapeXml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>
    <updated>${e.updated.toISOString()}</updated>
    <summary type="text">${escapeXml(e.summary)}</summary>
    <content type="html">${escapeXml(e.contentHtml)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(feed.id)}</id>
  <title type="text">${escapeXml(feed.title)}</title>
  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>
  <updated>${feed.updated.toISOString()}</updated>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.atomUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.link)}"/>
  <generator>${GENERATOR}</generator>
  <rights type="text">${RIGHTS}</rights>${entries.join('')}
</feed>
`;
}

/** RSS 2.0: titles and the channel's description are plain text (escaped once); an item's description is HTML. */
export function rssFeed(feed: FeedDocument): string {
  const items = feed.entries.map(
    (e) => `
    <item>
      <title>${escapeXml(e.title)}</title>
      <link>${escapeXml(e.link)}</link>
      <guid isPermaLink="false">${escapeXml(e.id)}</guid>
      <pubDate>${e.updated.toUTCString()}</pubDate>
      <description>${textAsHtml(e.summary)}</description>
      <content:encoded>${escapeXml(e.contentHtml)}</content:encoded>
    </item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(feed.link)}</link>
    <description>${escapeXml(feed.subtitle)}</description>
    <atom:link rel="self" type="application/rss+xml" href="${escapeXml(feed.rssUrl)}"/>
    <lastBuildDate>${feed.updated.toUTCString()}</lastBuildDate>
    <generator>${GENERATOR}</generator>
    <copyright>${RIGHTS}</copyright>${items.join('')}
  </channel>
</rss>
`;
}
