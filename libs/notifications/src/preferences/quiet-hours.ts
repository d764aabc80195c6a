/** Minutes since local midnight in `timeZone` at `at`. */
export function localMinute(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/**
 * When quiet hours [start, end) (local minutes, possibly across midnight)
 * end, if `at` falls inside them; null otherwise. Counted in minutes from
 * `at`, so a DST change inside the window shifts the end by its hour.
 */
export function quietUntil(at: Date, settings: { timeZone: string; quietStart: number | null; quietEnd: number | null }): Date | null {
  const { quietStart: start, quietEnd: end } = settings;
  if (start === null || end === null || start === end) return null;
  const now = localMinute(at, settings.timeZone);
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  const minutes = (end - now + 1440) % 1440;
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000 + minutes * 60_000);
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
