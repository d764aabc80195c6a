import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The institutions' decisions on an event (`live_chat_audience`), for the
 * parts that act on one institution's approval: registration and publishing
 * the Q&A page. Dialect: see rooms/room-messages.repository.ts.
 */
@Injectable()
export class LiveChatAudienceRepository {
  /** Whether `institutionId` approved the event. */
  async approvedBy(m: EntityManager, eventId: string, institutionId: string | null): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM live_chat_audience WHERE event_id = $1 AND institution_id = $2 AND status = 'APPROVED'`, [eventId, institutionId]);
    return rows.length > 0;
  }
}
