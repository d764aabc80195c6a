import { Injectable } from '@nestjs/common';
import { ApprovalDecision, type StaffDecisionMade } from '@careers/contracts';
import type { EntityManager } from 'typeorm';
import { LiveChatAudience } from './live-chat-event.entity.js';

/**
 * The institutions' decisions on an event (`live_chat_audience`, one row per
 * event and institution), for the parts that act on one institution's
 * decision: asking it, deciding, registration and publishing the Q&A page
 * (all of an event's decisions together are live-chat-event.repository.ts').
 * Dialect (CONTRIBUTING, "Repositories hold the SQL"): what hands back the
 * `LiveChatAudience` entity GraphQL serves, or writes one by key, goes through
 * the caller's EntityManager's entity calls; flags are parameterised SQL.
 */
@Injectable()
export class LiveChatAudienceRepository {
  /** Puts the new event `eventId` to each of `institutionIds`, pending their staff's decision. */
  async ask(tx: EntityManager, eventId: string, institutionIds: readonly string[]): Promise<void> {
    await tx.insert(
      LiveChatAudience,
      institutionIds.map((institutionId) => ({ eventId, institutionId, status: ApprovalDecision.PENDING })),
    );
  }

  /** The institution's decision on the event, or null when the event was not put to it. */
  find(m: EntityManager, eventId: string, institutionId: string): Promise<LiveChatAudience | null> {
    return m.findOneBy(LiveChatAudience, { eventId, institutionId });
  }

  /** The institution's decision on the event; throws TypeORM's EntityNotFoundError when the event was not put to it. */
  get(m: EntityManager, eventId: string, institutionId: string): Promise<LiveChatAudience> {
    return m.findOneByOrFail(LiveChatAudience, { eventId, institutionId });
  }

  /** Stores the institution's decision on the event, made now. */
  async decide(tx: EntityManager, eventId: string, institutionId: string, decision: StaffDecisionMade): Promise<void> {
    await tx.update(LiveChatAudience, { eventId, institutionId }, { ...decision, decidedAt: new Date() });
  }

  /** Whether `institutionId` approved the event. */
  async approvedBy(m: EntityManager, eventId: string, institutionId: string | null): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM live_chat_audience WHERE event_id = $1 AND institution_id = $2 AND status = 'APPROVED'`, [eventId, institutionId]);
    return rows.length > 0;
  }
}
