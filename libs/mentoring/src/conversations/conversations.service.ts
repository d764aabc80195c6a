import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, type PeopleDirectory, type Principal } from '@careers/contracts';
import { badInput, conflict, type ConnectionShape, decodeCursor, encodeCursor, notFound, pageSize, RealtimePublisher, toConnection } from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { CONVERSATION_LIMITS, type MentorshipMessagesArgs, type ProposeMentorshipGoalInput, type SendMentorshipMessageInput } from './conversation.inputs.js';
import { type MentorshipConversation, type MentorshipGoal, MentorshipGoalStatus, type MentorshipMessage, MentorshipSide } from './conversation.models.js';
import { ConversationRepository, type GoalRow, goalFor, type MentorshipParties, type StoredMessage } from './conversation.repository.js';

/** The statuses whose conversation exists: written while ACTIVE, read only once ENDED. */
const READABLE = new Set(['ACTIVE', 'ENDED']);

/**
 * A mentorship's private conversation: messages, read receipts and goals. Private to the two parties: anyone else
 * (staff and admins included) gets NOT_FOUND, as for a mentorship that does not exist. Changes run in one
 * transaction with the mentorship's row locked (so a mentorship's messages are numbered in the order they commit,
 * and its goals counted under the limit); the two parties' sockets hear of them after commit.
 */
