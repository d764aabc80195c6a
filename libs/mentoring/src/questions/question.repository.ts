import { Injectable } from '@nestjs/common';
import type { Principal } from '@careers/contracts';
import type { EntityManager } from 'typeorm';
import { visibleQuestionsSql } from './question-access.js';
import type { AnswerRevision, QuestionRevision, QuestionTag } from './question.model.js';

/**
 * The questions-and-answers aggregate's SQL: questions, answers, their earlier versions, votes, views and tag
 * follows. Raw parameterised SQL through the EntityManager the caller passes in (CONTRIBUTING, "Repositories hold
 * the SQL"); every read of more than one question goes through visibleQuestionsSql, so private questions stay with
 * the people who may see them in lists, searches, counts and tag lists alike.
 */
export interface QuestionRow {
  id: string;
  institution_id: string;
  asker_id: string;
  visibility: 'COMMUNITY' | 'PRIVATE';
  mentor_id: string | null;
  title: string;
  body: string;
  tags: string[];
  answer_count: number;
  accepted_answer_id: string | null;
  view_count: number;
  created_at: Date;
  edited_at: Date | null;
}

export interface AnswerRow {
  id: string;
  question_id: string;
  author_id: string;
  body: string;
  score: number;
  created_at: Date;
  edited_at: Date | null;
  accepted: boolean;
  my_vote: boolean | null;
}

/** An answer with what the rules need of its question. */
export interface AnswerInQuestion {
  id: string;
  authorId: string;
  question: QuestionRow;
}

/** The feed's keyset position: the score (0 without a search) and creation time of the last question of the page before. */
export interface FeedAfter {
  score: string;
  createdAt: string;
  id: string;
}

