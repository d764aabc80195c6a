import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PEOPLE_DIRECTORY,
  type LiveChatMessagePayload,
  type LiveChatQuestionPayload,
  type LiveChatRoomRole,
  type LiveChatRoomState,
  type PeopleDirectory,
  type Principal,
  TrustLevel,
} from '@careers/contracts';
import { badInput, type ConnectionArgs, type ConnectionShape, decodeCursor, encodeCursor, isUuid, pageSize, REDIS, toConnection } from '@careers/platform';
import type { Redis } from 'ioredis';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { LiveChatAccess, type LiveChatEventFacts, liveChatRoleParams, liveChatRoleSql } from '../access/live-chat-access.js';
import { LiveChatEvent, LiveChatStatus } from '../events/live-chat-event.entity.js';
import { visibleTo } from '../events/visibility.js';
import { roomError } from './room-error.js';

/** Hosts and staff may enter this long before the start, to get ready. */
export const EARLY_ENTRY_MS = 15 * 60_000;
export const MAX_PAGE = 500;

export interface RoomAccess {
  role: LiveChatRoomRole;
  event: LiveChatEventFacts;
}

interface RoomStateRow {
  lastSeq: number;
  slowModeSeconds: number;
  closedAt: Date | null;
  mutedUntil: Date | null;
  removed: boolean;
  existing: MessageRow | null;
  state: LiveChatRoomState;
}

interface MessageRow {
  event_id: string;
  seq: string;
  client_id: string;
  author_id: string;
  author_name: string;
  author_role: LiveChatRoomRole;
  body: string | null;
  question_id: string | null;
  created_at: Date;
  deleted_at: Date | null;
}
interface QuestionRow {
  id: string;
  event_id: string;
  author_id: string;
  author_name: string;
  body: string;
  status: LiveChatQuestionPayload['status'];
  upvotes: number;
  answer_seq: string | null;
  created_at: Date;
  upvoted_by_me?: boolean;
}

const MESSAGE_COLUMNS = `event_id, seq, client_id, author_id, author_name, author_role, body, question_id, created_at, deleted_at`;
const QUESTION_COLUMNS = `id, event_id, author_id, author_name, body, status, upvotes, answer_seq, created_at`;

export const toMessage = (r: MessageRow): LiveChatMessagePayload => ({
  eventId: r.event_id,
  seq: Number(r.seq),
  clientId: r.client_id,
  authorId: r.author_id,
  authorName: r.author_name,
  authorRole: r.author_role,
  body: r.deleted_at ? null : r.body,
  deleted: r.deleted_at !== null,
  questionId: r.question_id,
  createdAt: new Date(r.created_at).toISOString(),
});

const toQuestion = (r: QuestionRow): LiveChatQuestionPayload => ({
  id: r.id,
  eventId: r.event_id,
  authorId: r.author_id,
  authorName: r.author_name,
  body: r.body,
  status: r.status,
  upvotes: r.upvotes,
  upvotedByMe: r.upvoted_by_me ?? false,
  answerSeq: r.answer_seq === null ? null : Number(r.answer_seq),
  createdAt: new Date(r.created_at).toISOString(),
});

/** Where a question's status puts it in the ranking. */
const questionRank: Record<LiveChatQuestionPayload['status'], number> = { ANSWERING: 0, OPEN: 1, ANSWERED: 2, DISMISSED: 3 };
const MAX_QUESTIONS = 1000;

interface QuestionCursor {
  rank: number;
  upvotes: number;
  createdAt: string;
  id: string;
}

function decodeQuestionCursor(cursor: string): QuestionCursor {
  const [key, id] = decodeCursor(cursor);
  try {
    const [rank, upvotes, createdAt] = JSON.parse(String(key)) as unknown[];
    if (Number.isInteger(rank) && Number.isInteger(upvotes) && typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) && isUuid(id)) {
      return { rank: rank as number, upvotes: upvotes as number, createdAt, id };
    }
  } catch {
    // not ours: refused below
  }
  throw badInput('The cursor is not valid: pass the endCursor of a previous page.', { field: 'after' });
}

const notFoundEvent = () => roomError('NOT_FOUND', 'This live chat was not found, or is not approved.');

const isUniqueViolation = (error: unknown) => error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';