@Injectable()
export class ConversationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    private readonly conversations: ConversationRepository,
    private readonly realtime: RealtimePublisher,
  ) {}

  /** The conversation as the caller sees it: the other party, unread count, receipts and goals. */
  async conversation(caller: Principal, mentorshipId: string): Promise<MentorshipConversation> {
    const m = this.db.manager;
    const mentorship = await this.partyOf(m, caller, mentorshipId);
    const other = otherParty(mentorship, caller.id);
    const [people, unreadCount, otherReadUpToId, goals] = await Promise.all([
      this.people.peopleOf([other]),
      this.conversations.unreadCount(m, mentorshipId, caller.id),
      this.conversations.readUpTo(m, mentorshipId, other),
      this.conversations.goals(m, mentorshipId),
    ]);
    return {
      mentorshipId,
      status: mentorship.status,
      writable: mentorship.status === 'ACTIVE',
      yourSide: mentorship.mentorId === caller.id ? MentorshipSide.MENTOR : MentorshipSide.MENTEE,
      otherPartyId: other,
      otherPartyName: people[0]?.displayName ?? 'Former member',
      unreadCount,
      otherReadUpToId,
      goals: goals.map((g) => goalFor(g, caller.id)),
    };
  }

  /** The caller's unread counts, per mentorship with unread messages (the mentorships list shows them). */
  unreadCounts(caller: Principal): Promise<{ mentorshipId: string; unreadCount: number }[]> {
    return this.conversations.unreadCounts(this.db.manager, caller.id);
  }

  /** A page of messages, newest first; `after` goes on to older ones. */
  async messages(caller: Principal, args: MentorshipMessagesArgs): Promise<ConnectionShape<MentorshipMessage>> {
    const m = this.db.manager;
    const mentorship = await this.partyOf(m, caller, args.mentorshipId);
    const first = pageSize(args);
    const before = args.after ? String(decodeCursor(args.after)[0]) : null;
    if (before !== null && !/^\d{1,19}$/.test(before)) throw badInput('The cursor is not valid: pass the endCursor of a previous page.', { field: 'after' });
    const [rows, reads] = await Promise.all([this.conversations.page(m, args.mentorshipId, before, first + 1), this.conversations.readPositions(m, args.mentorshipId)]);
    const seen = (msg: StoredMessage) => this.view(msg, caller.id, mentorship, reads);
    return toConnection(rows.map(seen), first, (msg) => encodeCursor(msg.seq, msg.id));
  }

  /**
   * The caller sends a message to the other party of an ACTIVE mentorship. A retry with the same client id returns
   * the message stored the first time (and pushes nothing again).
   */
  async send(caller: Principal, input: SendMentorshipMessageInput): Promise<MentorshipMessage> {
    const { mentorship, stored, fresh, reads } = await this.db.transaction(async (tx) => {
      const mentorship = await this.partyOf(tx, caller, input.mentorshipId, { lock: true });
      assertWritable(mentorship);
      const inserted = await this.conversations.insertMessage(tx, mentorship.id, caller.id, input.body, input.clientId);
      const stored = inserted ?? (await this.conversations.messageByClientId(tx, mentorship.id, caller.id, input.clientId))!;
      return { mentorship, stored, fresh: inserted !== null, reads: await this.conversations.readPositions(tx, mentorship.id) };
    });
    if (fresh) {
      const push = { mentorshipId: stored.mentorshipId, id: stored.id, senderId: stored.senderId, body: stored.body, clientId: stored.clientId, createdAt: stored.createdAt.toISOString() };
      for (const userId of [mentorship.mentorId, mentorship.menteeId]) this.realtime.toUser(userId, 'mentorship:message', push);
    }
    return this.view(stored, caller.id, mentorship, reads);
  }

  /** The caller has read the conversation up to `messageId`; the other party hears of it when that moved their position. */
  async markRead(caller: Principal, mentorshipId: string, messageId: string): Promise<MentorshipConversation> {
    const { moved, mentorship } = await this.db.transaction(async (tx) => {
      const mentorship = await this.partyOf(tx, caller, mentorshipId);
      const message = await this.conversations.message(tx, mentorshipId, messageId);
      if (!message) throw notFound('The message');
      return { moved: await this.conversations.markRead(tx, mentorshipId, caller.id, message.seq), mentorship };
    });
    if (moved) {
      this.realtime.toUser(otherParty(mentorship, caller.id), 'mentorship:read', {
        mentorshipId,
        readerId: caller.id,
        upToMessageId: messageId,
        readAt: new Date().toISOString(),
      });
    }
    return this.conversation(caller, mentorshipId);
  }

  /** Either party proposes a goal; the other agrees to it. At most CONVERSATION_LIMITS.goals per mentorship. */
  async proposeGoal(caller: Principal, input: ProposeMentorshipGoalInput): Promise<MentorshipGoal> {
    return this.changeGoals(caller, input.mentorshipId, async (tx, mentorship) => {
      if ((await this.conversations.goalCount(tx, mentorship.id)) >= CONVERSATION_LIMITS.goals) {
        throw conflict(`A mentorship has at most ${CONVERSATION_LIMITS.goals} goals: remove one first.`);
      }
      return this.conversations.insertGoal(tx, mentorship.id, caller.id, input.text);
    });
  }

  /** The party who did not propose a goal agrees to it. */
  async agreeGoal(caller: Principal, goalId: string): Promise<MentorshipGoal> {
    return this.changeGoal(caller, goalId, async (tx, goal) => {
      if (goal.status !== MentorshipGoalStatus.PROPOSED) throw conflict('This goal is already agreed.');
      if (goal.proposed_by === caller.id) throw conflict('The other party agrees to the goals you propose.');
      return this.conversations.setGoalStatus(tx, goal.id, MentorshipGoalStatus.AGREED);
    });
  }

  /** Either party marks an agreed goal complete. */
  async completeGoal(caller: Principal, goalId: string): Promise<MentorshipGoal> {
    return this.changeGoal(caller, goalId, async (tx, goal) => {
      if (goal.status !== MentorshipGoalStatus.AGREED) {
        throw conflict(goal.status === MentorshipGoalStatus.COMPLETED ? 'This goal is already complete.' : 'Agree on the goal first: the other party has yet to agree to it.');
      }
      return this.conversations.setGoalStatus(tx, goal.id, MentorshipGoalStatus.COMPLETED);
    });
  }

  /** Either party removes a goal (proposed, agreed or complete); returns it as it was. */
  async removeGoal(caller: Principal, goalId: string): Promise<MentorshipGoal> {
    return this.changeGoal(caller, goalId, async (tx, goal) => {
      await this.conversations.deleteGoal(tx, goal.id);
      return goal;
    });
  }

  private async changeGoal(caller: Principal, goalId: string, change: (tx: EntityManager, goal: GoalRow) => Promise<GoalRow>): Promise<MentorshipGoal> {
    const goal = await this.conversations.goal(this.db.manager, goalId);
    if (!goal) throw notFound('The goal');
    return this.changeGoals(caller, goal.mentorship_id, async (tx) => {
      // Read again under the mentorship's lock: the other party may have changed it meanwhile.
      const current = await this.conversations.goal(tx, goalId);
      if (!current) throw notFound('The goal');
      return change(tx, current);
    });
  }

  private async changeGoals(
    caller: Principal,
    mentorshipId: string,
    change: (tx: EntityManager, mentorship: MentorshipParties) => Promise<GoalRow>,
  ): Promise<MentorshipGoal> {
    const { row, mentorship } = await this.db.transaction(async (tx) => {
      const mentorship = await this.partyOf(tx, caller, mentorshipId, { lock: true }, 'The goal');
      assertWritable(mentorship);
      return { row: await change(tx, mentorship), mentorship };
    });
    for (const userId of [mentorship.mentorId, mentorship.menteeId]) this.realtime.toUser(userId, 'mentorship:goals', { mentorshipId });
    return goalFor(row, caller.id);
  }

  /** The mentorship, if the caller is one of its parties and it has a conversation; NOT_FOUND otherwise (whoever asks). */
  private async partyOf(m: EntityManager, caller: Principal, mentorshipId: string, opts: { lock?: boolean } = {}, what = 'The mentorship'): Promise<MentorshipParties> {
    const mentorship = await this.conversations.mentorship(m, mentorshipId, opts);
    if (!mentorship || !READABLE.has(mentorship.status) || (mentorship.mentorId !== caller.id && mentorship.menteeId !== caller.id)) throw notFound(what);
    return mentorship;
  }

  private view(msg: StoredMessage, viewerId: string, mentorship: MentorshipParties, reads: Map<string, string>): MentorshipMessage {
    const recipientRead = reads.get(otherParty(mentorship, msg.senderId));
    return { ...msg, sentByYou: msg.senderId === viewerId, readByRecipient: recipientRead !== undefined && BigInt(recipientRead) >= BigInt(msg.seq) };
  }
}

const otherParty = (m: MentorshipParties, userId: string) => (m.mentorId === userId ? m.menteeId : m.mentorId);

function assertWritable(m: MentorshipParties): void {
  if (m.status !== 'ACTIVE') throw conflict('This mentorship has ended: its conversation can be read but no longer changed.');
}