const QUESTION_COLUMNS = `q.id, q.institution_id, q.asker_id, q.visibility::text AS visibility, q.mentor_id, q.title, q.body, q.tags,
  q.answer_count, q.accepted_answer_id, q.view_count, q.created_at, q.edited_at`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class QuestionRepository {
  /** Stores a new question; returns its id. */
  async insert(
    tx: EntityManager,
    q: { institutionId: string; askerId: string; visibility: 'COMMUNITY' | 'PRIVATE'; mentorId: string | null; title: string; body: string; tags: string[] },
  ): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO question (institution_id, asker_id, visibility, mentor_id, title, body, tags)
       VALUES ($1, $2, $3::question_visibility, $4, $5, $6, $7) RETURNING id`,
      [q.institutionId, q.askerId, q.visibility, q.mentorId, q.title, q.body, q.tags],
    );
    return row!.id;
  }

  /** The question `id`, locked until the transaction ends when `lock`; null when there is none. */
  async byId(m: EntityManager, id: string, opts: { lock?: boolean } = {}): Promise<QuestionRow | null> {
    const rows: QuestionRow[] = await m.query(`SELECT ${QUESTION_COLUMNS} FROM question q WHERE q.id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** Counts `userId`'s view of the question once, however often they come back; true when this was their first. */
  async recordView(m: EntityManager, questionId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `WITH seen AS (INSERT INTO question_view (question_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1)
         , bumped AS (UPDATE question SET view_count = view_count + 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM seen) RETURNING id)
       SELECT id FROM bumped`,
      [questionId, userId],
    );
    return rows.length > 0;
  }

  /** Writes the question's new version, keeping the one it replaces among its revisions (one statement). */
  async edit(tx: EntityManager, id: string, q: { title: string; body: string; tags: string[] }): Promise<void> {
    await tx.query(
      `WITH kept AS (
         INSERT INTO question_revision (question_id, title, body, tags, written_at)
         SELECT id, title, body, tags, coalesce(edited_at, created_at) FROM question WHERE id = $1)
       UPDATE question SET title = $2, body = $3, tags = $4, edited_at = now() WHERE id = $1`,
      [id, q.title, q.body, q.tags],
    );
  }

  /** Earlier versions of the question, oldest first. */
  questionRevisions(m: EntityManager, id: string): Promise<QuestionRevision[]> {
    return m.query(
      `SELECT title, body, tags, written_at AS "writtenAt" FROM question_revision WHERE question_id = $1 ORDER BY written_at, id`,
      [id],
    );
  }

  /** Stores an answer and counts it on its question; returns its id. */
  async insertAnswer(tx: EntityManager, questionId: string, authorId: string, body: string): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `WITH a AS (INSERT INTO answer (question_id, author_id, body) VALUES ($1, $2, $3) RETURNING id),
         counted AS (UPDATE question SET answer_count = answer_count + 1 WHERE id = $1)
       SELECT id FROM a`,
      [questionId, authorId, body],
    );
    return row!.id;
  }

  /** The answer `id` with its question, the answer's row locked until the transaction ends; null when there is none. */
  async lockAnswer(tx: EntityManager, id: string): Promise<AnswerInQuestion | null> {
    const rows: (QuestionRow & { answer_id: string; answer_author_id: string })[] = await tx.query(
      `SELECT a.id AS answer_id, a.author_id AS answer_author_id, ${QUESTION_COLUMNS}
       FROM answer a JOIN question q ON q.id = a.question_id WHERE a.id = $1 FOR UPDATE OF a`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    const { answer_id, answer_author_id, ...question } = r;
    return { id: answer_id, authorId: answer_author_id, question };
  }

  /** Writes the answer's new body, keeping the one it replaces among its revisions (one statement). */
  async editAnswer(tx: EntityManager, id: string, body: string): Promise<void> {
    await tx.query(
      `WITH kept AS (
         INSERT INTO answer_revision (answer_id, body, written_at) SELECT id, body, coalesce(edited_at, created_at) FROM answer WHERE id = $1)
       UPDATE answer SET body = $2, edited_at = now() WHERE id = $1`,
      [id, body],
    );
  }

  /** Earlier versions of the answer, oldest first. */
  answerRevisions(m: EntityManager, id: string): Promise<AnswerRevision[]> {
    return m.query(`SELECT body, written_at AS "writtenAt" FROM answer_revision WHERE answer_id = $1 ORDER BY written_at, id`, [id]);
  }

  /** One answer as `viewerId` sees it (their vote). */
  async answer(m: EntityManager, id: string, viewerId: string): Promise<AnswerRow | null> {
    const rows: AnswerRow[] = await m.query(
      `SELECT a.id, a.question_id, a.author_id, a.body, a.score, a.created_at, a.edited_at, q.accepted_answer_id IS NOT DISTINCT FROM a.id AS accepted,
         (SELECT v.up FROM answer_vote v WHERE v.answer_id = a.id AND v.user_id = $2) AS my_vote
       FROM answer a JOIN question q ON q.id = a.question_id WHERE a.id = $1`,
      [id, viewerId],
    );
    return rows[0] ?? null;
  }

  /** The question's answers as `viewerId` sees them: the accepted one first, then by score, then oldest first. */
  answers(m: EntityManager, questionId: string, viewerId: string): Promise<AnswerRow[]> {
    return m.query(
      `SELECT a.id, a.question_id, a.author_id, a.body, a.score, a.created_at, a.edited_at, q.accepted_answer_id IS NOT DISTINCT FROM a.id AS accepted,
         v.up AS my_vote
       FROM answer a JOIN question q ON q.id = a.question_id
       LEFT JOIN answer_vote v ON v.answer_id = a.id AND v.user_id = $2
       WHERE a.question_id = $1
       ORDER BY accepted DESC, a.score DESC, a.created_at, a.id`,
      [questionId, viewerId],
    );
  }

  /** Records `userId`'s vote on the answer and counts it; false (nothing changed) if they had voted already. */
  async vote(tx: EntityManager, answerId: string, userId: string, up: boolean): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `WITH v AS (INSERT INTO answer_vote (answer_id, user_id, up) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING up)
         , counted AS (UPDATE answer SET score = score + (SELECT CASE WHEN up THEN 1 ELSE -1 END FROM v) WHERE id = $1 AND EXISTS (SELECT 1 FROM v) RETURNING id)
       SELECT id FROM counted`,
      [answerId, userId, up],
    );
    return rows.length > 0;
  }

  /** Takes `userId`'s vote on the answer back; false if they had none. */
  async unvote(tx: EntityManager, answerId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `WITH v AS (DELETE FROM answer_vote WHERE answer_id = $1 AND user_id = $2 RETURNING up)
         , counted AS (UPDATE answer SET score = score - (SELECT CASE WHEN up THEN 1 ELSE -1 END FROM v) WHERE id = $1 AND EXISTS (SELECT 1 FROM v) RETURNING id)
       SELECT id FROM counted`,
      [answerId, userId],
    );
    return rows.length > 0;
  }

  async accept(tx: EntityManager, questionId: string, answerId: string): Promise<void> {
    await tx.query(`UPDATE question SET accepted_answer_id = $2 WHERE id = $1`, [questionId, answerId]);
  }

  /**
   * One page of the questions `caller` may see, matching every filter: newest first, or by relevance (full text on
   * title, tags and body, plus partial-word similarity on title and tags) with a search. Answer count, tags and
   * the accepted flag are columns of the row: one statement whatever the page size.
   */
  async feedPage(
    m: EntityManager,
    caller: Principal,
    s: { tag?: string; search?: string; unanswered?: boolean; mine?: boolean; after?: FeedAfter; first: number },
  ): Promise<(QuestionRow & { score: string })[]> {
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const visible = visibleQuestionsSql(caller, 'q', params);
    if (visible === null) return [];
    const where = [visible];
    if (s.mine) where.push(`q.asker_id = ${p(caller.id)}`);
    if (s.unanswered) where.push(`q.answer_count = 0`);
    if (s.tag) where.push(`q.tags @> ARRAY[${p(s.tag)}::text]`);
    let score = '0::numeric';
    if (s.search) {
      const q = p(s.search);
      const like = p(`%${escapeLike(s.search)}%`);
      where.push(`(q.search @@ websearch_to_tsquery('mentoring', ${q}) OR q.search_folded LIKE mentoring_fold(${like}))`);
      score = `round((ts_rank_cd(q.search, websearch_to_tsquery('mentoring', ${q}), 1) + word_similarity(mentoring_fold(${q}), q.search_folded))::numeric, 6)`;
    }
    if (s.after) {
      where.push(
        s.search
          ? `(${score}, q.created_at, q.id) < (${p(s.after.score)}::numeric, ${p(s.after.createdAt)}::timestamptz, ${p(s.after.id)}::uuid)`
          : `(q.created_at, q.id) < (${p(s.after.createdAt)}::timestamptz, ${p(s.after.id)}::uuid)`,
      );
    }
    const order = s.search ? `score DESC, q.created_at DESC, q.id DESC` : `q.created_at DESC, q.id DESC`;
    return m.query(
      `SELECT ${QUESTION_COLUMNS}, ${score} AS score FROM question q WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${s.first + 1}`,
      params,
    );
  }

  /** The most used tags of the questions `caller` may see, starting with `prefix` (folded) when given. */
  async tags(m: EntityManager, caller: Principal, prefix: string | undefined, first: number): Promise<QuestionTag[]> {
    const params: unknown[] = [];
    const visible = visibleQuestionsSql(caller, 'q', params);
    if (visible === null) return [];
    const like = prefix ? ` AND t.tag LIKE $${params.push(`${escapeLike(prefix)}%`)}` : '';
    return m.query(
      `SELECT t.tag, count(*)::int AS count FROM question q CROSS JOIN LATERAL unnest(q.tags) AS t(tag)
       WHERE ${visible}${like} GROUP BY t.tag ORDER BY count DESC, t.tag LIMIT ${first}`,
      params,
    );
  }

  /** Follows `tag` for `userId`; following again changes nothing. */
  async follow(m: EntityManager, userId: string, institutionId: string, tag: string): Promise<void> {
    await m.query(`INSERT INTO question_tag_follow (user_id, tag, institution_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [userId, tag, institutionId]);
  }

  async unfollow(m: EntityManager, userId: string, tag: string): Promise<void> {
    await m.query(`DELETE FROM question_tag_follow WHERE user_id = $1 AND tag = $2`, [userId, tag]);
  }

  /** The tags `userId` follows, alphabetically. */
  async followed(m: EntityManager, userId: string): Promise<string[]> {
    const rows: { tag: string }[] = await m.query(`SELECT tag FROM question_tag_follow WHERE user_id = $1 ORDER BY tag`, [userId]);
    return rows.map((r) => r.tag);
  }

  /** Everyone at `institutionId` following any of `tags`, each once, `exceptId` aside. */
  async followersOf(tx: EntityManager, institutionId: string, tags: string[], exceptId: string): Promise<string[]> {
    if (tags.length === 0) return [];
    const rows: { user_id: string }[] = await tx.query(
      `SELECT DISTINCT user_id FROM question_tag_follow WHERE institution_id = $1 AND tag = ANY($2::text[]) AND user_id <> $3 ORDER BY user_id`,
      [institutionId, tags, exceptId],
    );
    return rows.map((r) => r.user_id);
  }

  /** Whether `mentorId` is a mentor at `institutionId` who takes requests (not paused, not opted out). */
  async mentorTakesQuestions(m: EntityManager, mentorId: string, institutionId: string | null): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM mentor_profile WHERE user_id = $1 AND ($2::uuid IS NULL OR institution_id = $2) AND accepting_requests AND opted_out_at IS NULL`,
      [mentorId, institutionId],
    );
    return rows.length > 0;
  }
}
