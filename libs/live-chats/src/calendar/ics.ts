/**
 * iCalendar (RFC 5545) for live chats: CRLF line ends, lines folded at 75
 * octets without splitting a UTF-8 character, TEXT values escaped, times in
 * UTC. Written here rather than taken from a library: it is one content type
 * with a handful of properties, and tests parse the output with ical.js.
 */
export interface IcsEvent {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  /** Goes up on each reschedule and on cancelling, so calendars take the newer version. */
  sequence: number;
  cancelled: boolean;
  updatedAt: Date;
  url: string;
  organiser?: string | null;
}

const CRLF = '\r\n';
const encoder = new TextEncoder();

/** 20261122T140000Z */
export const icsTime = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export const escapeText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // Other control characters are not allowed in TEXT.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

/** Folds a content line into lines of at most 75 octets; continuation lines start with a space (RFC 5545 3.1). */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // a continuation line's leading space counts
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

/** A whole calendar: one VEVENT per event. `host` makes UIDs globally unique. */
export function icsCalendar(events: IcsEvent[], opts: { name: string; host: string; now?: Date }): string {
  const now = icsTime(opts.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Careers network//Live chats//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.name)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:live-chat-${e.id}@${opts.host}`,
      `DTSTAMP:${now}`,
      `LAST-MODIFIED:${icsTime(e.updatedAt)}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTART:${icsTime(e.startsAt)}`,
      `DTEND:${icsTime(e.endsAt)}`,
      `SUMMARY:${escapeText(e.title)}`,
      `DESCRIPTION:${escapeText(e.organiser ? `${e.organiser}: ${e.description}` : e.description)}`,
      `URL:${e.url}`,
      `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}
