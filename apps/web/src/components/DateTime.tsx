const formats = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A moment in the viewer's own time zone and language (Intl), as a machine-readable <time>. */
export function DateTime({ value, format = 'dateTime', timeZone }: { value: string | Date; format?: keyof typeof formats; timeZone?: string }) {
  const date = typeof value === 'string' ? new Date(value) : value;
  const text = new Intl.DateTimeFormat(undefined, { ...formats[format], timeZone }).format(date);
  return <time dateTime={date.toISOString()}>{text}</time>;
}
