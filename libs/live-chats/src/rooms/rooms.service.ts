import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, type LiveChatMessagePayload, type LiveChatQuestionPayload, type LiveChatRoomState, type PeopleDirectory, type Principal } from '@careers/contracts';
import { isUuid, REDIS } from '@careers/platform';
import type { Redis } from 'ioredis';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { LiveChatAccess } from '../access/live-chat-access.repository.js';
import { LiveChatStatus } from '../events/live-chat-event.entity.js';
import { roomError } from './room-error.js';
import { RoomMessagesRepository } from './room-messages.repository.js';
import { RoomQuestionsRepository } from './room-questions.repository.js';
import { assertMayContribute, assertNotRemoved, assertOpen, type RoomAccess } from './room-refusals.js';
import { RoomRepository, type RoomSnapshot } from './room.repository.js';

export const MAX_PAGE = 500;

const notFoundEvent = () => roomError('NOT_FOUND', 'This live chat was not found, or is not approved.');

const isUniqueViolation = (error: unknown) => error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';

type Sent = { message: LiveChatMessagePayload; created: boolean; answered?: LiveChatQuestionPayload };

/**
 * The live room's entry and messages: who may enter when, messages with
 * gap-free per-room sequence numbers, history and the transcript. Every call
 * checks the caller's role in the event afresh (LiveChatAccess); the gateway
 * and the resolver only translate. Questions are RoomQuestionsService's, the
 * moderators' controls RoomControlsService's; both ask this one for the role.
 */
