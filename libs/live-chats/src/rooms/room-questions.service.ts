import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LiveChatQuestionPayload, Principal } from '@careers/contracts';
import { badInput, type ConnectionArgs, type ConnectionShape, decodeCursor, encodeCursor, isUuid, pageSize, toConnection } from '@careers/platform';
import { DataSource } from 'typeorm';
import { roomError } from './room-error.js';
import { type QuestionCursor, questionRank, RoomQuestionsRepository } from './room-questions.repository.js';
import { assertMayContribute } from './room-refusals.js';
import { RoomRepository } from './room.repository.js';
import { RoomsService } from './rooms.service.js';

const MAX_QUESTIONS = 1000;

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

/** The audience's questions: asked before or during the chat, upvoted, marked answering or dismissed by the hosts. */
@Injectable()
export class RoomQuestionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rooms: RoomsService,
    private readonly room: RoomRepository,
    private readonly questionRows: RoomQuestionsRepository,
  ) {}

  /**
   * Questions ranked: the one being answered, then open ones by votes (then
   * age), then answered ones; dismissed ones only for hosts and staff. The
   * whole list (at most 1000), as the room's `questions:list` answers.
   */
  async questions(eventId: string, principal: Principal): Promise<LiveChatQuestionPayload[]> {
    return this.ranked(eventId, principal, MAX_QUESTIONS);
  }

  /** The ranked questions (as `questions`) page by page, keyset on the rank, so a page never repeats one already seen unless votes moved it. */
  async questionsConnection(eventId: string, principal: Principal, args: ConnectionArgs): Promise<ConnectionShape<LiveChatQuestionPayload>> {
    const first = pageSize(args);
    const rows = await this.ranked(eventId, principal, first + 1, args.after ? decodeQuestionCursor(args.after) : undefined);
    return toConnection(rows, first, (q) => encodeCursor(JSON.stringify([questionRank[q.status], q.upvotes, q.createdAt]), q.id));
  }

  private async ranked(eventId: string, principal: Principal, limit: number, after?: QuestionCursor): Promise<LiveChatQuestionPayload[]> {
    const a = await this.rooms.roleIn(eventId, principal);
    return this.questionRows.ranked(this.db.manager, eventId, principal.id, { limit, withDismissed: a.role !== 'REGISTERED', after });
  }

  /** A registered person asks, before or during the chat (until it ends or is closed). Repeating a client id returns the first question. */
  async ask(eventId: string, principal: Principal, input: { clientId: string; body: string }): Promise<LiveChatQuestionPayload> {
    const a = await this.rooms.roleIn(eventId, principal);
    if (a.role !== 'REGISTERED') throw roomError('FORBIDDEN', 'Questions come from the audience: hosts and staff answer them.');
    assertMayContribute(a, await this.room.snapshot(this.db.manager, eventId, principal.id), 'question');
    const authorName = await this.rooms.nameOf(principal.id);
    return this.questionRows.insertOnce(this.db.manager, eventId, { authorId: principal.id, authorName, clientId: input.clientId, body: input.body });
  }

  /** One vote per person, never on one's own question; voting again changes nothing. */
  async upvote(eventId: string, principal: Principal, questionId: string): Promise<LiveChatQuestionPayload> {
    await this.rooms.roleIn(eventId, principal);
    return this.db.transaction(async (tx) => {
      const q = await this.questionRows.find(tx, eventId, questionId);
      if (!q) throw roomError('NOT_FOUND', 'That question was not found in this live chat.');
      if (q.authorId === principal.id) throw roomError('FORBIDDEN', 'You cannot upvote your own question.');
      if (q.status === 'DISMISSED') throw roomError('FORBIDDEN', 'That question was dismissed.');
      return (await this.questionRows.vote(tx, questionId, principal.id)) ?? { ...q, upvotedByMe: true };
    });
  }

  /** Hosts mark the question they are answering now (any other being answered goes back to open), or dismiss one. */
  async decide(eventId: string, actor: Principal, questionId: string, status: 'ANSWERING' | 'DISMISSED'): Promise<LiveChatQuestionPayload> {
    await this.rooms.moderatorIn(eventId, actor);
    return this.db.transaction(async (tx) => {
      if (status === 'ANSWERING') await this.questionRows.reopenAnsweringExcept(tx, eventId, questionId);
      const q = await this.questionRows.decide(tx, eventId, questionId, status, actor.id);
      if (!q) throw roomError('NOT_FOUND', 'That question was not found in this live chat, or it is answered already.');
      if (status === 'DISMISSED') await this.room.log(tx, eventId, actor.id, 'DISMISS_QUESTION', { target: q.authorId, details: { questionId, body: q.body } });
      return q;
    });
  }
}
