import { Injectable } from '@nestjs/common';
import type { ApprovalDecision, Principal } from '@careers/contracts';
import type { EntityManager } from 'typeorm';
import { LiveChatAudience, LiveChatEvent, LiveChatHost, type LiveChatStatus } from './live-chat-event.entity.js';
import { visibleTo } from './visibility.js';

/** A chat lasts at most this long: upcoming lists rely on it to use the indexes on `starts_at`. */
export const MAX_DURATION_HOURS = 4;

/** What a newly scheduled event is stored with. */
export type NewLiveChatEvent = Omit<LiveChatEvent, 'id' | 'createdAt' | 'updatedAt'>;

/** The fields of an event that its employers' edits and cancelling change. */
export type LiveChatEventChanges = Partial<
  Pick<LiveChatEvent, 'title' | 'description' | 'capacity' | 'startsAt' | 'endsAt' | 'sequence' | 'status' | 'statusReason' | 'cancelledAt'>
>;

/** Whose upcoming chats a list shows (the service decides by role). */
export type UpcomingScope =
  | { organisationId: string | null }
  | { institutionId: string | null; student?: { graduationYear: number; course: string } }
  | 'ALL_APPROVED'
  | 'NONE';

/**
 * The event aggregate's SQL: `live_chat_event`, its hosts and its audience
 * (one decision per institution; one institution's own decision is
 * live-chat-audience.repository.ts), through the EntityManager the service
 * passes, never a connection of its own. Dialect (CONTRIBUTING, "Repositories
 * hold the SQL"): what hands back an entity, or writes one by key, goes
 * through that manager's entity calls (the query builder for pages, with the
 * visibility condition of visibility.ts); ids, decisions, replacing the hosts
 * and the status roll-up are parameterised SQL. Who may do what stays in the
 * services.
 */
