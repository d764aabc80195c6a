import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, type Principal } from '@careers/contracts';
import {
  badInput,
  type ConnectionArgs,
  type ConnectionShape,
  conflict,
  decodeCursor,
  encodeCursor,
  forbidden,
  notFound,
  Outbox,
  pageSize,
  toConnection,
} from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { LiveChatAccess } from '../access/live-chat-access.repository.js';
import { LiveChatAudienceRepository } from '../events/live-chat-audience.repository.js';
import { LiveChatStatus } from '../events/live-chat-event.entity.js';
import { LiveChatEventRepository } from '../events/live-chat-event.repository.js';
import { LiveChatsService } from '../events/live-chats.service.js';
import type { LiveChatFollowUp, LiveChatPublication, LiveChatQaItem } from './qa.entity.js';
import { MAX_ANSWER, MAX_QUESTION } from './qa.inputs.js';
import { QaRepository } from './qa.repository.js';

/** One answered question of a chat, as the live room hands it over for the Q&A page. */
export interface TranscriptItem {
  question: string;
  answer: string;
  /** The student who asked; null when unknown or anonymised. */
  askedById: string | null;
  /** The host who answered; null when unknown. */
  answeredById: string | null;
}

/**
 * Where the Q&A page's items come from when staff publish it: the live room's
 * answered audience questions, in the order they should appear. The room
 * provides it (bind LIVE_CHAT_ANSWERED_QUESTIONS in LiveChatsCoreModule);
 * until then NoAnsweredQuestions gives none, and the page has follow-ups only.
 */
export interface AnsweredQuestionsSource {
  answeredQuestions(eventId: string): Promise<TranscriptItem[]>;
}
export const LIVE_CHAT_ANSWERED_QUESTIONS = Symbol('LIVE_CHAT_ANSWERED_QUESTIONS');

export class NoAnsweredQuestions implements AnsweredQuestionsSource {
  async answeredQuestions(): Promise<TranscriptItem[]> {
    return [];
  }
}

export const MAX_TRANSCRIPT_ITEMS = 1000;

/**
 * The Q&A page of a chat, after it: the host signs it off, staff of an
 * audience institution publish it (the answered questions are copied then, a
 * snapshot), students search it and ask follow-ups that hosts answer.
 */
