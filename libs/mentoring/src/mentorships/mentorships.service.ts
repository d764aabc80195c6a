import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, type PeopleDirectory, type Principal } from '@careers/contracts';
import {
  APP_CONFIG,
  type AppConfig,
  type ConnectionArgs,
  badInput,
  canManageInstitution,
  conflict,
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  isUuid,
  notFound,
  Outbox,
  pageSize,
  toConnection,
} from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { canSeeMentor } from '../mentors/mentor-access.js';
import { MentorRepository } from '../mentors/mentor.repository.js';
import { MentoringBlockRepository } from './mentoring-block.repository.js';
import type { DeclineMentorshipInput, EndMentorshipInput, MyMentorshipsArgs, RequestMentorshipInput } from './mentorship.inputs.js';
import { type Mentorship, MentorshipRole, MentorshipStatus } from './mentorship.model.js';
import { type MentorshipAfter, type MentorshipRecord, MentorshipRepository } from './mentorship.repository.js';

/** Why a mentorship in `status` can no longer be decided, withdrawn or ended, in words a person can act on. */
const NOT_OPEN: Record<MentorshipStatus, string> = {
  [MentorshipStatus.REQUESTED]: 'This request still waits for the mentor: it is not active yet.',
  [MentorshipStatus.ACTIVE]: 'This request was already accepted: the mentorship is active.',
  [MentorshipStatus.DECLINED]: 'This request was declined: it can no longer be accepted, declined or withdrawn.',
  [MentorshipStatus.ENDED]: 'This mentorship has ended.',
  [MentorshipStatus.EXPIRED]: 'This request expired before the mentor decided: the student may ask again.',
  [MentorshipStatus.WITHDRAWN]: 'The student withdrew this request.',
};

const EXPIRE_BATCH = 500;

/**
 * The mentorships lifecycle: a student's request to a mentor of their network, the mentor's accept or decline,
 * the student's withdrawal, either side's end, expiry, and blocks between people. Each change runs in one
 * transaction with its outbox event; an accept locks the mentor's profile row and counts their ACTIVE mentorships
 * after the lock, so capacity holds under any number of concurrent accepts.
 */