@Injectable()
export class RoomsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: LiveChatAccess,
    private readonly room: RoomRepository,
    private readonly messages: RoomMessagesRepository,
    private readonly questionRows: RoomQuestionsRepository,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /**
   * The caller's role in an approved event, or a refusal. Someone who may not
   * see the event at all (another organisation's employer, another
   * institution's staff or students) gets the NOT_FOUND of an id that does not
   * exist, so ids cannot be probed; FORBIDDEN is for those who can see it.
   */
  async roleIn(eventId: string, principal: Principal, tx?: EntityManager): Promise<RoomAccess> {
    const found = await this.access.roleInEvent(eventId, principal, tx);
    if (!found || found.event.status !== LiveChatStatus.APPROVED) throw notFoundEvent();
    if (!found.role) {
      if (!(await this.room.eventVisible(tx ?? this.db.manager, eventId, principal))) throw notFoundEvent();
      throw roomError('FORBIDDEN', 'Only people registered for this live chat (with a place, not on the waitlist), its hosts and careers staff of its institutions may take part.');
    }
    return { role: found.role, event: found.event };
  }

  /** Hosts and staff only. */
  async moderatorIn(eventId: string, principal: Principal): Promise<RoomAccess> {
    const a = await this.roleIn(eventId, principal);
    if (a.role === 'REGISTERED') throw roomError('FORBIDDEN', 'Only the hosts and careers staff can do this.');
    return a;
  }

  async nameOf(userId: string): Promise<string> {
    const [person] = await this.people.peopleOf([userId]);
    return person?.displayName ?? 'Someone';
  }

  /** The room (created on first use) and where `userId` stands in it. */
  snapshot(eventId: string, userId: string, clientId?: string): Promise<RoomSnapshot> {
    return this.room.snapshot(this.db.manager, eventId, userId, clientId);
  }

  /**
   * Enters the room: the caller's role, the last sequence number and the
   * room's state; a registrant's first entry counts as attending. The room opens at the start (15 minutes earlier for hosts
   * and staff); after the end or once closed it stays readable.
   */
  async join(eventId: string, principal: Principal): Promise<RoomAccess & { lastSeq: number; state: LiveChatRoomState }> {
    const a = await this.roleIn(eventId, principal);
    assertOpen(a);
    const s = await this.snapshot(eventId, principal.id);
    assertNotRemoved(s);
    if (a.role === 'REGISTERED') await this.room.recordAttendance(this.db.manager, eventId, principal.id);
    return { ...a, lastSeq: s.lastSeq, state: s.state };
  }

  async state(eventId: string): Promise<LiveChatRoomState> {
    return (await this.snapshot(eventId, '00000000-0000-0000-0000-000000000000')).state;
  }

  /**
   * Stores a message with the room's next sequence number, in one
   * transaction, and returns it. A retry with the same client id returns the
   * message stored the first time (no second row, no second number). The
   * common case is one statement (RoomMessagesRepository.insertChecked);
   * when it stores nothing, or the message answers a question, sendOrRefuse
   * goes step by step and says why it refuses.
   */
  async send(eventId: string, principal: Principal, input: { clientId: string; body: string; questionId?: string }, authorName: string): Promise<Sent> {
    if (input.questionId === undefined && isUuid(eventId)) {
      try {
        const stored = await this.messages.insertChecked(this.db.manager, eventId, principal, input, authorName);
        if (stored) return { message: stored, created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // the same client id sent twice at once: sendOrRefuse finds the other
      }
    }
    return this.sendOrRefuse(eventId, principal, input, authorName);
  }

  /** Every check one by one, with the reason for a refusal; a retried client id gets its first message. */
  private async sendOrRefuse(eventId: string, principal: Principal, input: { clientId: string; body: string; questionId?: string }, authorName: string): Promise<Sent> {
    const [a, s] = await Promise.all([this.roleIn(eventId, principal), this.snapshot(eventId, principal.id, input.clientId)]);
    if (s.existing) return { message: s.existing, created: false };
    assertMayContribute(a, s, 'message');
    if (input.questionId !== undefined && a.role === 'REGISTERED') throw roomError('FORBIDDEN', 'Only the hosts and careers staff answer questions.');
    if (a.role === 'REGISTERED') await this.assertSlowMode(eventId, principal.id, s.slowModeSeconds);
    const { questionId } = input;
    try {
      return await this.db.transaction(async (tx) => {
        if (questionId !== undefined && !(await this.questionRows.find(tx, eventId, questionId, true))) {
          throw roomError('NOT_FOUND', 'That question was not found in this live chat.');
        }
        const message = await this.messages.insertNumbered(tx, eventId, {
          authorId: principal.id,
          authorName,
          authorRole: a.role,
          clientId: input.clientId,
          body: input.body,
          questionId: questionId ?? null,
        });
        const answered = questionId === undefined ? undefined : await this.questionRows.markAnswered(tx, questionId, message.seq, principal.id);
        return { message, created: true, answered };
      });
    } catch (error) {
      // The same client id sent twice at once: the other one won; answer with its message.
      if (!isUniqueViolation(error)) throw error;
      const again = await this.snapshot(eventId, principal.id, input.clientId);
      if (!again.existing) throw error;
      return { message: again.existing, created: false };
    }
  }

  /** One message per period per student when slow mode is on, across every api process. */
  private async assertSlowMode(eventId: string, userId: string, seconds: number): Promise<void> {
    if (seconds <= 0) return;
    const key = `live-chat:slow:${eventId}:${userId}`;
    const set = await this.redis.set(key, '1', 'PX', seconds * 1000, 'NX');
    if (set === null) {
      const left = Math.max(1, Math.ceil((await this.redis.pttl(key)) / 1000));
      throw roomError('SLOW_MODE', `Slow mode is on: one message every ${seconds} seconds. Try again in ${left} seconds.`, { retryAfter: left });
    }
  }

  /** Messages after `afterSeq`, in order, deleted ones as tombstones; at most `limit` (≤ 500). */
  async since(eventId: string, principal: Principal, afterSeq: number, limit: number): Promise<{ messages: LiveChatMessagePayload[]; hasMore: boolean }> {
    const a = await this.roleIn(eventId, principal);
    assertOpen(a);
    const n = Math.min(Math.max(limit, 1), MAX_PAGE);
    const [rows, removed] = await Promise.all([
      this.messages.after(this.db.manager, eventId, afterSeq, n + 1),
      this.room.isRemoved(this.db.manager, eventId, principal.id),
    ]);
    assertNotRemoved({ removed });
    return { messages: rows.slice(0, n), hasMore: rows.length > n };
  }

  /** For hosts and staff: the messages (without deleted ones) from `afterSeq`, and the answered questions with their answers. */
  async transcript(eventId: string, principal: Principal, afterSeq: number, first: number) {
    await this.moderatorIn(eventId, principal);
    const n = Math.min(Math.max(first, 1), MAX_PAGE);
    const [rows, answeredQuestions] = await Promise.all([
      this.messages.after(this.db.manager, eventId, afterSeq, n + 1, false),
      this.questionRows.answered(this.db.manager, eventId),
    ]);
    return { messages: rows.slice(0, n), hasMore: rows.length > n, answeredQuestions };
  }
}
