/** "a.ac.uk, b.ac.uk" or one per line → ["a.ac.uk", "b.ac.uk"]. */
export function parseDomains(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter(Boolean);
}

const LABELS = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/i;

/** The browser's first check (letters, digits, hyphens and dots; at most 20); the api checks each is a full domain name. */
export function domainsProblem(text: string): string | null {
  const domains = parseDomains(text);
  if (domains.length === 0) return 'Give at least one email domain, such as leeds.ac.uk.';
  if (domains.length > 20) return 'At most 20 email domains.';
  const bad = domains.find((d) => !LABELS.test(d) || d.length > 253);
  return bad ? `${bad} is not a domain name: letters, digits, hyphens and dots, such as leeds.ac.uk.` : null;
}
