import type { RemotePolicy, VacancyType } from '../../gql/graphql.js';

/** How each vacancy type and remote policy reads on a page (the api's enums, in words). */
export const TYPE_NAMES: Record<VacancyType, string> = {
  GRADUATE_JOB: 'Graduate job',
  INTERNSHIP: 'Internship',
  PART_TIME: 'Part-time',
  PLACEMENT: 'Placement',
  VOLUNTEERING: 'Volunteering',
};

export const REMOTE_NAMES: Record<RemotePolicy, string> = { ON_SITE: 'On site', HYBRID: 'Hybrid', REMOTE: 'Remote' };

/** A salary as one line: "GBP 25,000–30,000", "from GBP 25,000", "up to GBP 30,000". */
export function salaryText(s: { currency: string; min?: number | null; max?: number | null } | null | undefined): string | null {
  if (!s) return null;
  const n = (v: number) => v.toLocaleString();
  if (s.min != null && s.max != null) return `${s.currency} ${n(s.min)}–${n(s.max)}`;
  if (s.min != null) return `from ${s.currency} ${n(s.min)}`;
  if (s.max != null) return `up to ${s.currency} ${n(s.max)}`;
  return null;
}
