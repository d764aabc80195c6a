import type { Outbox } from '@careers/platform';
import type { EntityManager } from 'typeorm';
import type { LiveChatEvent } from '../events/live-chat-event.entity.js';

/**
 * Gives free places to the first waitlisted people, in order, and tells each.
 * Call it with the event row locked (SELECT … FOR UPDATE) in `tx`: the lock is
 * what keeps registered_count exact, and the count never passes capacity
 * (a CHECK in the table guards it too).
 */
export async function promoteWaitlisted(tx: EntityManager, outbox: Outbox, event: LiveChatEvent): Promise<string[]> {
  // (A SELECT around the UPDATE: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.)
  const promoted: { user_id: string }[] = await tx.query(
    `WITH next AS (
       SELECT id FROM live_chat_registration
       WHERE event_id = $1 AND status = 'WAITLISTED'
       ORDER BY position LIMIT GREATEST((SELECT capacity - registered_count FROM live_chat_event WHERE id = $1), 0)
     ), promoted AS (
       UPDATE live_chat_registration r SET status = 'REGISTERED', updated_at = now()
       FROM next WHERE r.id = next.id RETURNING r.user_id, r.position
     )
     SELECT user_id FROM promoted ORDER BY position`,
    [event.id],
  );
  if (promoted.length === 0) return [];
  await tx.query(`UPDATE live_chat_event SET registered_count = registered_count + $2 WHERE id = $1`, [event.id, promoted.length]);
  await outbox.append(
    tx,
    ...promoted.map((p) => ({
      type: 'live-chats.registration-promoted' as const,
      aggregateType: 'live-chat',
      aggregateId: event.id,
      payload: { eventId: event.id, title: event.title, startsAt: event.startsAt.toISOString(), userId: p.user_id },
    })),
  );
  return promoted.map((p) => p.user_id);
}
