import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, type Principal } from '@careers/contracts';
import { isUuid } from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { LiveChatStatus } from '../events/live-chat-event.entity.js';

/**
 * What a person is in one live chat, strongest first:
 * - `HOST`: listed as a host of the event (a member of the employer);
 * - `STAFF`: careers staff of one of the event's audience institutions
 *   (whatever that institution decided), or an admin;
 * - `REGISTERED`: holds a place (a REGISTERED registration; waitlisted and
 *   cancelled registrations do not count).
 * `null`: none of these (e.g. a waitlisted student, another employer).
 */
export type LiveChatRole = 'HOST' | 'STAFF' | 'REGISTERED';

/** The facts of an event the live room decides on. */
export interface LiveChatEventFacts {
  id: string;
  title: string;
  organisationId: string;
  startsAt: Date;
  endsAt: Date;
  /** PENDING, APPROVED, REJECTED or CANCELLED. Only APPROVED events should open a room. */
  status: LiveChatStatus;
  capacity: number;
}

export interface LiveChatAccessResult {
  role: LiveChatRole | null;
  event: LiveChatEventFacts;
}

/**
 * The live room's door into events and registrations (stable API: the room
 * builds on it). It reads fresh from PostgreSQL on every call; cache per
 * socket at your own risk (a registration may be cancelled, a host removed).
 */
@Injectable()
export class LiveChatAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The caller's role in event `eventId` and the event's facts; `null` when
   * there is no such event (or the id is not a UUID). It never throws for a
   * missing event or role: deciding what to refuse (and whether as NOT_FOUND
   * or FORBIDDEN) is the caller's. Pass `tx` to read inside a transaction.
   */
  async roleInEvent(eventId: string, principal: Principal, tx?: EntityManager): Promise<LiveChatAccessResult | null> {
    if (!isUuid(eventId)) return null;
    const rows: (LiveChatEventFacts & { host: boolean; audience: boolean; registered: boolean })[] = await (tx ?? this.db.manager).query(
      `SELECT e.id, e.title, e.organisation_id AS "organisationId", e.starts_at AS "startsAt", e.ends_at AS "endsAt",
              e.status, e.capacity,
              EXISTS (SELECT 1 FROM live_chat_host h WHERE h.event_id = e.id AND h.user_id = $2) AS host,
              EXISTS (SELECT 1 FROM live_chat_audience a WHERE a.event_id = e.id AND a.institution_id = $3) AS audience,
              EXISTS (SELECT 1 FROM live_chat_registration r WHERE r.event_id = e.id AND r.user_id = $2 AND r.status = 'REGISTERED') AS registered
       FROM live_chat_event e WHERE e.id = $1`,
      [eventId, principal.id, principal.institutionId],
    );
    const row = rows[0];
    if (!row) return null;
    const { host, audience, registered, ...event } = row;
    let role: LiveChatRole | null = null;
    if (host) role = 'HOST';
    else if (principal.role === Role.ADMIN || (principal.role === Role.STAFF && audience)) role = 'STAFF';
    else if (registered) role = 'REGISTERED';
    return { role, event: { ...event, startsAt: new Date(event.startsAt), endsAt: new Date(event.endsAt) } };
  }
}
