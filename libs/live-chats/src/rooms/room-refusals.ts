import type { LiveChatRoomRole } from '@careers/contracts';
import type { LiveChatEventFacts } from '../access/live-chat-access.repository.js';
import { roomError } from './room-error.js';

/** Hosts and staff may enter this long before the start, to get ready. */
export const EARLY_ENTRY_MS = 15 * 60_000;

export interface RoomAccess {
  role: LiveChatRoomRole;
  event: LiveChatEventFacts;
}

/** Where the caller stands in the room: what the moderators decided about them and the room. */
export interface RoomStanding {
  removed: boolean;
  closedAt: Date | null;
  mutedUntil: Date | null;
}

/** What the caller is trying to add: a message needs the room open, a question can come before the start. */
export type Contribution = 'message' | 'question';

export const opensAt = (a: RoomAccess): Date => (a.role === 'REGISTERED' ? a.event.startsAt : new Date(a.event.startsAt.getTime() - EARLY_ENTRY_MS));

export function assertOpen(a: RoomAccess, now = new Date()): void {
  const at = opensAt(a);
  if (now < at) {
    throw roomError('ROOM_NOT_OPEN', `The room opens at ${at.toISOString()}${a.role === 'REGISTERED' ? '' : ' (15 minutes before the start for hosts and staff)'}.`, {
      opensAt: at.toISOString(),
    });
  }
}

/** A removed person may not even read the room. */
export function assertNotRemoved(s: Pick<RoomStanding, 'removed'>): void {
  if (s.removed) throw roomError('REMOVED', 'You were removed from this live chat by its hosts or careers staff.');
}

/**
 * The room's refusals of a contribution, step by step and in the order the
 * caller is told them: not open yet (messages only), removed, closed or
 * ended, muted. The one-statement send path (RoomMessagesRepository.
 * insertChecked) decides the same rules in SQL; when it stores nothing, this
 * says why. Slow mode is the send path's own (it needs Redis).
 */
export function assertMayContribute(a: RoomAccess, s: RoomStanding, what: Contribution, now = new Date()): void {
  if (what === 'message') assertOpen(a, now);
  assertNotRemoved(s);
  if (s.closedAt || now.getTime() >= a.event.endsAt.getTime()) {
    throw roomError('ROOM_CLOSED', `This live chat has ended: ${what === 'message' ? 'the room is read-only' : 'questions are closed'}.`);
  }
  if (s.mutedUntil && s.mutedUntil.getTime() > now.getTime()) {
    throw roomError('MUTED', `You are muted in this live chat until ${s.mutedUntil.toISOString()}.`, { until: s.mutedUntil.toISOString() });
  }
}