@Injectable()
export class MentorshipsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: Outbox,
    private readonly mentors: MentorRepository,
    private readonly mentorships: MentorshipRepository,
    private readonly blocks: MentoringBlockRepository,
  ) {}

  /**
   * A student asks a mentor of their network. NOT_FOUND when the mentor is unknown, of another network, opted out
   * or blocked either way (none of which the student may tell apart); CONFLICT when the mentor is paused or full,
   * the pair already has an open request or mentorship, or the student is at the pending limit.
   */
  async request(caller: Principal, input: RequestMentorshipInput): Promise<Mentorship> {
    return this.db.transaction(async (tx) => {
      const mentor = await this.mentors.ofUser(tx, input.mentorId.toLowerCase());
      if (!mentor || mentor.optedOut || mentor.id === caller.id || !canSeeMentor(caller, mentor) || (await this.blocks.eitherWay(tx, caller.id, mentor.id))) {
        throw notFound('The mentor');
      }
      if (!mentor.offers.includes(input.asksFor)) {
        throw badInput(`${mentor.displayName} offers ${mentor.offers.join(', ')}: ask for one of those.`, {
          fields: { asksFor: [`asksFor must be one of the mentor's offers: ${mentor.offers.join(', ')}`] },
        });
      }
      if (!mentor.acceptingRequests) throw conflict(`${mentor.displayName} is not taking requests at the moment: try again later, or ask another mentor.`);
      if (mentor.placesFree <= 0) throw conflict(`${mentor.displayName} has no places free at the moment: ask another mentor.`);

      await this.mentorships.lockMentee(tx, caller.id);
      // Requests of this student that expired unmarked are marked now (and the student told), so they neither
      // count against the limit nor stand in the way of asking the same mentor again.
      await this.announceExpired(tx, await this.mentorships.expireDue(tx, { menteeId: caller.id, limit: EXPIRE_BATCH }));
      if (await this.mentorships.openBetween(tx, mentor.id, caller.id)) {
        throw conflict(`You already have an open request or an active mentorship with ${mentor.displayName}.`);
      }
      const limit = this.config.MENTORSHIP_PENDING_LIMIT;
      if ((await this.mentorships.pendingOf(tx, caller.id)) >= limit) {
        throw conflict(`You have ${limit} requests waiting for a decision, the most at once: withdraw one, or wait for an answer.`);
      }
      const [me] = await this.people.peopleOf([caller.id], tx);
      const id = await this.mentorships.create(tx, {
        mentorId: mentor.id,
        menteeId: caller.id,
        menteeName: me?.displayName ?? 'A student',
        menteeCourse: me?.course ?? null,
        menteeInstitutionId: caller.institutionId,
        message: input.message,
        asksFor: input.asksFor,
        ttlDays: this.config.MENTORSHIP_REQUEST_TTL_DAYS,
      });
      if (!id) throw conflict(`You already have an open request or an active mentorship with ${mentor.displayName}.`);
      await this.outbox.append(tx, {
        type: 'mentoring.mentorship-requested',
        aggregateType: 'mentorship',
        aggregateId: id,
        payload: { mentorshipId: id, mentorId: mentor.id, menteeName: me?.displayName ?? 'A student', asksFor: input.asksFor },
      });
      return this.view(caller, (await this.mentorships.get(tx, id))!);
    });
  }

  /**
   * The mentor accepts a request. The mentor's profile row is locked first and their ACTIVE mentorships counted in
   * a statement after it, so that concurrent accepts queue and the count each sees includes the ones before it.
   * Accepting while paused is allowed: pausing only stops new requests.
   */
  async accept(caller: Principal, id: string): Promise<Mentorship> {
    return this.db.transaction(async (tx) => {
      const mentor = await this.mentors.ofUser(tx, caller.id, { lock: true });
      const s = await this.decidable(tx, caller, id, !!mentor);
      const active = await this.mentorships.activeOf(tx, caller.id);
      if (active >= mentor!.capacity) {
        throw conflict(`You have ${active} active mentorships, your capacity (${mentor!.capacity}): end one, or raise your capacity, before accepting another.`);
      }
      await this.mentorships.accept(tx, s.id);
      await this.outbox.append(tx, {
        type: 'mentoring.mentorship-decided',
        aggregateType: 'mentorship',
        aggregateId: s.id,
        payload: { mentorshipId: s.id, menteeId: s.mentee.id, mentorName: s.mentor.displayName, accepted: true, reason: null },
      });
      return this.view(caller, (await this.mentorships.get(tx, s.id))!);
    });
  }

  /** The mentor declines a request, with an optional reason the student reads. */
  async decline(caller: Principal, input: DeclineMentorshipInput): Promise<Mentorship> {
    return this.db.transaction(async (tx) => {
      const s = await this.decidable(tx, caller, input.id.toLowerCase(), true);
      const reason = input.reason?.trim() || null;
      await this.mentorships.decline(tx, s.id, reason);
      await this.outbox.append(tx, {
        type: 'mentoring.mentorship-decided',
        aggregateType: 'mentorship',
        aggregateId: s.id,
        payload: { mentorshipId: s.id, menteeId: s.mentee.id, mentorName: s.mentor.displayName, accepted: false, reason },
      });
      return this.view(caller, (await this.mentorships.get(tx, s.id))!);
    });
  }

  /** The student takes back a request the mentor has not decided on. */
  async withdraw(caller: Principal, id: string): Promise<Mentorship> {
    return this.db.transaction(async (tx) => {
      const s = await this.mentorships.get(tx, id, { lock: true });
      if (!s || s.mentee.id !== caller.id) throw notFound('The mentorship request');
      if (s.status !== MentorshipStatus.REQUESTED) throw conflict(NOT_OPEN[s.status]);
      await this.mentorships.withdraw(tx, s.id);
      return this.view(caller, (await this.mentorships.get(tx, s.id))!);
    });
  }

  /** Either side ends an active mentorship, with optional feedback; the other side hears of it. */
  async end(caller: Principal, input: EndMentorshipInput): Promise<Mentorship> {
    return this.db.transaction(async (tx) => {
      const s = await this.mentorships.get(tx, input.id.toLowerCase(), { lock: true });
      if (!s || (s.mentor.id !== caller.id && s.mentee.id !== caller.id)) throw notFound('The mentorship');
      if (s.status !== MentorshipStatus.ACTIVE) throw conflict(s.status === MentorshipStatus.REQUESTED ? 'This request is not active: withdraw it, or decline it, instead.' : NOT_OPEN[s.status]);
      await this.mentorships.end(tx, s.id, caller.id, input.feedback?.trim() || null);
      const mentorEnded = s.mentor.id === caller.id;
      await this.outbox.append(tx, {
        type: 'mentoring.mentorship-ended',
        aggregateType: 'mentorship',
        aggregateId: s.id,
        payload: { mentorshipId: s.id, otherId: mentorEnded ? s.mentee.id : s.mentor.id, endedByName: mentorEnded ? s.mentor.displayName : s.mentee.displayName },
      });
      return this.view(caller, (await this.mentorships.get(tx, s.id))!);
    });
  }

  /**
   * The caller blocks the other side of one of their mentorships or requests (any state): every open request or
   * mentorship between them ends (quietly: no notice tells the other of a block), and from then on each is hidden
   * from the other (directory, suggestions, `mentor(id)`) and requests between them are refused. NOT_FOUND when
   * the two have never had a request between them.
   */
  async block(caller: Principal, userId: string): Promise<boolean> {
    if (userId === caller.id) throw badInput('You cannot block yourself.', { fields: { userId: ['userId must be someone else'] } });
    return this.db.transaction(async (tx) => {
      if (!(await this.mentorships.anyBetween(tx, caller.id, userId))) throw notFound('The person');
      await this.blocks.block(tx, caller.id, userId);
      await this.mentorships.endOpenBetween(tx, caller.id, userId);
      return true;
    });
  }

  /** Lifts the caller's own block; NOT_FOUND if they have none on that person. Ended mentorships stay ended. */
  async unblock(caller: Principal, userId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (!(await this.blocks.unblock(tx, caller.id, userId))) throw notFound('Your block on that person');
      return true;
    });
  }

  /** One mentorship: its two parties, the careers staff of either side's institution and admins; NOT_FOUND otherwise. */
  async get(caller: Principal, id: string): Promise<Mentorship> {
    const s = await this.mentorships.get(this.db.manager, id);
    if (!s || !this.canRead(caller, s)) throw notFound('The mentorship');
    return this.view(caller, s);
  }

  /** The caller's mentorships and requests, either side, newest first. */
  async mine(caller: Principal, args: MyMentorshipsArgs): Promise<ConnectionShape<Mentorship>> {
    const first = pageSize(args);
    const rows = await this.mentorships.ofPerson(this.db.manager, { userId: caller.id, status: args.status, after: afterOf(args), first });
    return this.page(caller, rows, first);
  }

  /** The mentor's inbox: requests waiting for their decision, oldest first. */
  async inbox(caller: Principal, args: ConnectionArgs): Promise<ConnectionShape<Mentorship>> {
    const first = pageSize(args);
    const rows = await this.mentorships.requestsTo(this.db.manager, { mentorId: caller.id, after: afterOf(args), first });
    return this.page(caller, rows, first);
  }

  /** Marks the requests that expired EXPIRED, in batches, telling each student once; returns how many. */
  async expireDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        const expired = await this.mentorships.expireDue(tx, { limit: EXPIRE_BATCH });
        await this.announceExpired(tx, expired);
        return expired.length;
      });
      total += n;
      if (n < EXPIRE_BATCH) return total;
    }
  }

  private async announceExpired(tx: EntityManager, expired: { id: string; menteeId: string; mentorName: string }[]): Promise<void> {
    for (const e of expired) {
      await this.outbox.append(tx, {
        type: 'mentoring.mentorship-expired',
        aggregateType: 'mentorship',
        aggregateId: e.id,
        payload: { mentorshipId: e.id, menteeId: e.menteeId, mentorName: e.mentorName },
      });
    }
  }

  /** The request `id` to the caller, locked and still REQUESTED; `isMentor` says whether the caller has a profile. */
  private async decidable(tx: EntityManager, caller: Principal, id: string, isMentor: boolean): Promise<MentorshipRecord> {
    const s = isMentor ? await this.mentorships.get(tx, id, { lock: true }) : null;
    if (!s || s.mentor.id !== caller.id) throw notFound('The mentorship request');
    if (s.status !== MentorshipStatus.REQUESTED) throw conflict(NOT_OPEN[s.status]);
    return s;
  }

  private canRead(caller: Principal, s: MentorshipRecord): boolean {
    return (
      caller.id === s.mentor.id ||
      caller.id === s.mentee.id ||
      canManageInstitution(caller, s.mentorInstitutionId) ||
      canManageInstitution(caller, s.menteeInstitutionId)
    );
  }

  private view(caller: Principal, s: MentorshipRecord): Mentorship {
    const { mentorInstitutionId: _m, menteeInstitutionId: _s, ...rest } = s;
    const myRole = caller.id === s.mentor.id ? MentorshipRole.MENTOR : caller.id === s.mentee.id ? MentorshipRole.MENTEE : null;
    return { ...rest, myRole };
  }

  private page(caller: Principal, rows: MentorshipRecord[], first: number): ConnectionShape<Mentorship> {
    const page = toConnection(rows, first, (s) => encodeCursor(s.requestedAt.toISOString(), s.id));
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: this.view(caller, e.node) })) };
  }
}

function afterOf(args: ConnectionArgs): MentorshipAfter | undefined {
  if (!args.after) return undefined;
  const [createdAt, id] = decodeCursor(args.after);
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)) || !isUuid(id)) {
    throw badInput('The cursor is not valid: pass the endCursor of a previous page.', { field: 'after' });
  }
  return { createdAt, id };
}
