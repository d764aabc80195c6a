import { describe, expect, it } from '@jest/globals';
import { isTimeZone, quietUntil } from './quiet-hours.js';

describe('quiet hours', () => {
  const at = new Date('2026-06-15T21:30:00Z'); // 22:30 in London (BST), 06:30 next day in Tokyo

  it('holds until the end of a window that crosses midnight, in the person’s time zone', () => {
    expect(quietUntil(at, { timeZone: 'Europe/London', quietStart: 22 * 60, quietEnd: 7 * 60 })?.toISOString()).toBe('2026-06-16T06:00:00.000Z');
    expect(quietUntil(at, { timeZone: 'Asia/Tokyo', quietStart: 22 * 60, quietEnd: 7 * 60 })?.toISOString()).toBe('2026-06-15T22:00:00.000Z');
  });

  it('does not hold outside the window, or without one', () => {
    expect(quietUntil(at, { timeZone: 'UTC', quietStart: 22 * 60, quietEnd: 7 * 60 })).toBeNull();
    expect(quietUntil(at, { timeZone: 'Europe/London', quietStart: 9 * 60, quietEnd: 17 * 60 })).toBeNull();
    expect(quietUntil(at, { timeZone: 'Europe/London', quietStart: null, quietEnd: null })).toBeNull();
  });

  it('knows a time zone from a typo', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Europe/Londres')).toBe(false);
  });
});
