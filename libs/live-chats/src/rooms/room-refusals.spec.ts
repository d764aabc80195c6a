import { describe, expect, it } from '@jest/globals';
import { LiveChatStatus } from '../events/live-chat-event.entity.js';
import type { RoomError } from './room-error.js';
import { assertMayContribute, type RoomAccess, type RoomStanding } from './room-refusals.js';

// The one step-by-step refusal of the room, on a fixed clock: an event from 10:00 to 11:00.
const startsAt = new Date('2026-03-02T10:00:00Z');
const endsAt = new Date('2026-03-02T11:00:00Z');
const access = (role: RoomAccess['role']): RoomAccess => ({
  role,
  event: { id: 'e', title: 'Chat', organisationId: 'o', startsAt, endsAt, status: LiveChatStatus.APPROVED, capacity: 10 },
});
const free: RoomStanding = { removed: false, closedAt: null, mutedUntil: null };
const at = (time: string) => new Date(`2026-03-02T${time}Z`);

/** The refusal's code and message, or 'ok'. */
function refusal(a: RoomAccess, s: RoomStanding, what: 'message' | 'question', now: Date): string {
  try {
    assertMayContribute(a, s, what, now);
    return 'ok';
  } catch (error) {
    return `${(error as RoomError).code}: ${(error as RoomError).message}`;
  }
}

describe('assertMayContribute', () => {
  it('lets messages in from the start (hosts and staff 15 minutes earlier), questions at any time before the end', () => {
    expect(refusal(access('REGISTERED'), free, 'message', at('09:50:00'))).toMatch(/^ROOM_NOT_OPEN: The room opens at 2026-03-02T10:00:00.000Z\.$/);
    expect(refusal(access('HOST'), free, 'message', at('09:50:00'))).toBe('ok');
    expect(refusal(access('STAFF'), free, 'message', at('09:40:00'))).toMatch(/^ROOM_NOT_OPEN: .*09:45:00.000Z \(15 minutes before the start/);
    expect(refusal(access('REGISTERED'), free, 'question', at('08:00:00'))).toBe('ok');
    expect(refusal(access('REGISTERED'), free, 'message', at('10:00:00'))).toBe('ok');
  });

  it('refuses once the chat has ended or was closed, in words that fit what was tried', () => {
    expect(refusal(access('REGISTERED'), free, 'message', at('11:00:00'))).toBe('ROOM_CLOSED: This live chat has ended: the room is read-only.');
    expect(refusal(access('REGISTERED'), free, 'question', at('11:00:00'))).toBe('ROOM_CLOSED: This live chat has ended: questions are closed.');
    expect(refusal(access('HOST'), { ...free, closedAt: at('10:30:00') }, 'message', at('10:31:00'))).toBe('ROOM_CLOSED: This live chat has ended: the room is read-only.');
  });

  it('refuses the muted until their mute ends', () => {
    const muted = { ...free, mutedUntil: at('10:20:00') };
    expect(refusal(access('REGISTERED'), muted, 'message', at('10:10:00'))).toBe('MUTED: You are muted in this live chat until 2026-03-02T10:20:00.000Z.');
    expect(refusal(access('REGISTERED'), muted, 'question', at('10:10:00'))).toMatch(/^MUTED/);
    expect(refusal(access('REGISTERED'), muted, 'message', at('10:20:00'))).toBe('ok');
  });

  it('tells the removed they were removed before anything else that also holds', () => {
    const everything = { removed: true, closedAt: at('10:30:00'), mutedUntil: at('10:50:00') };
    expect(refusal(access('REGISTERED'), everything, 'message', at('10:40:00'))).toMatch(/^REMOVED: You were removed/);
    expect(refusal(access('REGISTERED'), everything, 'question', at('10:40:00'))).toMatch(/^REMOVED/);
    // ...except that a message before the opening hears that first, as it always has
    expect(refusal(access('REGISTERED'), everything, 'message', at('09:00:00'))).toMatch(/^ROOM_NOT_OPEN/);
    expect(refusal(access('REGISTERED'), { ...free, closedAt: at('10:30:00'), mutedUntil: at('10:50:00') }, 'message', at('10:40:00'))).toMatch(/^ROOM_CLOSED/);
  });
});