@Injectable()
export class LiveChatEventRepository {
  /**
   * The event `id`, its row locked (FOR UPDATE) until the transaction of `tx`
   * ends; null when there is none. Everything that changes an event, its
   * registrations, its decisions or its Q&A page takes this lock first, so
   * they happen one at a time per event (registered_count stays exact, the
   * roll-up of decisions reads them all as they stand, a page is published
   * once).
   */
  lock(tx: EntityManager, id: string): Promise<LiveChatEvent | null> {
    return tx.findOne(LiveChatEvent, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The event `id`; throws TypeORM's EntityNotFoundError when there is none. */
  get(m: EntityManager, id: string): Promise<LiveChatEvent> {
    return m.findOneByOrFail(LiveChatEvent, { id });
  }

  /** Stores a newly scheduled event; returns it. */
  insert(tx: EntityManager, event: NewLiveChatEvent): Promise<LiveChatEvent> {
    return tx.save(tx.create(LiveChatEvent, event));
  }

  /** Stores the changed fields of the event `id` (its updated_at too). */
  async update(tx: EntityManager, id: string, changes: LiveChatEventChanges): Promise<void> {
    await tx.update(LiveChatEvent, { id }, changes);
  }

  /** Adds `hostIds` as hosts of the new event `eventId`, in that order. */
  async addHosts(tx: EntityManager, eventId: string, hostIds: readonly string[]): Promise<void> {
    await tx.insert(
      LiveChatHost,
      hostIds.map((userId) => ({ eventId, userId })),
    );
  }

  /** The event if `viewer` may see it (visibility.ts); null otherwise. */
  async visibleTo(m: EntityManager, viewer: Principal, id: string): Promise<LiveChatEvent | null> {
    const { sql, params } = visibleTo(viewer);
    return m.getRepository(LiveChatEvent).createQueryBuilder('e').where('e.id = :id', { id }).andWhere(sql, params).getOne();
  }

  async byIds(m: EntityManager, ids: readonly string[]): Promise<LiveChatEvent[]> {
    return m.getRepository(LiveChatEvent).createQueryBuilder('e').where('e.id = ANY(:ids)', { ids }).getMany();
  }

  /** Each event's hosts' user ids, in the order they were added. */
  async hostsOf(m: EntityManager, eventIds: readonly string[]): Promise<string[][]> {
    const rows = await m.getRepository(LiveChatHost).createQueryBuilder('h').where('h.event_id = ANY(:eventIds)', { eventIds }).orderBy('h.created_at').getMany();
    return eventIds.map((id) => rows.filter((r) => r.eventId === id).map((r) => r.userId));
  }

  /** Each event's audience institutions with their decisions, in the order they were asked. */
  async audienceOf(m: EntityManager, eventIds: readonly string[]): Promise<LiveChatAudience[][]> {
    const rows = await m
      .getRepository(LiveChatAudience)
      .createQueryBuilder('a')
      .where('a.event_id = ANY(:eventIds)', { eventIds })
      .orderBy('a.created_at')
      .getMany();
    return eventIds.map((id) => rows.filter((r) => r.eventId === id));
  }

  /** The hosts become exactly `hostIds`. */
  async replaceHosts(m: EntityManager, eventId: string, hostIds: string[]): Promise<void> {
    await m.query(`DELETE FROM live_chat_host WHERE event_id = $1 AND NOT (user_id = ANY($2::uuid[]))`, [eventId, hostIds]);
    await m.query(`INSERT INTO live_chat_host (event_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [eventId, hostIds]);
  }

  /** Everyone who holds a place or waits for one. */
  async registrantIds(m: EntityManager, eventId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await m.query(
      `SELECT user_id FROM live_chat_registration WHERE event_id = $1 AND status IN ('REGISTERED', 'WAITLISTED')`,
      [eventId],
    );
    return rows.map((r) => r.user_id);
  }

  /** Every audience institution's decision on the event. */
  async decisionsOf(m: EntityManager, eventId: string): Promise<ApprovalDecision[]> {
    const rows: { status: ApprovalDecision }[] = await m.query(`SELECT status FROM live_chat_audience WHERE event_id = $1`, [eventId]);
    return rows.map((r) => r.status);
  }

  async setStatus(m: EntityManager, eventId: string, status: LiveChatStatus): Promise<void> {
    await m.query(`UPDATE live_chat_event SET status = $2, updated_at = now() WHERE id = $1`, [eventId, status]);
  }

  /** Chats of the scope that have not ended, soonest first, after the (startsAt, id) cursor. */
  async upcoming(m: EntityManager, scope: UpcomingScope, limit: number, after?: [startsAt: unknown, id: unknown]): Promise<LiveChatEvent[]> {
    const qb = m
      .getRepository(LiveChatEvent)
      .createQueryBuilder('e')
      .where('e.ends_at > now()')
      // Implied by the line above (a chat lasts at most MAX_DURATION_HOURS); lets the indexes on starts_at skip past events.
      .andWhere(`e.starts_at > now() - interval '${MAX_DURATION_HOURS} hours'`)
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(limit);
    if (scope === 'NONE') qb.andWhere('FALSE');
    else if (scope === 'ALL_APPROVED') qb.andWhere(`e.status = 'APPROVED'`);
    else if ('organisationId' in scope) qb.andWhere(`e.organisation_id = :org AND e.status IN ('PENDING', 'APPROVED')`, { org: scope.organisationId });
    else {
      qb.andWhere(`e.status = 'APPROVED'`).andWhere(
        `EXISTS (SELECT 1 FROM live_chat_audience a WHERE a.event_id = e.id AND a.institution_id = :inst AND a.status = 'APPROVED')`,
        { inst: scope.institutionId },
      );
      if (scope.student) {
        qb.andWhere(`(cardinality(e.graduation_years) = 0 OR :year = ANY(e.graduation_years))`, { year: scope.student.graduationYear });
        qb.andWhere(`(cardinality(e.subjects) = 0 OR EXISTS (SELECT 1 FROM unnest(e.subjects) s WHERE strpos(lower(:course), lower(s)) > 0))`, {
          course: scope.student.course,
        });
      }
    }
    if (after) qb.andWhere('(e.starts_at, e.id) > (:startsAt, :id)', { startsAt: after[0], id: after[1] });
    return qb.getMany();
  }

  /**
   * Every chat of the organisation, whatever its status: those not over yet
   * soonest first after the (startsAt, id) cursor, or (`past`) those over, the
   * most recent first, before it.
   */
  async ofOrganisation(m: EntityManager, organisationId: string, past: boolean, limit: number, after?: [startsAt: unknown, id: unknown]): Promise<LiveChatEvent[]> {
    const qb = m
      .getRepository(LiveChatEvent)
      .createQueryBuilder('e')
      .where('e.organisation_id = :organisationId', { organisationId })
      .andWhere(past ? 'e.ends_at <= now()' : 'e.ends_at > now()')
      .orderBy('e.starts_at', past ? 'DESC' : 'ASC')
      .addOrderBy('e.id', past ? 'DESC' : 'ASC')
      .take(limit);
    if (after) qb.andWhere(`(e.starts_at, e.id) ${past ? '<' : '>'} (:startsAt, :id)`, { startsAt: after[0], id: after[1] });
    return qb.getMany();
  }

  /** One institution's decisions of one kind, newest first, before the (createdAt, eventId) cursor. */
  async decisionsAt(
    m: EntityManager,
    institutionId: string,
    status: ApprovalDecision,
    limit: number,
    after?: [createdAt: unknown, eventId: unknown],
  ): Promise<LiveChatAudience[]> {
    const qb = m
      .getRepository(LiveChatAudience)
      .createQueryBuilder('a')
      .where('a.institution_id = :institutionId AND a.status = :status', { institutionId, status })
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.event_id', 'DESC')
      .take(limit);
    if (after) qb.andWhere('(a.created_at, a.event_id) < (:createdAt, :eventId)', { createdAt: after[0], eventId: after[1] });
    return qb.getMany();
  }
}