/**
 * The live room's rules and storage: who may enter when, messages with
 * gap-free per-room sequence numbers, history, questions, and the hosts' and
 * staff's controls. Every call checks the caller's role in the event afresh
 * (LiveChatAccess); the gateway and the resolver only translate.
 */
@Injectable()
export class RoomsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: LiveChatAccess,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  // ---------------------------------------------------------------- access

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
      const { sql, params } = visibleTo(principal);
      const visible = await (tx ?? this.db.manager).getRepository(LiveChatEvent).createQueryBuilder('e').where('e.id = :eventId', { eventId }).andWhere(sql, params).getExists();
      if (!visible) throw notFoundEvent();
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

  opensAt(a: RoomAccess): Date {
    return a.role === 'REGISTERED' ? a.event.startsAt : new Date(a.event.startsAt.getTime() - EARLY_ENTRY_MS);
  }

  assertOpen(a: RoomAccess, now = new Date()): void {
    const opensAt = this.opensAt(a);
    if (now < opensAt) {
      throw roomError('ROOM_NOT_OPEN', `The room opens at ${opensAt.toISOString()}${a.role === 'REGISTERED' ? '' : ' (15 minutes before the start for hosts and staff)'}.`, {
        opensAt: opensAt.toISOString(),
      });
    }
  }

  async nameOf(userId: string): Promise<string> {
    const [person] = await this.people.peopleOf([userId]);
    return person?.displayName ?? 'Someone';
  }

  // ---------------------------------------------------------------- room

  /**
   * Enters the room: the caller's role, the last sequence number and the
   * room's state. The room opens at the start (15 minutes earlier for hosts
   * and staff); after the end or once closed it stays readable.
   */
  async join(eventId: string, principal: Principal): Promise<RoomAccess & { lastSeq: number; state: LiveChatRoomState }> {
    const a = await this.roleIn(eventId, principal);
    this.assertOpen(a);
    const s = await this.stateFor(eventId, principal.id);
    if (s.removed) throw roomError('REMOVED', 'You were removed from this live chat by its hosts or careers staff.');
    return { ...a, lastSeq: s.lastSeq, state: s.state };
  }

  private async stateFor(eventId: string, userId: string, clientId?: string): Promise<RoomStateRow> {
    const rows: {
      last_seq: string;
      slow_mode_seconds: number;
      closed_at: Date | null;
      answering: string | null;
      muted_until: Date | null;
      removed: boolean;
      existing: MessageRow | null;
    }[] = await this.db.query(
      `SELECT r.last_seq, r.slow_mode_seconds, r.closed_at,
              (SELECT q.id FROM live_chat_question q WHERE q.event_id = r.event_id AND q.status = 'ANSWERING' ORDER BY q.updated_at DESC LIMIT 1) AS answering,
              (SELECT s.until FROM live_chat_sanction s WHERE s.event_id = r.event_id AND s.user_id = $2 AND s.kind = 'MUTE') AS muted_until,
              EXISTS (SELECT 1 FROM live_chat_sanction s WHERE s.event_id = r.event_id AND s.user_id = $2 AND s.kind = 'REMOVE') AS removed,
              (SELECT row_to_json(m) FROM (SELECT ${MESSAGE_COLUMNS} FROM live_chat_message
                WHERE event_id = r.event_id AND author_id = $2 AND client_id = $3) m) AS existing
       FROM live_chat_room r WHERE r.event_id = $1`,
      [eventId, userId, clientId ?? null],
    );
    if (rows.length === 0) {
      await this.db.query(`INSERT INTO live_chat_room (event_id) VALUES ($1) ON CONFLICT (event_id) DO NOTHING`, [eventId]);
      return this.stateFor(eventId, userId, clientId);
    }
    const r = rows[0]!;
    return {
      lastSeq: Number(r.last_seq),
      slowModeSeconds: r.slow_mode_seconds,
      closedAt: r.closed_at,
      mutedUntil: r.muted_until ? new Date(r.muted_until) : null,
      removed: r.removed,
      existing: r.existing,
      state: { eventId, slowModeSeconds: r.slow_mode_seconds, closed: r.closed_at !== null, answeringQuestionId: r.answering },
    };
  }

  async state(eventId: string): Promise<LiveChatRoomState> {
    return (await this.stateFor(eventId, '00000000-0000-0000-0000-000000000000')).state;
  }

  /**
   * Stores a message with the room's next sequence number, in one
   * transaction, and returns it. A retry with the same client id returns the
   * message stored the first time (no second row, no second number).
   */
  async send(
    eventId: string,
    principal: Principal,
    input: { clientId: string; body: string; questionId?: string },
    authorName: string,
  ): Promise<{ message: LiveChatMessagePayload; created: boolean; answered?: LiveChatQuestionPayload }> {
    if (input.questionId === undefined) {
      const stored = await this.sendChecked(eventId, principal, input, authorName);
      if (stored) return { message: stored, created: true };
    }
    return this.sendOrRefuse(eventId, principal, input, authorName);
  }

  /**
   * The common case in one statement, which PostgreSQL runs as one
   * transaction: every check of sendOrRefuse that can pass without Redis (a
   * role, open, not closed or ended, not muted or removed, no slow mode for a
   * student, a new client id), then the room's next number taken under the room
   * row's lock and the message inserted with it. One round trip instead of
   * three: each waits behind the broadcasts on a busy process. `null` when a
   * check fails (or the room row does not exist yet): sendOrRefuse says why.
   */
  private async sendChecked(eventId: string, principal: Principal, input: { clientId: string; body: string }, authorName: string): Promise<LiveChatMessagePayload | null> {
    if (!isUuid(eventId)) return null;
    try {
      const rows: MessageRow[] = await this.db.query(
        `WITH caller AS (
           SELECT ${liveChatRoleSql('e', 2)} AS role,
                  e.starts_at, e.ends_at
           FROM live_chat_event e WHERE e.id = $1 AND e.status = '${LiveChatStatus.APPROVED}'),
         room AS (
           UPDATE live_chat_room r SET last_seq = r.last_seq + 1 FROM caller c
           WHERE r.event_id = $1 AND c.role IS NOT NULL
             AND now() >= c.starts_at - CASE WHEN c.role = 'REGISTERED' THEN interval '0' ELSE make_interval(secs => $9) END
             AND now() < c.ends_at AND r.closed_at IS NULL
             AND (r.slow_mode_seconds = 0 OR c.role <> 'REGISTERED')
             AND NOT EXISTS (SELECT 1 FROM live_chat_sanction s WHERE s.event_id = $1 AND s.user_id = $2 AND (s.kind = 'REMOVE' OR (s.kind = 'MUTE' AND s.until > now())))
             AND NOT EXISTS (SELECT 1 FROM live_chat_message m WHERE m.event_id = $1 AND m.author_id = $2 AND m.client_id = $6)
           RETURNING r.last_seq, c.role)
         INSERT INTO live_chat_message (event_id, seq, author_id, author_name, author_role, client_id, body)
         SELECT $1, room.last_seq, $2, $7, room.role, $6, $8 FROM room RETURNING ${MESSAGE_COLUMNS}`,
        [eventId, ...liveChatRoleParams(principal), input.clientId, authorName, input.body, EARLY_ENTRY_MS / 1000],
      );
      return rows[0] ? toMessage(rows[0]) : null;
    } catch (error) {
      if (isUniqueViolation(error)) return null; // the same client id sent twice at once: sendOrRefuse finds the other
      throw error;
    }
  }

  /** Every check one by one, with the reason for a refusal; a retried client id gets its first message. */
  private async sendOrRefuse(
    eventId: string,
    principal: Principal,
    input: { clientId: string; body: string; questionId?: string },
    authorName: string,
  ): Promise<{ message: LiveChatMessagePayload; created: boolean; answered?: LiveChatQuestionPayload }> {
    const [a, s] = await Promise.all([this.roleIn(eventId, principal), this.stateFor(eventId, principal.id, input.clientId)]);
    if (s.existing) return { message: toMessage(s.existing), created: false };
    this.assertOpen(a);
    if (s.removed) throw roomError('REMOVED', 'You were removed from this live chat by its hosts or careers staff.');
    if (s.closedAt || Date.now() >= a.event.endsAt.getTime()) throw roomError('ROOM_CLOSED', 'This live chat has ended: the room is read-only.');
    if (s.mutedUntil && s.mutedUntil.getTime() > Date.now()) {
      throw roomError('MUTED', `You are muted in this live chat until ${s.mutedUntil.toISOString()}.`, { until: s.mutedUntil.toISOString() });
    }
    if (input.questionId !== undefined && a.role === 'REGISTERED') throw roomError('FORBIDDEN', 'Only the hosts and careers staff answer questions.');
    if (a.role === 'REGISTERED' && s.slowModeSeconds > 0) {
      // One message per period per student, across every api process.
      const key = `live-chat:slow:${eventId}:${principal.id}`;
      const set = await this.redis.set(key, '1', 'PX', s.slowModeSeconds * 1000, 'NX');
      if (set === null) {
        const left = Math.max(1, Math.ceil((await this.redis.pttl(key)) / 1000));
        throw roomError('SLOW_MODE', `Slow mode is on: one message every ${s.slowModeSeconds} seconds. Try again in ${left} seconds.`, { retryAfter: left });
      }
    }
    try {
      return await this.db.transaction(async (tx) => {
        let answered: QuestionRow | undefined;
        if (input.questionId !== undefined) {
          [answered] = await tx.query(`SELECT ${QUESTION_COLUMNS} FROM live_chat_question WHERE id = $1 AND event_id = $2 FOR UPDATE`, [input.questionId, eventId]);
          if (!answered) throw roomError('NOT_FOUND', 'That question was not found in this live chat.');
        }
        const [[room]] = await tx.query(`UPDATE live_chat_room SET last_seq = last_seq + 1 WHERE event_id = $1 RETURNING last_seq`, [eventId]);
        const [row] = await tx.query(
          `INSERT INTO live_chat_message (event_id, seq, author_id, author_name, author_role, client_id, body, question_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${MESSAGE_COLUMNS}`,
          [eventId, room.last_seq, principal.id, authorName, a.role, input.clientId, input.body, input.questionId ?? null],
        );
        if (answered) {
          [[answered]] = await tx.query(
            `UPDATE live_chat_question SET status = 'ANSWERED', answer_seq = $2, decided_by_id = $3, updated_at = now() WHERE id = $1 RETURNING ${QUESTION_COLUMNS}`,
            [answered.id, room.last_seq, principal.id],
          );
        }
        return { message: toMessage(row as MessageRow), created: true, answered: answered ? toQuestion(answered) : undefined };
      });
    } catch (error) {
      // The same client id sent twice at once: the other one won; answer with its message.
      if (!isUniqueViolation(error)) throw error;
      const again = await this.stateFor(eventId, principal.id, input.clientId);
      if (!again.existing) throw error;
      return { message: toMessage(again.existing), created: false };
    }
  }

  /** Messages after `afterSeq`, in order, deleted ones as tombstones; at most `limit` (≤ 500). */
  async since(eventId: string, principal: Principal, afterSeq: number, limit: number): Promise<{ messages: LiveChatMessagePayload[]; hasMore: boolean }> {
    const a = await this.roleIn(eventId, principal);
    this.assertOpen(a);
    const n = Math.min(Math.max(limit, 1), MAX_PAGE);
    const [rows, [removed]]: [MessageRow[], { n: number }[]] = await Promise.all([
      this.db.query(`SELECT ${MESSAGE_COLUMNS} FROM live_chat_message WHERE event_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [eventId, afterSeq, n + 1]),
      this.db.query(`SELECT count(*)::int AS n FROM live_chat_sanction WHERE event_id = $1 AND user_id = $2 AND kind = 'REMOVE'`, [eventId, principal.id]),
    ]);
    if (removed!.n > 0) throw roomError('REMOVED', 'You were removed from this live chat by its hosts or careers staff.');
    return { messages: rows.slice(0, n).map(toMessage), hasMore: rows.length > n };
  }

  // ---------------------------------------------------------------- controls

  private async log(tx: EntityManager, eventId: string, actorId: string, action: string, fields: { target?: string | null; seq?: number | null; details?: object } = {}) {
    await tx.query(
      `INSERT INTO live_chat_moderation_log (event_id, actor_id, action, target_user_id, message_seq, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [eventId, actorId, action, fields.target ?? null, fields.seq ?? null, JSON.stringify(fields.details ?? {})],
    );
  }

  /** Deletes a message for everyone: it stays as a tombstone; what it said goes to the audit log. Deleting it again changes nothing. */
  async deleteMessage(eventId: string, actor: Principal, seq: number): Promise<{ deleted: boolean }> {
    await this.moderatorIn(eventId, actor);
    return this.db.transaction(async (tx) => {
      const [m]: MessageRow[] = await tx.query(`SELECT ${MESSAGE_COLUMNS} FROM live_chat_message WHERE event_id = $1 AND seq = $2 FOR UPDATE`, [eventId, seq]);
      if (!m) throw roomError('NOT_FOUND', `There is no message ${seq} in this live chat.`);
      if (m.deleted_at) return { deleted: false };
      await tx.query(`UPDATE live_chat_message SET body = NULL, deleted_at = now() WHERE event_id = $1 AND seq = $2`, [eventId, seq]);
      await this.log(tx, eventId, actor.id, 'DELETE_MESSAGE', { target: m.author_id, seq, details: { body: m.body, authorName: m.author_name } });
      return { deleted: true };
    });
  }

  /**
   * Only people who registered for the event (with a place, waitlisted or
   * cancelled) can be muted or removed; hosts and staff never. Anyone else is
   * NOT_FOUND like an id that does not exist: whether some user id of another
   * tenant exists is not the moderators' to learn.
   */
  private async assertSanctionable(eventId: string, userId: string): Promise<void> {
    const [person] = await this.people.peopleOf([userId]);
    const target: Principal | null = person
      ? { id: person.userId, role: person.role, institutionId: person.institutionId, organisationId: person.organisationId, trustLevel: TrustLevel.NEW, sessionId: '' }
      : null;
    const found = target && (await this.access.roleInEvent(eventId, target));
    if (found?.role === 'HOST' || found?.role === 'STAFF') throw roomError('FORBIDDEN', 'Hosts and careers staff cannot be muted or removed.');
    const registered: unknown[] = target ? await this.db.query(`SELECT 1 FROM live_chat_registration WHERE event_id = $1 AND user_id = $2`, [eventId, userId]) : [];
    if (registered.length === 0) throw roomError('NOT_FOUND', 'That person has not registered for this live chat.');
  }

  async mute(eventId: string, actor: Principal, userId: string, minutes: number): Promise<{ until: Date }> {
    await this.moderatorIn(eventId, actor);
    await this.assertSanctionable(eventId, userId);
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query(
        `INSERT INTO live_chat_sanction (event_id, user_id, kind, until, by_id) VALUES ($1, $2, 'MUTE', now() + make_interval(mins => $3), $4)
         ON CONFLICT (event_id, user_id, kind) DO UPDATE SET until = EXCLUDED.until, by_id = EXCLUDED.by_id, created_at = now() RETURNING until`,
        [eventId, userId, minutes, actor.id],
      );
      await this.log(tx, eventId, actor.id, 'MUTE', { target: userId, details: { minutes } });
      return { until: new Date(row.until) };
    });
  }

  async remove(eventId: string, actor: Principal, userId: string): Promise<void> {
    await this.moderatorIn(eventId, actor);
    await this.assertSanctionable(eventId, userId);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO live_chat_sanction (event_id, user_id, kind, by_id) VALUES ($1, $2, 'REMOVE', $3) ON CONFLICT (event_id, user_id, kind) DO NOTHING`,
        [eventId, userId, actor.id],
      );
      await this.log(tx, eventId, actor.id, 'REMOVE', { target: userId });
    });
  }

  async slowMode(eventId: string, actor: Principal, seconds: number): Promise<LiveChatRoomState> {
    await this.moderatorIn(eventId, actor);
    await this.stateFor(eventId, actor.id); // the room exists
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE live_chat_room SET slow_mode_seconds = $2 WHERE event_id = $1`, [eventId, seconds]);
      await this.log(tx, eventId, actor.id, 'SLOW_MODE', { details: { seconds } });
    });
    return this.state(eventId);
  }

  async close(eventId: string, actor: Principal): Promise<LiveChatRoomState> {
    await this.moderatorIn(eventId, actor);
    await this.stateFor(eventId, actor.id);
    await this.db.transaction(async (tx) => {
      const [, updated] = await tx.query(`UPDATE live_chat_room SET closed_at = now(), closed_by_id = $2 WHERE event_id = $1 AND closed_at IS NULL`, [eventId, actor.id]);
      if (updated) await this.log(tx, eventId, actor.id, 'CLOSE');
    });
    return this.state(eventId);
  }

  // ---------------------------------------------------------------- questions

  /**
   * Questions ranked: the one being answered, then open ones by votes (then
   * age), then answered ones; dismissed ones only for hosts and staff. The
   * whole list (at most 1000), as the room's `questions:list` answers.
   */
  async questions(eventId: string, principal: Principal): Promise<LiveChatQuestionPayload[]> {
    return (await this.rankedQuestions(eventId, principal, MAX_QUESTIONS)).map(toQuestion);
  }

  /** The ranked questions (as `questions`) page by page, keyset on the rank, so a page never repeats one already seen unless votes moved it. */
  async questionsConnection(eventId: string, principal: Principal, args: ConnectionArgs): Promise<ConnectionShape<LiveChatQuestionPayload>> {
    const first = pageSize(args);
    const rows = await this.rankedQuestions(eventId, principal, first + 1, args.after ? decodeQuestionCursor(args.after) : undefined);
    const page = toConnection(rows, first, (r) => encodeCursor(JSON.stringify([questionRank[r.status], r.upvotes, new Date(r.created_at).toISOString()]), r.id));
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toQuestion(e.node) })) };
  }

  private async rankedQuestions(eventId: string, principal: Principal, limit: number, after?: QuestionCursor): Promise<QuestionRow[]> {
    const a = await this.roleIn(eventId, principal);
    const rank = `CASE q.status ${Object.entries(questionRank).map(([status, n]) => `WHEN '${status}' THEN ${n}`).join(' ')} END`;
    return this.db.query(
      `SELECT ${QUESTION_COLUMNS.split(', ').map((c) => `q.${c}`).join(', ')},
              EXISTS (SELECT 1 FROM live_chat_question_vote v WHERE v.question_id = q.id AND v.user_id = $2) AS upvoted_by_me
       FROM live_chat_question q WHERE q.event_id = $1 ${a.role === 'REGISTERED' ? `AND q.status <> 'DISMISSED'` : ''}
         ${after ? `AND (${rank}, -q.upvotes, q.created_at, q.id) > ($4::int, $5::int, $6::timestamptz, $7::uuid)` : ''}
       ORDER BY ${rank}, q.upvotes DESC, q.created_at, q.id
       LIMIT $3`,
      [eventId, principal.id, limit, ...(after ? [after.rank, -after.upvotes, after.createdAt, after.id] : [])],
    );
  }

  /** A registered person asks, before or during the chat (until it ends or is closed). Repeating a client id returns the first question. */
  async ask(eventId: string, principal: Principal, input: { clientId: string; body: string }): Promise<LiveChatQuestionPayload> {
    const a = await this.roleIn(eventId, principal);
    if (a.role !== 'REGISTERED') throw roomError('FORBIDDEN', 'Questions come from the audience: hosts and staff answer them.');
    const s = await this.stateFor(eventId, principal.id);
    if (s.removed) throw roomError('REMOVED', 'You were removed from this live chat by its hosts or careers staff.');
    if (s.closedAt || Date.now() >= a.event.endsAt.getTime()) throw roomError('ROOM_CLOSED', 'This live chat has ended: questions are closed.');
    if (s.mutedUntil && s.mutedUntil.getTime() > Date.now()) {
      throw roomError('MUTED', `You are muted in this live chat until ${s.mutedUntil.toISOString()}.`, { until: s.mutedUntil.toISOString() });
    }
    const name = await this.nameOf(principal.id);
    const [row]: QuestionRow[] = await this.db.query(
      `WITH ins AS (
         INSERT INTO live_chat_question (event_id, author_id, author_name, client_id, body) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (event_id, author_id, client_id) DO NOTHING RETURNING ${QUESTION_COLUMNS})
       SELECT * FROM ins
       UNION ALL SELECT ${QUESTION_COLUMNS} FROM live_chat_question WHERE event_id = $1 AND author_id = $2 AND client_id = $4
       LIMIT 1`,
      [eventId, principal.id, name, input.clientId, input.body],
    );
    return toQuestion(row!);
  }

  /** One vote per person, never on one's own question; voting again changes nothing. */
  async upvote(eventId: string, principal: Principal, questionId: string): Promise<LiveChatQuestionPayload> {
    await this.roleIn(eventId, principal);
    return this.db.transaction(async (tx) => {
      const [q]: QuestionRow[] = await tx.query(`SELECT ${QUESTION_COLUMNS} FROM live_chat_question WHERE id = $1 AND event_id = $2`, [questionId, eventId]);
      if (!q) throw roomError('NOT_FOUND', 'That question was not found in this live chat.');
      if (q.author_id === principal.id) throw roomError('FORBIDDEN', 'You cannot upvote your own question.');
      if (q.status === 'DISMISSED') throw roomError('FORBIDDEN', 'That question was dismissed.');
      const inserted: unknown[] = await tx.query(
        `INSERT INTO live_chat_question_vote (question_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
        [questionId, principal.id],
      );
      if (inserted.length === 0) return toQuestion({ ...q, upvoted_by_me: true });
      const [[row]] = await tx.query(`UPDATE live_chat_question SET upvotes = upvotes + 1, updated_at = now() WHERE id = $1 RETURNING ${QUESTION_COLUMNS}`, [questionId]);
      return toQuestion({ ...row, upvoted_by_me: true });
    });
  }

  /** Hosts mark the question they are answering now (any other being answered goes back to open), or dismiss one. */
  async decide(eventId: string, actor: Principal, questionId: string, status: 'ANSWERING' | 'DISMISSED'): Promise<LiveChatQuestionPayload> {
    await this.moderatorIn(eventId, actor);
    return this.db.transaction(async (tx) => {
      if (status === 'ANSWERING') {
        await tx.query(`UPDATE live_chat_question SET status = 'OPEN', updated_at = now() WHERE event_id = $1 AND status = 'ANSWERING' AND id <> $2`, [eventId, questionId]);
      }
      const [rows] = await tx.query(
        `UPDATE live_chat_question SET status = $3, decided_by_id = $4, updated_at = now() WHERE id = $1 AND event_id = $2 AND status <> 'ANSWERED' RETURNING ${QUESTION_COLUMNS}`,
        [questionId, eventId, status, actor.id],
      );
      const row = (rows as QuestionRow[])[0];
      if (!row) throw roomError('NOT_FOUND', 'That question was not found in this live chat, or it is answered already.');
      if (status === 'DISMISSED') await this.log(tx, eventId, actor.id, 'DISMISS_QUESTION', { target: row.author_id, details: { questionId, body: row.body } });
      return toQuestion(row);
    });
  }

  // ---------------------------------------------------------------- transcript

  /** For hosts and staff: the messages (without deleted ones) from `afterSeq`, and the answered questions with their answers. */
  async transcript(eventId: string, principal: Principal, afterSeq: number, first: number) {
    await this.moderatorIn(eventId, principal);
    const n = Math.min(Math.max(first, 1), MAX_PAGE);
    const [rows, questions]: [MessageRow[], (QuestionRow & { answer: string | null; answered_by: string | null })[]] = await Promise.all([
      this.db.query(`SELECT ${MESSAGE_COLUMNS} FROM live_chat_message WHERE event_id = $1 AND seq > $2 AND deleted_at IS NULL ORDER BY seq LIMIT $3`, [eventId, afterSeq, n + 1]),
      this.db.query(
        `SELECT ${QUESTION_COLUMNS.split(', ').map((c) => `q.${c}`).join(', ')}, m.body AS answer, m.author_name AS answered_by
         FROM live_chat_question q LEFT JOIN live_chat_message m ON m.event_id = q.event_id AND m.seq = q.answer_seq AND m.deleted_at IS NULL
         WHERE q.event_id = $1 AND q.status = 'ANSWERED' ORDER BY q.answer_seq`,
        [eventId],
      ),
    ]);
    return {
      messages: rows.slice(0, n).map(toMessage),
      hasMore: rows.length > n,
      answeredQuestions: questions.map((q) => ({ question: toQuestion(q), answer: q.answer, answeredBy: q.answered_by })),
    };
  }
}
