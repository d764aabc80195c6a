// A vacancy's dates as date inputs show them: a day in the viewer's time zone.

/** yyyy-mm-dd of a moment, in the viewer's time zone (what a date input shows). */
export function localDate(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The end of that day in the viewer's time zone, as an ISO instant: a vacancy closing "on" a date takes applications all day. */
export function endOfDay(date: string): string {
  return new Date(`${date}T23:59:00`).toISOString();
}
