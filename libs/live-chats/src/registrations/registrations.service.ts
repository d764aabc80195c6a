import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, Role, type PeopleDirectory, type Principal } from '@careers/contracts';
import { type ConnectionArgs, type ConnectionShape, decodeCursor, encodeCursor, forbidden, notFound, Outbox, pageSize, toConnection } from '@careers/platform';
import { DataSource } from 'typeorm';
import { eligibilityProblem } from '../events/eligibility.js';
import { LiveChatEvent, LiveChatStatus } from '../events/live-chat-event.entity.js';
import { LiveChatsService } from '../events/live-chats.service.js';
import { LiveChatRegistration, RegistrationStatus } from './live-chat-registration.entity.js';
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
    private readonly events: LiveChatsService,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
  ) {}

  /** Registers the caller, or waitlists them when the event is full. Registering again returns the same registration. */
  async register(caller: Principal, eventId: string): Promise<LiveChatRegistration> {
    return this.db.transaction(async (tx) => {
      const seen = await this.events.visible(caller, eventId, tx);
      const [me] = await this.people.peopleOf([caller.id], tx);
      if (caller.role !== Role.STUDENT || !me) throw forbidden('Only students can register for live chats.');
      const event = await tx.getRepository(LiveChatEvent).findOneOrFail({ where: { id: seen.id }, lock: { mode: 'pessimistic_write' } });
      const existing = await tx.getRepository(LiveChatRegistration).findOneBy({ eventId: event.id, userId: caller.id });
      if (existing && existing.status !== RegistrationStatus.CANCELLED) return existing;
      if (event.status === LiveChatStatus.CANCELLED) throw forbidden('This live chat was cancelled: you cannot register.');
      if (event.status !== LiveChatStatus.APPROVED) throw forbidden('This live chat is not open for registration yet.');
      if (event.endsAt <= new Date()) throw forbidden('This live chat is over: you cannot register.');
      const approvedHere: unknown[] = await tx.query(
        `SELECT 1 FROM live_chat_audience WHERE event_id = $1 AND institution_id = $2 AND status = 'APPROVED'`,
        [event.id, caller.institutionId],
      );
      if (approvedHere.length === 0) throw forbidden('Your institution has not approved this live chat: you cannot register.');
      const problem = eligibilityProblem(event, me);
      if (problem) throw forbidden(problem);

      const waiting: unknown[] = await tx.query(`SELECT 1 FROM live_chat_registration WHERE event_id = $1 AND status = 'WAITLISTED' LIMIT 1`, [event.id]);
      const status = event.registeredCount < event.capacity && waiting.length === 0 ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED;
      // A new place in the queue (a fresh position), also for someone who cancelled and comes back.
      await tx.query(
        `INSERT INTO live_chat_registration (event_id, user_id, status) VALUES ($1, $2, $3)
         ON CONFLICT (event_id, user_id) DO UPDATE
           SET status = EXCLUDED.status, position = nextval('live_chat_registration_position'), updated_at = now()`,
        [event.id, caller.id, status],
      );
      if (status === RegistrationStatus.REGISTERED) {
        await tx.query(`UPDATE live_chat_event SET registered_count = registered_count + 1 WHERE id = $1`, [event.id]);
      }
      return tx.getRepository(LiveChatRegistration).findOneByOrFail({ eventId: event.id, userId: caller.id });
    });
  }

  /** Gives up the caller's place (or waitlist spot); the first waitlisted person moves up and is told. */
  async cancel(caller: Principal, eventId: string): Promise<LiveChatRegistration> {
    return this.db.transaction(async (tx) => {
      const event = await tx.getRepository(LiveChatEvent).findOne({ where: { id: eventId }, lock: { mode: 'pessimistic_write' } });
      const registration = event && (await tx.getRepository(LiveChatRegistration).findOneBy({ eventId, userId: caller.id }));
      if (!event || !registration) throw notFound('Your registration for this live chat');
      if (registration.status === RegistrationStatus.CANCELLED) return registration;
      await tx.getRepository(LiveChatRegistration).update({ id: registration.id }, { status: RegistrationStatus.CANCELLED });
      if (registration.status === RegistrationStatus.REGISTERED) {
        await tx.query(`UPDATE live_chat_event SET registered_count = registered_count - 1 WHERE id = $1`, [eventId]);
        if (event.status === LiveChatStatus.APPROVED && event.endsAt > new Date()) await promoteWaitlisted(tx, this.outbox, event);
      }
      return tx.getRepository(LiveChatRegistration).findOneByOrFail({ id: registration.id });
    });
  }

  /** The caller's registrations (registered or waitlisted) for events that have not ended, soonest first. */
  async mine(caller: Principal, args: ConnectionArgs): Promise<ConnectionShape<LiveChatRegistration & { startsAt: Date }>> {
    const first = pageSize(args);
    const params: unknown[] = [caller.id, first + 1];
    let after = '';
    if (args.after) {
      const [startsAt, id] = decodeCursor(args.after);
      params.push(startsAt, id);
      after = 'AND (e.starts_at, r.id) > ($3::timestamptz, $4::uuid)';
    }
    const rows: (LiveChatRegistration & { startsAt: Date })[] = await this.db.query(
      `SELECT r.id, r.event_id AS "eventId", r.user_id AS "userId", r.status, r.position, r.created_at AS "createdAt",
              r.updated_at AS "updatedAt", e.starts_at AS "startsAt"
       FROM live_chat_registration r JOIN live_chat_event e ON e.id = r.event_id
       WHERE r.user_id = $1 AND r.status IN ('REGISTERED', 'WAITLISTED') AND e.ends_at > now() ${after}
       ORDER BY e.starts_at, r.id LIMIT $2`,
      params,
    );
    return toConnection(rows, first, (r) => encodeCursor(new Date(r.startsAt).toISOString(), r.id));
  }

  /** The caller's registration of each event (a DataLoader batch). */
  async ofUser(userId: string, eventIds: readonly string[]): Promise<(LiveChatRegistration | null)[]> {
    const rows = await this.db
      .getRepository(LiveChatRegistration)
      .createQueryBuilder('r')
      .where('r.user_id = :userId AND r.event_id = ANY(:eventIds)', { userId, eventIds })
      .getMany();
    const map = new Map(rows.map((r) => [r.eventId, r]));
    return eventIds.map((id) => map.get(id) ?? null);
  }

  /** Place in the waitlist (1 = next to move up), for each waitlisted registration. */
  async waitlistPlaces(registrationIds: readonly string[]): Promise<(number | null)[]> {
    const rows: { id: string; place: number }[] = await this.db.query(
      `SELECT r.id, (SELECT count(*)::int FROM live_chat_registration w
                     WHERE w.event_id = r.event_id AND w.status = 'WAITLISTED' AND w.position <= r.position) AS place
       FROM live_chat_registration r WHERE r.id = ANY($1::uuid[]) AND r.status = 'WAITLISTED'`,
      [registrationIds],
    );
    const map = new Map(rows.map((r) => [r.id, r.place]));
    return registrationIds.map((id) => map.get(id) ?? null);
  }
}
