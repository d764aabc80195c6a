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
 * The caller's role (see LiveChatRole) in the event row aliased `e`, as an SQL
 * expression: one definition for every query that decides on it. It takes
 * four parameters from `$first`, in the order liveChatRoleParams gives them.
 */
export function liveChatRoleSql(e: string, first: number): string {
  const [user, admin, staff, institution] = [0, 1, 2, 3].map((i) => `$${first + i}`);
  return `CASE
    WHEN EXISTS (SELECT 1 FROM live_chat_host h WHERE h.event_id = ${e}.id AND h.user_id = ${user}) THEN 'HOST'
    WHEN ${admin}::boolean OR (${staff}::boolean AND EXISTS (SELECT 1 FROM live_chat_audience a WHERE a.event_id = ${e}.id AND a.institution_id = ${institution})) THEN 'STAFF'
    WHEN EXISTS (SELECT 1 FROM live_chat_registration r WHERE r.event_id = ${e}.id AND r.user_id = ${user} AND r.status = 'REGISTERED') THEN 'REGISTERED'
  END`;
}

export const liveChatRoleParams = (principal: Principal): unknown[] => [
  principal.id,
  principal.role === Role.ADMIN,
  principal.role === Role.STAFF,
  principal.institutionId ?? null,
];

/**
 * The live room's door into events and registrations (stable API: the room
 * builds on it). A repository, read-only: the SQL and row mapping of a
 * person's role in an event, and no rules (what to refuse is the caller's).
 * Dialect: see rooms/room-messages.repository.ts; through the caller's `tx`,
 * or the data source's manager when none is passed. It reads fresh from
 * PostgreSQL on every call; cache per socket at your own risk (a registration
 * may be cancelled, a host removed).
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
    const rows: (LiveChatEventFacts & { role: LiveChatRole | null })[] = await (tx ?? this.db.manager).query(
      `SELECT e.id, e.title, e.organisation_id AS "organisationId", e.starts_at AS "startsAt", e.ends_at AS "endsAt",
              e.status, e.capacity, ${liveChatRoleSql('e', 2)} AS role
       FROM live_chat_event e WHERE e.id = $1`,
      [eventId, ...liveChatRoleParams(principal)],
    );
    const row = rows[0];
    if (!row) return null;
    const { role, ...event } = row;
    return { role, event: { ...event, startsAt: new Date(event.startsAt), endsAt: new Date(event.endsAt) } };
  }
}
