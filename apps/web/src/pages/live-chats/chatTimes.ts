/** The viewer's time zone, as the browser knows it (what `datetime-local` fields are in). */
export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO moment as a `datetime-local` value (YYYY-MM-DDTHH:mm) in the viewer's time zone. */
export function toLocalInput(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (the viewer's time zone) as an ISO moment; null when it is not a date. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Browser-side checks of a start and end, in the api's words (docs/live-chats.md): start in the future, end after it, at most 4 hours. */
export function startError(start: string): string | null {
  const s = fromLocalInput(start);
  if (!s) return null;
  return new Date(s).getTime() <= Date.now() ? 'The start must be in the future.' : null;
}

export function endError(start: string, end: string): string | null {
  const s = fromLocalInput(start);
  const e = fromLocalInput(end);
  if (!s || !e) return null;
  const length = new Date(e).getTime() - new Date(s).getTime();
  if (length <= 0) return 'The end must be after the start.';
  if (length > 4 * 3600_000) return 'A live chat lasts at most 4 hours: choose an earlier end.';
  return null;
}

/** "2027, 2028" as years; null when something in it is not a year. */
export function parseYears(text: string): number[] | null {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  if (!parts.every((p) => /^\d{4}$/.test(p))) return null;
  return [...new Set(parts.map(Number))];
}

/** "law, economics" as a list of subjects. */
export const parseList = (text: string) => [...new Set(text.split(',').map((p) => p.trim()).filter(Boolean))];
