import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { escapeText, fold, icsCalendar } from './ics.js';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('iCalendar output', () => {
  const event = {
    id: '9b2f8a9e-0000-4000-8000-000000000001',
    title: 'Law, finance; and \\ more',
    description: `Line one\nLine two, with ümlauts and emoji 🎓 ${'long words '.repeat(20)}`,
    startsAt: new Date('2026-12-01T14:00:00.000Z'),
    endsAt: new Date('2026-12-01T15:30:00.000Z'),
    sequence: 2,
    cancelled: true,
    updatedAt: new Date('2026-11-22T10:00:00.000Z'),
    url: 'https://careers.example/live-chats/9b2f8a9e-0000-4000-8000-000000000001',
    organiser: 'Acme LLP',
  };
  const text = icsCalendar([event], { name: 'My live chats', host: 'careers.example', now: new Date('2026-11-22T12:00:00.000Z') });

  it('uses CRLF line ends and lines of at most 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.every((l) => !l.includes('\n') && !l.includes('\r'))).toBe(true);
    expect(Math.max(...lines.map(octets))).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // the description was folded
  });

  it('parses with ical.js into the same values', () => {
    const vcalendar = new ICAL.Component(ICAL.parse(text));
    const vevents = vcalendar.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    const vevent = new ICAL.Event(vevents[0]!);
    expect(vevent.uid).toBe(`live-chat-${event.id}@careers.example`);
    expect(vevent.summary).toBe(event.title);
    expect(vevent.description).toBe(`Acme LLP: ${event.description}`);
    expect(vevent.sequence).toBe(2);
    expect(vevent.startDate.toJSDate().toISOString()).toBe(event.startsAt.toISOString());
    expect(vevent.endDate.toJSDate().toISOString()).toBe(event.endsAt.toISOString());
    expect(vevent.startDate.zone?.tzid).toBe('UTC');
    expect(vevents[0]!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevents[0]!.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-22T12:00:00Z');
    expect(vcalendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(vcalendar.getFirstPropertyValue('prodid')).toBeTruthy();
  });

  it('never splits a UTF-8 character when folding', () => {
    const folded = fold(`DESCRIPTION:${'é🎓'.repeat(40)}`);
    const unfolded = folded.replace(/\r\n /g, '');
    expect(unfolded).toBe(`DESCRIPTION:${'é🎓'.repeat(40)}`);
    expect(folded.split('\r\n').every((l) => octets(l) <= 75 && !l.includes('\uFFFD'))).toBe(true);
  });

  it('escapes TEXT special characters and drops control characters', () => {
    expect(escapeText('a,b;c\\d\r\ne\u0007')).toBe('a\\,b\\;c\\\\d\\ne');
  });
});
