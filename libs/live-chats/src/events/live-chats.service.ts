import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, Role, type PeopleDirectory, type Principal } from '@careers/contracts';
import {
  badInput,
  type ConnectionArgs,
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  forbidden,
  notFound,
  Outbox,
  pageSize,
  toConnection,
} from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { promoteWaitlisted } from '../registrations/waitlist.js';
import { LiveChatAudienceRepository } from './live-chat-audience.repository.js';
import { type LiveChatAudience, type LiveChatEvent, LiveChatStatus } from './live-chat-event.entity.js';
import { LiveChatEventRepository, MAX_DURATION_HOURS, type UpcomingScope } from './live-chat-event.repository.js';
import type { ScheduleLiveChatInput, UpdateLiveChatInput } from './live-chat.inputs.js';

const HOUR = 3600_000;

/**
 * Events: scheduling and editing by employers, and who sees which. Approval
 * per institution by staff is live-chat-approvals.service.ts.
 */
@Injectable()
export class LiveChatsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    private readonly events: LiveChatEventRepository,
    private readonly audience: LiveChatAudienceRepository,
  ) {}

  /** The event if the caller may see it; NOT_FOUND otherwise, so ids cannot be probed. */
  async visible(caller: Principal, id: string, tx: EntityManager = this.db.manager): Promise<LiveChatEvent> {
    const event = await this.events.visibleTo(tx, caller, id);
    if (!event) throw notFound('The live chat');
    return event;
  }

  async byIds(ids: readonly string[]): Promise<(LiveChatEvent | null)[]> {
    const rows = await this.events.byIds(this.db.manager, ids);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  }

  hostsOf(eventIds: readonly string[]): Promise<string[][]> {
    return this.events.hostsOf(this.db.manager, eventIds);
  }

  audienceOf(eventIds: readonly string[]): Promise<LiveChatAudience[][]> {
    return this.events.audienceOf(this.db.manager, eventIds);
  }

  /**
   * An employer of an organisation approved by at least one institution
   * schedules a chat; staff of each audience institution then decide, and are
   * told so (`live-chats.event-submitted`).
   */
  async schedule(caller: Principal, input: ScheduleLiveChatInput): Promise<LiveChatEvent> {
    const { id: organisationId, name: employerName } = await this.assertEmployerCanAct(caller, input.institutionIds);
    this.assertTimes(input.startsAt, input.endsAt);
    const hostIds = [caller.id, ...(input.hostIds ?? []).map((h) => h.toLowerCase()).filter((h) => h !== caller.id)];
    await this.assertColleagues(organisationId, hostIds);
    const institutionIds = input.institutionIds.map((i) => i.toLowerCase());
    return this.db.transaction(async (tx) => {
      const event = await this.events.insert(tx, {
        organisationId,
        createdById: caller.id,
        title: input.title.trim(),
        description: input.description,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        capacity: input.capacity,
        status: LiveChatStatus.PENDING,
        statusReason: null,
        graduationYears: input.graduationYears ?? [],
        subjects: (input.subjects ?? []).map((s) => s.trim()),
        sequence: 0,
        registeredCount: 0,
        cancelledAt: null,
      });
      await this.events.addHosts(tx, event.id, hostIds);
      await this.audience.ask(tx, event.id, institutionIds);
      const staff = await this.people.staffOf(institutionIds, tx);
      await this.outbox.append(tx, {
        type: 'live-chats.event-submitted',
        aggregateType: 'live-chat',
        aggregateId: event.id,
        payload: {
          eventId: event.id,
          title: event.title,
          employerName,
          startsAt: event.startsAt.toISOString(),
          awaiting: institutionIds.map((institutionId) => ({
            institutionId,
            staffIds: staff.filter((s) => s.institutionId === institutionId).map((s) => s.userId),
          })),
        },
      });
      return this.events.get(tx, event.id);
    });
  }

  /** Employers of the organisation edit, reschedule or change the capacity and hosts; registrants hear of a new time. */
  async update(caller: Principal, id: string, input: UpdateLiveChatInput): Promise<LiveChatEvent> {
    if (input.hostIds) input.hostIds = input.hostIds.map((h) => h.toLowerCase());
    return this.db.transaction(async (tx) => {
      const event = await this.lockForEmployer(caller, id, tx);
      if (input.hostIds) await this.assertColleagues(event.organisationId, input.hostIds, tx);
      const startsAt = input.startsAt ?? event.startsAt;
      const endsAt = input.endsAt ?? event.endsAt;
      const moved = startsAt.getTime() !== event.startsAt.getTime() || endsAt.getTime() !== event.endsAt.getTime();
      if (moved) this.assertTimes(startsAt, endsAt);
      if (input.capacity !== undefined && input.capacity < event.registeredCount) {
        throw badInput(`${event.registeredCount} people are registered: the capacity cannot go below that.`, { field: 'capacity' });
      }
      const previousStartsAt = event.startsAt;
      await this.events.update(tx, id, {
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
        startsAt,
        endsAt,
        sequence: moved ? event.sequence + 1 : event.sequence,
      });
      if (input.hostIds) await this.events.replaceHosts(tx, id, input.hostIds);
      const updated = await this.events.get(tx, id);
      if (input.capacity !== undefined && input.capacity > event.capacity) await promoteWaitlisted(tx, this.outbox, updated);
      if (moved) {
        await this.outbox.append(tx, {
          type: 'live-chats.event-rescheduled',
          aggregateType: 'live-chat',
          aggregateId: id,
          payload: {
            eventId: id,
            title: updated.title,
            startsAt: updated.startsAt.toISOString(),
            endsAt: updated.endsAt.toISOString(),
            previousStartsAt: previousStartsAt.toISOString(),
            recipientIds: await this.events.registrantIds(tx, id),
          },
        });
      }
      return this.events.get(tx, id);
    });
  }

  /** Cancels the chat for everyone; registered and waitlisted people are told, with the reason. */
  async cancel(caller: Principal, id: string, reason: string): Promise<LiveChatEvent> {
    return this.db.transaction(async (tx) => {
      const event = await this.lockForEmployer(caller, id, tx);
      await this.events.update(tx, id, { status: LiveChatStatus.CANCELLED, statusReason: reason, cancelledAt: new Date(), sequence: event.sequence + 1 });
      await this.outbox.append(tx, {
        type: 'live-chats.event-cancelled',
        aggregateType: 'live-chat',
        aggregateId: id,
        payload: { eventId: id, title: event.title, startsAt: event.startsAt.toISOString(), reason, recipientIds: await this.events.registrantIds(tx, id) },
      });
      return this.events.get(tx, id);
    });
  }

  /** Upcoming (not yet ended) events for the caller, soonest first: what they may join, or for employers what they run. */
  async upcoming(caller: Principal, args: ConnectionArgs): Promise<ConnectionShape<LiveChatEvent>> {
    const first = pageSize(args);
    const after = args.after ? (decodeCursor(args.after) as [unknown, unknown]) : undefined;
    const rows = await this.events.upcoming(this.db.manager, await this.upcomingScope(caller), first + 1, after);
    return toConnection(rows, first, (e) => encodeCursor(e.startsAt.toISOString(), e.id));
  }

  /** Every chat of the caller's organisation (employers), whatever its status: those to come or those over (`past`). */
  async ofOrganisation(caller: Principal, past: boolean, args: ConnectionArgs): Promise<ConnectionShape<LiveChatEvent>> {
    if (caller.role !== Role.EMPLOYER || !caller.organisationId) throw forbidden("Only employers see their organisation's live chats.");
    const first = pageSize(args);
    const after = args.after ? (decodeCursor(args.after) as [unknown, unknown]) : undefined;
    const rows = await this.events.ofOrganisation(this.db.manager, caller.organisationId, past, first + 1, after);
    return toConnection(rows, first, (e) => encodeCursor(e.startsAt.toISOString(), e.id));
  }

  /** Whose chats are upcoming for the caller: for students, their institution's approved ones they are eligible for. */
  private async upcomingScope(caller: Principal): Promise<UpcomingScope> {
    switch (caller.role) {
      case Role.EMPLOYER:
        return { organisationId: caller.organisationId };
      case Role.STAFF:
        return { institutionId: caller.institutionId };
      case Role.STUDENT: {
        const [me] = await this.people.peopleOf([caller.id]);
        return { institutionId: caller.institutionId, student: { graduationYear: me?.graduationYear ?? -1, course: me?.course ?? '' } };
      }
      case Role.ADMIN:
        return 'ALL_APPROVED';
      case Role.ALUMNUS:
        return 'NONE';
    }
  }

  /** The event, locked, if the caller is an employer of its organisation and it can still change. */
  private async lockForEmployer(caller: Principal, id: string, tx: EntityManager): Promise<LiveChatEvent> {
    const visible = await this.visible(caller, id, tx);
    if (caller.role !== Role.EMPLOYER || visible.organisationId !== caller.organisationId) {
      throw forbidden('Only employers of the organisation running this live chat can change it.');
    }
    const event = await this.events.lock(tx, id);
    if (!event) throw notFound('The live chat');
    if (event.status === LiveChatStatus.CANCELLED) throw badInput('The live chat is cancelled: it can no longer change. Schedule a new one.');
    if (event.startsAt <= new Date()) throw badInput('The live chat has started: it can no longer change.');
    return event;
  }

  /** The caller's organisation, if it may hold a live chat for these institutions. */
  private async assertEmployerCanAct(caller: Principal, institutionIds: string[]): Promise<{ id: string; name: string }> {
    if (caller.role !== Role.EMPLOYER || !caller.organisationId) throw forbidden('Only employers can schedule live chats.');
    const [org] = await this.people.organisationsOf([caller.organisationId]);
    const approved = new Set(org?.approvedInstitutionIds ?? []);
    if (approved.size === 0) {
      throw forbidden('Your organisation is waiting for approval by careers staff. You can schedule live chats once an institution approves it.');
    }
    const missing = institutionIds.filter((i) => !approved.has(i.toLowerCase()));
    if (missing.length > 0) {
      throw badInput(`Your organisation is not approved by ${missing.length === 1 ? 'this institution' : 'these institutions'}: ${missing.join(', ')}. Choose among those that approved it.`, {
        field: 'institutionIds',
      });
    }
    return { id: caller.organisationId, name: org!.name };
  }

  private async assertColleagues(organisationId: string, hostIds: string[], tx?: EntityManager): Promise<void> {
    const people = await this.people.peopleOf(hostIds, tx);
    const ok = new Set(people.filter((p) => p.role === Role.EMPLOYER && p.organisationId === organisationId).map((p) => p.userId));
    const others = hostIds.filter((h) => !ok.has(h));
    if (others.length > 0) {
      throw badInput(`Hosts must be members of your organisation; these are not: ${others.join(', ')}.`, { field: 'hostIds' });
    }
  }

  private assertTimes(startsAt: Date, endsAt: Date): void {
    const now = Date.now();
    if (startsAt.getTime() <= now) throw badInput('startsAt must be in the future.', { field: 'startsAt' });
    if (startsAt.getTime() > now + 366 * 24 * HOUR) throw badInput('startsAt must be within a year from now.', { field: 'startsAt' });
    if (endsAt.getTime() <= startsAt.getTime()) throw badInput('endsAt must be after startsAt.', { field: 'endsAt' });
    if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_HOURS * HOUR) {
      throw badInput(`A live chat lasts at most ${MAX_DURATION_HOURS} hours: move endsAt earlier.`, { field: 'endsAt' });
    }
  }
}
