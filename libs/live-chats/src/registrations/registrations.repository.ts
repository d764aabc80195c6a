import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LiveChatRegistration, RegistrationStatus } from './live-chat-registration.entity.js';
import type { LiveChatTurnout } from './live-chat-turnout.model.js';

/**
 * Registrations' reads and writes, through the EntityManager the service
 * passes (CONTRIBUTING, "Repositories hold the SQL"): what returns the
 * `LiveChatRegistration` entity GraphQL serves, or
 * changes one by key, goes through that manager's entity calls; upserts that
 * take a fresh queue position, counters, keyset pages and waitlist places are
 * parameterised SQL. The event's lock, which every change here takes first,
 * is live-chat-event.repository.ts' (`lock`).
 */
@Injectable()
export class RegistrationsRepository {
  /** `userId`'s registration (in any status) for `eventId`, or null. */
  find(m: EntityManager, eventId: string, userId: string): Promise<LiveChatRegistration | null> {
    return m.getRepository(LiveChatRegistration).findOneBy({ eventId, userId });
  }

  /** The registration of that id, or of that event and person; throws TypeORM's EntityNotFoundError when there is none. */
  get(m: EntityManager, key: { id: string } | { eventId: string; userId: string }): Promise<LiveChatRegistration> {
    return m.getRepository(LiveChatRegistration).findOneByOrFail(key);
  }

  async setStatus(tx: EntityManager, id: string, status: RegistrationStatus): Promise<void> {
    await tx.getRepository(LiveChatRegistration).update({ id }, { status });
  }

  /** `userId`'s registrations (in any status) among `eventIds`, in no particular order. */
  ofUser(m: EntityManager, userId: string, eventIds: readonly string[]): Promise<LiveChatRegistration[]> {
    return m
      .getRepository(LiveChatRegistration)
      .createQueryBuilder('r')
      .where('r.user_id = :userId AND r.event_id = ANY(:eventIds)', { userId, eventIds })
      .getMany();
  }

  async hasWaitlist(tx: EntityManager, eventId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM live_chat_registration WHERE event_id = $1 AND status = 'WAITLISTED' LIMIT 1`, [eventId]);
    return rows.length > 0;
  }

  /** A new place in the queue (a fresh position), also for someone who cancelled and comes back. */
  async enqueue(tx: EntityManager, eventId: string, userId: string, status: RegistrationStatus): Promise<void> {
    await tx.query(
      `INSERT INTO live_chat_registration (event_id, user_id, status) VALUES ($1, $2, $3)
       ON CONFLICT (event_id, user_id) DO UPDATE
         SET status = EXCLUDED.status, position = nextval('live_chat_registration_position'), updated_at = now()`,
      [eventId, userId, status],
    );
  }

  /** Counts places taken (a positive `delta`) or given up (a negative one). */
  async countPlace(tx: EntityManager, eventId: string, delta: number): Promise<void> {
    await tx.query(`UPDATE live_chat_event SET registered_count = registered_count + $2 WHERE id = $1`, [eventId, delta]);
  }

  /**
   * Registers the first waitlisted people, in order, for as many places as are free (capacity less registered_count);
   * returns their user ids in that order. It does not count them (countPlace).
   */
  async promoteNext(tx: EntityManager, eventId: string): Promise<string[]> {
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
      [eventId],
    );
    return promoted.map((p) => p.user_id);
  }

  /** A user's registered or waitlisted registrations for events not ended, soonest first, from after (startsAt, id). */
  async upcomingOf(m: EntityManager, userId: string, limit: number, after?: [startsAt: unknown, id: string]): Promise<(LiveChatRegistration & { startsAt: Date })[]> {
    return m.query(
      `SELECT r.id, r.event_id AS "eventId", r.user_id AS "userId", r.status, r.position, r.created_at AS "createdAt",
              r.updated_at AS "updatedAt", e.starts_at AS "startsAt"
       FROM live_chat_registration r JOIN live_chat_event e ON e.id = r.event_id
       WHERE r.user_id = $1 AND r.status IN ('REGISTERED', 'WAITLISTED') AND e.ends_at > now() ${after ? 'AND (e.starts_at, r.id) > ($3::timestamptz, $4::uuid)' : ''}
       ORDER BY e.starts_at, r.id LIMIT $2`,
      [userId, limit, ...(after ?? [])],
    );
  }

  /** Place in the waitlist (1 = next to move up) of each waitlisted registration among `ids`. */
  async waitlistPlaces(m: EntityManager, ids: readonly string[]): Promise<Map<string, number>> {
    const rows: { id: string; place: number }[] = await m.query(
      `SELECT r.id, (SELECT count(*)::int FROM live_chat_registration w
                     WHERE w.event_id = r.event_id AND w.status = 'WAITLISTED' AND w.position <= r.position) AS place
       FROM live_chat_registration r WHERE r.id = ANY($1::uuid[]) AND r.status = 'WAITLISTED'`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.place]));
  }

  /**
   * One page of an event's registrations in `status`, in queue order (position: registration order, and for the
   * waitlist the order places are given), from after `afterPosition`; with the waitlist place of waitlisted ones.
   */
  async ofEvent(m: EntityManager, eventId: string, status: RegistrationStatus, limit: number, afterPosition?: string): Promise<RegistrantRow[]> {
    const rows: (Omit<RegistrantRow, 'waitlistPlace'> & { waitlistPlace: number | null })[] = await m.query(
      `SELECT r.id, r.user_id AS "userId", r.status, r.position, r.created_at AS "createdAt", r.updated_at AS "updatedAt",
              CASE WHEN r.status = 'WAITLISTED' THEN (SELECT count(*)::int FROM live_chat_registration w
                WHERE w.event_id = r.event_id AND w.status = 'WAITLISTED' AND w.position <= r.position) END AS "waitlistPlace"
       FROM live_chat_registration r
       WHERE r.event_id = $1 AND r.status = $2 ${afterPosition ? 'AND r.position > $4::bigint' : ''}
       ORDER BY r.position LIMIT $3`,
      [eventId, status, limit, ...(afterPosition ? [afterPosition] : [])],
    );
    return rows.map((r) => ({ ...r, position: String(r.position), createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) }));
  }

  /** Registrations by status and registrants who entered the room, for each event, in one statement. */
  async turnoutOf(m: EntityManager, eventIds: readonly string[]): Promise<Map<string, LiveChatTurnout>> {
    const rows: (LiveChatTurnout & { eventId: string })[] = await m.query(
      `SELECT ids.id AS "eventId",
              count(r.id) FILTER (WHERE r.status = 'REGISTERED')::int AS registered,
              count(r.id) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted,
              count(r.id) FILTER (WHERE r.status = 'CANCELLED')::int AS cancelled,
              (SELECT count(*) FROM live_chat_attendance a WHERE a.event_id = ids.id)::int AS attended
       FROM unnest($1::uuid[]) AS ids (id) LEFT JOIN live_chat_registration r ON r.event_id = ids.id
       GROUP BY ids.id`,
      [eventIds],
    );
    return new Map(rows.map(({ eventId, ...t }) => [eventId, t]));
  }
}

/** A registration as the event's hosts and staff see it (the person's name comes from the people directory). */
export interface RegistrantRow {
  id: string;
  userId: string;
  status: RegistrationStatus;
  position: string;
  createdAt: Date;
  updatedAt: Date;
  waitlistPlace: number | null;
}
