import type { Outbox } from '@careers/platform';
import type { EntityManager } from 'typeorm';
import type { LiveChatEvent } from '../events/live-chat-event.entity.js';
import { RegistrationsRepository } from './registrations.repository.js';

// Stateless; a module-level instance keeps this a function its two callers (registrations, event edits) share.
const registrations = new RegistrationsRepository();

/**
 * Gives free places to the first waitlisted people, in order, and tells each.
 * Call it with the event row locked (SELECT … FOR UPDATE) in `tx`: the lock is
 * what keeps registered_count exact, and the count never passes capacity
 * (a CHECK in the table guards it too).
 */
export async function promoteWaitlisted(tx: EntityManager, outbox: Outbox, event: LiveChatEvent): Promise<string[]> {
  const promoted = await registrations.promoteNext(tx, event.id);
  if (promoted.length === 0) return [];
  await registrations.countPlace(tx, event.id, promoted.length);
  await outbox.append(
    tx,
    ...promoted.map((userId) => ({
      type: 'live-chats.registration-promoted' as const,
      aggregateType: 'live-chat',
      aggregateId: event.id,
      payload: { eventId: event.id, title: event.title, startsAt: event.startsAt.toISOString(), userId },
    })),
  );
  return promoted;
}