@Injectable()
export class LiveChatQaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox,
    private readonly rows: QaRepository,
    private readonly audience: LiveChatAudienceRepository,
    private readonly access: LiveChatAccess,
    private readonly events: LiveChatsService,
    private readonly eventRows: LiveChatEventRepository,
    @Inject(LIVE_CHAT_ANSWERED_QUESTIONS) private readonly source: AnsweredQuestionsSource,
  ) {}

  /** A host agrees that the chat's questions and answers may be published. Signing off again changes nothing. */
  async signOff(caller: Principal, eventId: string): Promise<LiveChatPublication> {
    const event = await this.events.visible(caller, eventId);
    if ((await this.access.roleInEvent(eventId, caller))?.role !== 'HOST') throw forbidden('Only a host of this live chat can sign off its Q&A page.');
    if (event.status !== LiveChatStatus.APPROVED) throw badInput('Only an approved live chat can have a Q&A page.');
    await this.rows.signOff(this.db.manager, eventId, caller.id);
    return this.rows.getPublication(this.db.manager, eventId);
  }

  /** Staff publish the page with the room's answered questions (see AnsweredQuestionsSource). */
  async publish(caller: Principal, eventId: string): Promise<LiveChatPublication> {
    await this.events.visible(caller, eventId);
    return this.publishTranscript(caller, eventId, await this.source.answeredQuestions(eventId));
  }

  /**
   * Publishes the Q&A page of a chat that is over, copying `items` (answered
   * questions, in page order) onto it. `publisher` must be careers staff of an
   * institution that approved the chat (or an admin), and a host must have
   * signed it off. Publishing again returns the publication unchanged: the
   * page is a snapshot. Throws AppErrors (NOT_FOUND, FORBIDDEN, BAD_USER_INPUT).
   */
  async publishTranscript(publisher: Principal, eventId: string, items: readonly TranscriptItem[]): Promise<LiveChatPublication> {
    const clean = this.validItems(items);
    return this.db.transaction(async (tx) => {
      const seen = await this.events.visible(publisher, eventId, tx);
      // Publishing one page happens once: the event's lock makes a second publisher wait, then see it published.
      const event = await this.eventRows.lock(tx, seen.id);
      if (!event) throw notFound('This live chat');
      await this.assertStaffWhoApproved(publisher, event.id, tx);
      const publication = await this.rows.publication(tx, event.id);
      if (!publication) throw forbidden('A host of the live chat has not signed off its Q&A page yet: ask the employer to.');
      if (publication.publishedAt) return publication;
      if (event.status !== LiveChatStatus.APPROVED) throw badInput('Only an approved live chat can have a Q&A page.');
      if (event.endsAt > new Date()) throw badInput('The live chat is not over yet: publish its Q&A page after it ends.');
      await this.rows.insertItems(tx, event.id, clean);
      await this.rows.markPublished(tx, event.id, publisher.id);
      return this.rows.getPublication(tx, event.id);
    });
  }

  /** The page: published ones for everyone who may see the chat; before that, its hosts and staff see the sign-off. */
  async page(caller: Principal, eventId: string): Promise<LiveChatPublication> {
    await this.events.visible(caller, eventId);
    const publication = await this.rows.publication(this.db.manager, eventId);
    if (publication?.publishedAt) return publication;
    const role = (await this.access.roleInEvent(eventId, caller))?.role;
    if (publication && (role === 'HOST' || role === 'STAFF')) return publication;
    throw notFound('The Q&A page of this live chat');
  }

  async items(eventId: string, args: ConnectionArgs): Promise<ConnectionShape<LiveChatQaItem>> {
    const first = pageSize(args);
    const rows = await this.rows.items(this.db.manager, eventId, first + 1, args.after ? Number(decodeCursor(args.after)[0]) : undefined);
    return toConnection(rows, first, (q) => encodeCursor(q.position, q.id));
  }

  async followUps(eventId: string, args: ConnectionArgs): Promise<ConnectionShape<LiveChatFollowUp>> {
    const first = pageSize(args);
    const rows = await this.rows.followUps(this.db.manager, eventId, first + 1, args.after ? decodeCursor(args.after) : undefined);
    return toConnection(rows, first, (f) => encodeCursor(f.createdAt.toISOString(), f.id));
  }

  /**
   * Published Q&A items the caller may see that match `query`: whole words
   * (full text, stemmed: "interviews" finds "interview") or parts of words
   * (trigrams: "intern" finds "internships"); best matches first.
   */
  async search(caller: Principal, query: string, args: ConnectionArgs): Promise<ConnectionShape<LiveChatQaItem>> {
    const first = pageSize(args);
    let after: [number, string] | undefined;
    if (args.after) {
      const [s, id] = decodeCursor(args.after);
      after = [Number(s), id];
    }
    const rows = await this.rows.search(this.db.manager, caller, query.trim(), first + 1, after);
    return toConnection(rows, first, (r) => encodeCursor(r.score, r.id));
  }

  /** A student who may see the published page asks a follow-up question; the hosts are told. */
  async ask(caller: Principal, eventId: string, question: string): Promise<LiveChatFollowUp> {
    const publication = await this.page(caller, eventId);
    if (!publication.publishedAt) throw notFound('The Q&A page of this live chat');
    return this.db.transaction(async (tx) => {
      const event = await this.eventRows.get(tx, eventId);
      const asked = await this.rows.askFollowUp(tx, eventId, caller.id, question.trim());
      const [hostIds = []] = await this.eventRows.hostsOf(tx, [eventId]);
      await this.outbox.append(tx, {
        type: 'live-chats.follow-up-asked',
        aggregateType: 'live-chat',
        aggregateId: eventId,
        payload: { eventId, title: event.title, questionId: asked.id, hostIds },
      });
      return asked;
    });
  }

  /** A host answers a follow-up; the student who asked is told. */
  async answer(caller: Principal, id: string, answer: string): Promise<LiveChatFollowUp> {
    return this.db.transaction(async (tx) => {
      const followUp = await this.rows.lockFollowUp(tx, id);
      if (!followUp) throw notFound('The follow-up question');
      const event = await this.events.visible(caller, followUp.eventId, tx).catch(() => null);
      if (!event) throw notFound('The follow-up question');
      if ((await this.access.roleInEvent(event.id, caller, tx))?.role !== 'HOST') throw forbidden('Only a host of this live chat can answer its follow-up questions.');
      if (followUp.answeredAt) throw conflict('This question has an answer already.');
      await this.rows.answerFollowUp(tx, id, answer.trim(), caller.id);
      await this.outbox.append(tx, {
        type: 'live-chats.follow-up-answered',
        aggregateType: 'live-chat',
        aggregateId: event.id,
        payload: { eventId: event.id, title: event.title, questionId: id, askerId: followUp.askedById },
      });
      return this.rows.followUp(tx, id);
    });
  }

  private async assertStaffWhoApproved(caller: Principal, eventId: string, tx: EntityManager): Promise<void> {
    if (caller.role === Role.ADMIN) return;
    const approved = caller.role === Role.STAFF && (await this.audience.approvedBy(tx, eventId, caller.institutionId));
    if (!approved) throw forbidden('Only careers staff of an institution that approved this live chat can publish its Q&A page.');
  }

  private validItems(items: readonly TranscriptItem[]): TranscriptItem[] {
    if (items.length > MAX_TRANSCRIPT_ITEMS) throw badInput(`A Q&A page holds at most ${MAX_TRANSCRIPT_ITEMS} questions; ${items.length} were given.`);
    return items.map((item, n) => {
      const question = item.question.trim();
      const answer = item.answer.trim();
      if (question.length === 0 || question.length > MAX_QUESTION) throw badInput(`Question ${n + 1} must be 1 to ${MAX_QUESTION} characters.`);
      if (answer.length === 0 || answer.length > MAX_ANSWER) throw badInput(`The answer to question ${n + 1} must be 1 to ${MAX_ANSWER} characters.`);
      return { question, answer, askedById: item.askedById, answeredById: item.answeredById };
    });
  }
}
