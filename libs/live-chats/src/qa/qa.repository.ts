import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TranscriptItem } from './qa.service.js';

/**
 * The Q&A page's SQL that the entities' repositories cannot say (an insert
 * that changes nothing when repeated, a page's items in one statement).
 * Dialect: see rooms/room-messages.repository.ts.
 */
@Injectable()
export class QaRepository {
  /** Records a host's sign-off; signing off again changes nothing. */
  async signOff(m: EntityManager, eventId: string, hostId: string): Promise<void> {
    await m.query(`INSERT INTO live_chat_publication (event_id, signed_off_by_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [eventId, hostId]);
  }

  /** Copies the items onto the page, numbered in the order given. */
  async insertItems(tx: EntityManager, eventId: string, items: readonly TranscriptItem[]): Promise<void> {
    if (items.length === 0) return;
    await tx.query(
      `INSERT INTO live_chat_qa_item (event_id, position, question, answer, asked_by_id, answered_by_id)
       SELECT $1, i.position, i.question, i.answer, i.asked_by_id, i.answered_by_id
       FROM jsonb_to_recordset($2::jsonb) AS i(position int, question text, answer text, asked_by_id uuid, answered_by_id uuid)`,
      [eventId, JSON.stringify(items.map((c, n) => ({ position: n + 1, question: c.question, answer: c.answer, asked_by_id: c.askedById, answered_by_id: c.answeredById })))],
    );
  }

  /** The event's hosts, who hear of follow-up questions. */
  async hostIdsOf(m: EntityManager, eventId: string): Promise<string[]> {
    const hosts: { user_id: string }[] = await m.query(`SELECT user_id FROM live_chat_host WHERE event_id = $1`, [eventId]);
    return hosts.map((h) => h.user_id);
  }
}
