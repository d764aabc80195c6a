import { Injectable } from '@nestjs/common';
import type { LiveChatQuestionPayload } from '@careers/contracts';
import type { EntityManager } from 'typeorm';

/**
 * The room's audience questions and their votes (`live_chat_question`,
 * `live_chat_question_vote`). Dialect: see room-messages.repository.ts.
 */
export interface QuestionRow {
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

const QUESTION_COLUMNS = `id, event_id, author_id, author_name, body, status, upvotes, answer_seq, created_at`;
const Q_COLUMNS = QUESTION_COLUMNS.split(', ').map((c) => `q.${c}`).join(', ');

export const toQuestion = (r: QuestionRow): LiveChatQuestionPayload => ({
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
export const questionRank: Record<LiveChatQuestionPayload['status'], number> = { ANSWERING: 0, OPEN: 1, ANSWERED: 2, DISMISSED: 3 };
const RANK_SQL = `CASE q.status ${Object.entries(questionRank).map(([status, n]) => `WHEN '${status}' THEN ${n}`).join(' ')} END`;

/** A position in the ranking: a page starts after it. */
export interface QuestionCursor {
  rank: number;
  upvotes: number;
  createdAt: string;
  id: string;
}

@Injectable()
export class RoomQuestionsRepository {
  /** Ranked: the one being answered, open ones by votes (then age), answered, dismissed (unless left out); from after `after`. */
  async ranked(m: EntityManager, eventId: string, viewerId: string, opts: { limit: number; withDismissed: boolean; after?: QuestionCursor }): Promise<LiveChatQuestionPayload[]> {
    const { after } = opts;
    const rows: QuestionRow[] = await m.query(
      `SELECT ${Q_COLUMNS},
              EXISTS (SELECT 1 FROM live_chat_question_vote v WHERE v.question_id = q.id AND v.user_id = $2) AS upvoted_by_me
       FROM live_chat_question q WHERE q.event_id = $1 ${opts.withDismissed ? '' : `AND q.status <> 'DISMISSED'`}
         ${after ? `AND (${RANK_SQL}, -q.upvotes, q.created_at, q.id) > ($4::int, $5::int, $6::timestamptz, $7::uuid)` : ''}
       ORDER BY ${RANK_SQL}, q.upvotes DESC, q.created_at, q.id
       LIMIT $3`,
      [eventId, viewerId, opts.limit, ...(after ? [after.rank, -after.upvotes, after.createdAt, after.id] : [])],
    );
    return rows.map(toQuestion);
  }

  /** Stores the question, or returns the one stored with the same client id. */
  async insertOnce(m: EntityManager, eventId: string, q: { authorId: string; authorName: string; clientId: string; body: string }): Promise<LiveChatQuestionPayload> {
    const [row]: QuestionRow[] = await m.query(
      `WITH ins AS (
         INSERT INTO live_chat_question (event_id, author_id, author_name, client_id, body) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (event_id, author_id, client_id) DO NOTHING RETURNING ${QUESTION_COLUMNS})
       SELECT * FROM ins
       UNION ALL SELECT ${QUESTION_COLUMNS} FROM live_chat_question WHERE event_id = $1 AND author_id = $2 AND client_id = $4
       LIMIT 1`,
      [eventId, q.authorId, q.authorName, q.clientId, q.body],
    );
    return toQuestion(row!);
  }

  /** The question in this event, or null; `forUpdate` locks it until `tx` ends. */
  async find(m: EntityManager, eventId: string, questionId: string, forUpdate = false): Promise<LiveChatQuestionPayload | null> {
    const [row]: QuestionRow[] = await m.query(`SELECT ${QUESTION_COLUMNS} FROM live_chat_question WHERE id = $1 AND event_id = $2 ${forUpdate ? 'FOR UPDATE' : ''}`, [
      questionId,
      eventId,
    ]);
    return row ? toQuestion(row) : null;
  }

  /** Counts `userId`'s vote once; the question as it is after it, or null when they had voted already. */
  async vote(tx: EntityManager, questionId: string, userId: string): Promise<LiveChatQuestionPayload | null> {
    const inserted: unknown[] = await tx.query(`INSERT INTO live_chat_question_vote (question_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`, [questionId, userId]);
    if (inserted.length === 0) return null;
    const [[row]]: [QuestionRow[]] = await tx.query(`UPDATE live_chat_question SET upvotes = upvotes + 1, updated_at = now() WHERE id = $1 RETURNING ${QUESTION_COLUMNS}`, [questionId]);
    return toQuestion({ ...row!, upvoted_by_me: true });
  }

  /** Any other question being answered goes back to open. */
  async reopenAnsweringExcept(tx: EntityManager, eventId: string, questionId: string): Promise<void> {
    await tx.query(`UPDATE live_chat_question SET status = 'OPEN', updated_at = now() WHERE event_id = $1 AND status = 'ANSWERING' AND id <> $2`, [eventId, questionId]);
  }

  /** Sets the status of a question not answered yet; null when there is none. */
  async decide(tx: EntityManager, eventId: string, questionId: string, status: 'ANSWERING' | 'DISMISSED', byId: string): Promise<LiveChatQuestionPayload | null> {
    const [rows]: [QuestionRow[]] = await tx.query(
      `UPDATE live_chat_question SET status = $3, decided_by_id = $4, updated_at = now() WHERE id = $1 AND event_id = $2 AND status <> 'ANSWERED' RETURNING ${QUESTION_COLUMNS}`,
      [questionId, eventId, status, byId],
    );
    return rows[0] ? toQuestion(rows[0]) : null;
  }

  async markAnswered(tx: EntityManager, questionId: string, answerSeq: number, byId: string): Promise<LiveChatQuestionPayload> {
    const [[row]]: [QuestionRow[]] = await tx.query(
      `UPDATE live_chat_question SET status = 'ANSWERED', answer_seq = $2, decided_by_id = $3, updated_at = now() WHERE id = $1 RETURNING ${QUESTION_COLUMNS}`,
      [questionId, answerSeq, byId],
    );
    return toQuestion(row!);
  }

  /** The answered questions in the order they were answered, with the answer (null once deleted) and who gave it. */
  async answered(m: EntityManager, eventId: string): Promise<{ question: LiveChatQuestionPayload; answer: string | null; answeredBy: string | null }[]> {
    const rows: (QuestionRow & { answer: string | null; answered_by: string | null })[] = await m.query(
      `SELECT ${Q_COLUMNS}, m.body AS answer, m.author_name AS answered_by
       FROM live_chat_question q LEFT JOIN live_chat_message m ON m.event_id = q.event_id AND m.seq = q.answer_seq AND m.deleted_at IS NULL
       WHERE q.event_id = $1 AND q.status = 'ANSWERED' ORDER BY q.answer_seq`,
      [eventId],
    );
    return rows.map((q) => ({ question: toQuestion(q), answer: q.answer, answeredBy: q.answered_by }));
  }
}
