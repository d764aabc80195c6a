import { Injectable } from '@nestjs/common';
import type { Principal } from '@careers/contracts';
import type { EntityManager } from 'typeorm';
import { LiveChatEvent } from '../events/live-chat-event.entity.js';
import { visibleTo } from '../events/visibility.js';
import { LiveChatFollowUp, LiveChatPublication, LiveChatQaItem } from './qa.entity.js';
import type { TranscriptItem } from './qa.service.js';

/**
 * The Q&A page's reads and writes (publication, items, follow-ups), through
 * the EntityManager the service passes (CONTRIBUTING, "Repositories hold the
 * SQL"): what returns an entity GraphQL serves, or changes one by key, goes
 * through that manager's entity calls (the query builder for pages and the
 * search); inserts that change nothing when repeated and a page's items in
 * one statement are parameterised SQL. The event itself (its lock, its
 * hosts) is live-chat-event.repository.ts'.
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

  /** The event's publication (signed off, maybe published), or null. */
  publication(m: EntityManager, eventId: string): Promise<LiveChatPublication | null> {
    return m.getRepository(LiveChatPublication).findOneBy({ eventId });
  }

  /** The event's publication; throws TypeORM's EntityNotFoundError when there is none. */
  getPublication(m: EntityManager, eventId: string): Promise<LiveChatPublication> {
    return m.getRepository(LiveChatPublication).findOneByOrFail({ eventId });
  }

  /** Marks the event's page published by `publisherId`, now. */
  async markPublished(tx: EntityManager, eventId: string, publisherId: string): Promise<void> {
    await tx.getRepository(LiveChatPublication).update({ eventId }, { publishedById: publisherId, publishedAt: new Date() });
  }

  /** At most `limit` of the page's items in page order, after position `afterPosition`. */
  items(m: EntityManager, eventId: string, limit: number, afterPosition?: number): Promise<LiveChatQaItem[]> {
    const qb = m
      .getRepository(LiveChatQaItem)
      .createQueryBuilder('q')
      .where('q.event_id = :eventId', { eventId })
      .orderBy('q.position')
      .take(limit);
    if (afterPosition !== undefined) qb.andWhere('q.position > :position', { position: afterPosition });
    return qb.getMany();
  }

  /** At most `limit` of the event's follow-ups, oldest first (created_at, then id), from after (createdAt, id). */
  followUps(m: EntityManager, eventId: string, limit: number, after?: [createdAt: unknown, id: string]): Promise<LiveChatFollowUp[]> {
    const qb = m
      .getRepository(LiveChatFollowUp)
      .createQueryBuilder('f')
      .where('f.event_id = :eventId', { eventId })
      .orderBy('f.created_at')
      .addOrderBy('f.id')
      .take(limit);
    if (after) {
      const [createdAt, id] = after;
      qb.andWhere('(f.created_at, f.id) > (:createdAt, :id)', { createdAt, id });
    }
    return qb.getMany();
  }

  /**
   * At most `limit` items of published pages of events `viewer` may see that
   * match `query`: whole words by full text or parts of words by trigrams (or
   * as a substring, where `%`, `_` and `\` match themselves); by score (rank plus word similarity), then id,
   * descending, from after (score, id). Each item carries its score.
   */
  async search(
    m: EntityManager,
    viewer: Principal,
    query: string,
    limit: number,
    after?: [score: number, id: string],
  ): Promise<(LiveChatQaItem & { score: number })[]> {
    const { sql, params } = visibleTo(viewer);
    const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const score = `(ts_rank(q.search, websearch_to_tsquery('english', :q))::float8 + word_similarity(:q, q.search_text)::float8)`;
    const qb = m
      .getRepository(LiveChatQaItem)
      .createQueryBuilder('q')
      .innerJoin(LiveChatPublication, 'p', 'p.event_id = q.event_id AND p.published_at IS NOT NULL')
      .innerJoin(LiveChatEvent, 'e', 'e.id = q.event_id')
      .addSelect(score, 'score')
      .where(`(q.search @@ websearch_to_tsquery('english', :q) OR q.search_text ILIKE :like)`, { q: query, like })
      .andWhere(sql, params)
      .orderBy('score', 'DESC')
      .addOrderBy('q.id', 'DESC')
      .limit(limit);
    if (after) {
      const [s, id] = after;
      qb.andWhere(`(${score}, q.id) < (CAST(:s AS float8), CAST(:id AS uuid))`, { s, id });
    }
    const { entities, raw } = await qb.getRawAndEntities<{ score: number }>();
    const scores = raw.map((r) => Number(r.score));
    return entities.map((e, i) => Object.assign(e, { score: scores[i]! }));
  }

  /** Stores a new, unanswered follow-up question; returns it. */
  askFollowUp(tx: EntityManager, eventId: string, askedById: string, question: string): Promise<LiveChatFollowUp> {
    return tx.getRepository(LiveChatFollowUp).save({ eventId, askedById, question, answer: null, answeredById: null, answeredAt: null });
  }

  /** The follow-up `id`, its row locked (FOR UPDATE) until the transaction of `tx` ends; null when there is none. */
  lockFollowUp(tx: EntityManager, id: string): Promise<LiveChatFollowUp | null> {
    return tx.getRepository(LiveChatFollowUp).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Stores `answer` to the follow-up `id` by `answeredById`, now. */
  async answerFollowUp(tx: EntityManager, id: string, answer: string, answeredById: string): Promise<void> {
    await tx.getRepository(LiveChatFollowUp).update({ id }, { answer, answeredById, answeredAt: new Date() });
  }

  /** The follow-up `id`; throws TypeORM's EntityNotFoundError when there is none. */
  followUp(m: EntityManager, id: string): Promise<LiveChatFollowUp> {
    return m.getRepository(LiveChatFollowUp).findOneByOrFail({ id });
  }
}
