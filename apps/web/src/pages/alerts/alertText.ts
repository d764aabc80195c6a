import type { AlertFrequency, RemotePolicy, VacancyType } from '../../gql/graphql.js';
import { REMOTE_NAMES, TYPE_NAMES } from '../vacancies/labels.js';

export const FREQUENCY_NAMES: Record<AlertFrequency, string> = {
  INSTANT: 'As matches come',
  DAILY: 'Daily',
  WEEKLY: 'Weekly',
};

interface SearchLike {
  keywords: readonly string[];
  location?: string | null;
  sector?: string | null;
  types: readonly VacancyType[];
  remote: readonly RemotePolicy[];
  salaryMin?: number | null;
  salaryCurrency?: string | null;
}

/** The search an alert watches, in one line: "data, "machine learning" · Leeds · Internship · Remote · pays GBP 25,000+". */
export function searchText(a: SearchLike): string {
  const parts = [
    a.keywords.length ? a.keywords.map((k) => (k.includes(' ') ? `"${k}"` : k)).join(', ') : 'any words',
    a.location,
    a.sector,
    a.types.map((t) => TYPE_NAMES[t]).join(' or '),
    a.remote.map((r) => REMOTE_NAMES[r]).join(' or '),
    a.salaryMin != null ? `pays ${a.salaryCurrency ?? ''} ${a.salaryMin.toLocaleString()}+` : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** The channels an alert uses, in words ("in-app, email, feed"); the feed is always there. */
export function channelsText(a: { inApp: boolean; email: boolean; webhook?: { state: string } | null }): string {
  return [a.inApp && 'in-app', a.email && 'email', 'feed', a.webhook && (a.webhook.state === 'DISABLED' ? 'webhook (turned off)' : 'webhook')].filter(Boolean).join(', ');
}

/**
 * Keywords for a new alert from the vacancy search's words: each "quoted phrase" is one keyword, and the other
 * words together another (as a phrase), so "data analyst" watches for data analysts; `-excluded` words and `or` go.
 */
export function keywordsFromQuery(q: string | undefined): string[] {
  if (!q) return [];
  const phrases = [...q.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim()).filter(Boolean);
  const rest = q
    .replace(/"[^"]*"?/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !w.startsWith('-') && w.toLowerCase() !== 'or')
    .join(' ');
  return [...phrases, ...(rest ? [rest] : [])].slice(0, 20);
}

/** The keywords field's text ("data, machine learning") into the api's list. */
export function parseKeywords(text: string): string[] {
  return text
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
}
