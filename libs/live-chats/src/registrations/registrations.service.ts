import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, Role, type PeopleDirectory, type Principal } from '@careers/contracts';
import { badInput, canManageInstitution, type ConnectionArgs, type ConnectionShape, decodeCursor, encodeCursor, forbidden, notFound, Outbox, pageSize, toConnection } from '@careers/platform';
import { DataSource } from 'typeorm';
import { eligibilityProblem } from '../events/eligibility.js';
import { LiveChatAudienceRepository } from '../events/live-chat-audience.repository.js';
import { type LiveChatAudience, type LiveChatEvent, LiveChatStatus } from '../events/live-chat-event.entity.js';
import { LiveChatEventRepository } from '../events/live-chat-event.repository.js';
import { LiveChatsService } from '../events/live-chats.service.js';
import { type LiveChatRegistration, RegistrationStatus } from './live-chat-registration.entity.js';
import type { LiveChatTurnout } from './live-chat-turnout.model.js';
import { type RegistrantRow, RegistrationsRepository } from './registrations.repository.js';
import { promoteWaitlisted } from './waitlist.js';

/**
 * Registration with capacity and a waitlist. Every change locks the event row
 * first (SELECT … FOR UPDATE), so registrations of one event happen one at a
 * time: never more than capacity registered, and the waitlist moves up in order.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox,
    private readonly rows: RegistrationsRepository,
    private readonly audience: LiveChatAudienceRepository,
    private readonly events: LiveChatsService,
    private readonly eventRows: LiveChatEventRepository,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
  ) {}

  /** Registers the caller, or waitlists them when the event is full. Registering again returns the same registration. */
  async register(caller: Principal, eventId: string): Promise<LiveChatRegistration> {
    return this.db.transaction(async (tx) => {
      const seen = await this.events.visible(caller, eventId, tx);
      const [me] = await this.people.peopleOf([caller.id], tx);
      if (caller.role !== Role.STUDENT || !me) throw forbidden('Only students can register for live chats.');
      const event = await this.eventRows.lock(tx, seen.id);
      if (!event) throw notFound('This live chat');
      const existing = await this.rows.find(tx, event.id, caller.id);
      if (existing && existing.status !== RegistrationStatus.CANCELLED) return existing;
      if (event.status === LiveChatStatus.CANCELLED) throw forbidden('This live chat was cancelled: you cannot register.');
      if (event.status !== LiveChatStatus.APPROVED) throw forbidden('This live chat is not open for registration yet.');
      if (event.endsAt <= new Date()) throw forbidden('This live chat is over: you cannot register.');
      if (!(await this.audience.approvedBy(tx, event.id, caller.institutionId))) throw forbidden('Your institution has not approved this live chat: you cannot register.');
      const problem = eligibilityProblem(event, me);
      if (problem) throw forbidden(problem);

      const waiting = await this.rows.hasWaitlist(tx, event.id);
      const status = event.registeredCount < event.capacity && !waiting ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED;
      await this.rows.enqueue(tx, event.id, caller.id, status);
      if (status === RegistrationStatus.REGISTERED) await this.rows.countPlace(tx, event.id, 1);
      return this.rows.get(tx, { eventId: event.id, userId: caller.id });
    });
  }

  /** Gives up the caller's place (or waitlist spot); the first waitlisted person moves up and is told. */
  async cancel(caller: Principal, eventId: string): Promise<LiveChatRegistration> {
    return this.db.transaction(async (tx) => {
      const event = await this.eventRows.lock(tx, eventId);
      const registration = event && (await this.rows.find(tx, eventId, caller.id));
      if (!event || !registration) throw notFound('Your registration for this live chat');
      if (registration.status === RegistrationStatus.CANCELLED) return registration;
      await this.rows.setStatus(tx, registration.id, RegistrationStatus.CANCELLED);
      if (registration.status === RegistrationStatus.REGISTERED) {
        await this.rows.countPlace(tx, eventId, -1);
        if (event.status === LiveChatStatus.APPROVED && event.endsAt > new Date()) await promoteWaitlisted(tx, this.outbox, event);
      }
      return this.rows.get(tx, { id: registration.id });
    });
  }

  /** The caller's registrations (registered or waitlisted) for events that have not ended, soonest first. */
  async mine(caller: Principal, args: ConnectionArgs): Promise<ConnectionShape<LiveChatRegistration & { startsAt: Date }>> {
    const first = pageSize(args);
    const rows = await this.rows.upcomingOf(this.db.manager, caller.id, first + 1, args.after ? decodeCursor(args.after) : undefined);
    return toConnection(rows, first, (r) => encodeCursor(new Date(r.startsAt).toISOString(), r.id));
  }

  /**
   * Who registered for (or waits for) an event, for the organisation's employers, the staff of an audience
   * institution and admins: in queue order, with names and waitlist places. Anyone else: NOT_FOUND, as for an
   * event they may not see (students see only their own registration).
   */
  async ofEvent(
    caller: Principal,
    eventId: string,
    status: RegistrationStatus.REGISTERED | RegistrationStatus.WAITLISTED,
    args: ConnectionArgs,
  ): Promise<ConnectionShape<RegistrantRow & { displayName: string | null }>> {
    // visible() already limits employers to their organisation's events and staff to their institution's.
    const event = await this.events.visible(caller, eventId);
    if (caller.role !== Role.EMPLOYER && caller.role !== Role.STAFF && caller.role !== Role.ADMIN) throw notFound('The live chat');
    const first = pageSize(args);
    const after = args.after ? decodeCursor(args.after)[0] : undefined;
    if (after !== undefined && !/^\d{1,19}$/.test(String(after))) throw badInput('The cursor is not valid: pass the endCursor of a previous page.', { field: 'after' });
    const rows = await this.rows.ofEvent(this.db.manager, event.id, status, first + 1, after === undefined ? undefined : String(after));
    const names = new Map((await this.people.peopleOf([...new Set(rows.map((r) => r.userId))])).map((p) => [p.userId, p.displayName]));
    const named = rows.map((r) => ({ ...r, displayName: names.get(r.userId) ?? null }));
    return toConnection(named, first, (r) => encodeCursor(r.position, r.id));
  }

  /** The caller's registration of each event (a DataLoader batch). */
  async ofUser(userId: string, eventIds: readonly string[]): Promise<(LiveChatRegistration | null)[]> {
    const rows = await this.rows.ofUser(this.db.manager, userId, eventIds);
    const map = new Map(rows.map((r) => [r.eventId, r]));
    return eventIds.map((id) => map.get(id) ?? null);
  }

  /** Place in the waitlist (1 = next to move up), for each waitlisted registration. */
  async waitlistPlaces(registrationIds: readonly string[]): Promise<(number | null)[]> {
    const map = await this.rows.waitlistPlaces(this.db.manager, registrationIds);
    return registrationIds.map((id) => map.get(id) ?? null);
  }

  /**
   * Turnout is for the organisation's employers, the staff of an institution in the audience and admins; a
   * student (or anyone else who can see the chat) is FORBIDDEN.
   */
  assertMaySeeTurnout(caller: Principal, event: LiveChatEvent, audience: LiveChatAudience[]): void {
    if (caller.role === Role.ADMIN) return;
    if (caller.role === Role.EMPLOYER && caller.organisationId === event.organisationId) return;
    if (caller.role === Role.STAFF && audience.some((a) => canManageInstitution(caller, a.institutionId))) return;
    throw forbidden("A live chat's turnout is for its employer and the careers staff of its institutions.");
  }

  /** Registrations by status and attendance, for a page of events in one statement (a DataLoader batch). */
  async turnoutOf(eventIds: readonly string[]): Promise<LiveChatTurnout[]> {
    const found = await this.rows.turnoutOf(this.db.manager, eventIds);
    return eventIds.map((id) => found.get(id) ?? { registered: 0, waitlisted: 0, cancelled: 0, attended: 0 });
  }
}
