import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MentorOffer } from '../mentors/mentor.model.js';
import { type Mentorship, MentorshipStatus } from './mentorship.model.js';

/**
 * The mentorship aggregate's SQL (`mentorship`, joined to the mentor's `mentor_profile` for their name, course and
 * institution). No entity class crosses it: raw parameterised SQL, rows mapped here (CONTRIBUTING, "Repositories hold
 * the SQL"). A REQUESTED row past its `expires_at` reads as EXPIRED everywhere, before the schedule marks it.
 */
const STATUS = `(CASE WHEN s.status = 'REQUESTED' AND s.expires_at <= now() THEN 'EXPIRED' ELSE s.status::text END)`;
/** An open row: a request not yet expired, or an active mentorship. */
const OPEN = `(s.status = 'ACTIVE' OR (s.status = 'REQUESTED' AND (s.expires_at IS NULL OR s.expires_at > now())))`;

const COLUMNS = `s.id, ${STATUS} AS status, s.mentor_id, p.display_name AS mentor_name, p.course AS mentor_course, p.institution_id AS mentor_institution_id,
  s.mentee_id, s.mentee_name, s.mentee_course, s.mentee_institution_id, s.message, s.asks_for::text AS asks_for, s.created_at, s.expires_at,
  s.decided_at, s.decline_reason, s.started_at, s.ended_at, s.ended_by, s.end_feedback`;
const FROM = `mentorship s JOIN mentor_profile p ON p.user_id = s.mentor_id`;

export interface MentorshipRow {
  id: string;
  status: MentorshipStatus;
  mentor_id: string;
  mentor_name: string;
  mentor_course: string | null;
  mentor_institution_id: string;
  mentee_id: string;
  mentee_name: string | null;
  mentee_course: string | null;
  mentee_institution_id: string | null;
  message: string | null;
  asks_for: MentorOffer | null;
  created_at: Date;
  expires_at: Date | null;
  decided_at: Date | null;
  decline_reason: string | null;
  started_at: Date | null;
  ended_at: Date | null;
  ended_by: string | null;
  end_feedback: string | null;
}

/** A mentorship as a party or staff member reads it; `myRole` is the caller's side (null for staff). */
export type MentorshipRecord = Omit<Mentorship, 'myRole'> & { mentorInstitutionId: string; menteeInstitutionId: string | null };

export function toMentorship(r: MentorshipRow): MentorshipRecord {
  return {
    id: r.id,
    status: r.status,
    mentor: { id: r.mentor_id, displayName: r.mentor_name, course: r.mentor_course },
    mentee: { id: r.mentee_id, displayName: r.mentee_name ?? 'A student', course: r.mentee_course },
    mentorInstitutionId: r.mentor_institution_id,
    menteeInstitutionId: r.mentee_institution_id,
    message: r.message,
    asksFor: r.asks_for,
    requestedAt: r.created_at,
    // Only an open request has an expiry that still matters.
    expiresAt: r.status === MentorshipStatus.REQUESTED ? r.expires_at : null,
    decidedAt: r.decided_at,
    declineReason: r.decline_reason,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    endedById: r.ended_by,
    endFeedback: r.end_feedback,
  };
}

/** A keyset position in a list of mentorships: the creation time and id of the last one of the page before. */
export interface MentorshipAfter {
  createdAt: string;
  id: string;
}

/** A request the schedule (or a later request of the same student) marked EXPIRED: who hears of it. */
export interface ExpiredRequest {
  id: string;
  menteeId: string;
  mentorName: string;
}

/** An open request or mentorship a block ended. */
export interface EndedByBlock {
  id: string;
  wasActive: boolean;
}

@Injectable()
export class MentorshipRepository {
  async get(m: EntityManager, id: string, opts: { lock?: boolean } = {}): Promise<MentorshipRecord | null> {
    const rows: MentorshipRow[] = await m.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = $1${opts.lock ? ' FOR UPDATE OF s' : ''}`, [id]);
    return rows[0] ? toMentorship(rows[0]) : null;
  }

  /**
   * Serialises a student's requests (the pending limit is counted under it): a transaction-scoped advisory lock on
   * the student's id, as the student has no row of mentoring's to lock.
   */
  async lockMentee(m: EntityManager, menteeId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('mentoring.mentee:' || $1::text, 0))`, [menteeId]);
  }

  /** The student's requests still waiting for a decision (not expired). */
  async pendingOf(m: EntityManager, menteeId: string): Promise<number> {
    const [row]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM mentorship s WHERE s.mentee_id = $1 AND s.status = 'REQUESTED' AND s.expires_at > now()`,
      [menteeId],
    );
    return row!.n;
  }

  /** Whether the pair has an open request or an active mentorship. */
  async openBetween(m: EntityManager, mentorId: string, menteeId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM mentorship s WHERE s.mentor_id = $1 AND s.mentee_id = $2 AND ${OPEN}`, [mentorId, menteeId]);
    return rows.length > 0;
  }

  /** Whether the two people have any mentorship or request between them, either way round, in any state. */
  async anyBetween(m: EntityManager, a: string, b: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM mentorship s WHERE (s.mentor_id = $1 AND s.mentee_id = $2) OR (s.mentor_id = $2 AND s.mentee_id = $1) LIMIT 1`,
      [a, b],
    );
    return rows.length > 0;
  }

  /** The mentor's ACTIVE mentorships, counted in a statement of its own (after the caller locked the mentor's profile). */
  async activeOf(m: EntityManager, mentorId: string): Promise<number> {
    const [row]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM mentorship WHERE mentor_id = $1 AND status = 'ACTIVE'`, [mentorId]);
    return row!.n;
  }

  /** A new request; null when the pair already has an open one (the unique index decides under a race). */
  async create(
    m: EntityManager,
    r: { mentorId: string; menteeId: string; menteeName: string; menteeCourse: string | null; menteeInstitutionId: string | null; message: string; asksFor: MentorOffer; ttlDays: number },
  ): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO mentorship (mentor_id, mentee_id, mentee_name, mentee_course, mentee_institution_id, message, asks_for, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::mentor_offer, now() + make_interval(days => $8))
       ON CONFLICT (mentor_id, mentee_id) WHERE status IN ('REQUESTED', 'ACTIVE') DO NOTHING
       RETURNING id`,
      [r.mentorId, r.menteeId, r.menteeName, r.menteeCourse, r.menteeInstitutionId, r.message, r.asksFor, r.ttlDays],
    );
    return rows[0]?.id ?? null;
  }

  async accept(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE mentorship SET status = 'ACTIVE', decided_at = now(), started_at = now(), updated_at = now() WHERE id = $1`, [id]);
  }

  async decline(m: EntityManager, id: string, reason: string | null): Promise<void> {
    await m.query(`UPDATE mentorship SET status = 'DECLINED', decided_at = now(), decline_reason = $2, updated_at = now() WHERE id = $1`, [id, reason]);
  }

  async withdraw(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE mentorship SET status = 'WITHDRAWN', ended_at = now(), updated_at = now() WHERE id = $1`, [id]);
  }

  async end(m: EntityManager, id: string, by: string, feedback: string | null): Promise<void> {
    await m.query(`UPDATE mentorship SET status = 'ENDED', ended_at = now(), ended_by = $2, end_feedback = $3, updated_at = now() WHERE id = $1`, [
      id,
      by,
      feedback,
    ]);
  }

  /** Ends every open request or mentorship between the two people, either way round (a block). */
  async endOpenBetween(m: EntityManager, by: string, other: string): Promise<EndedByBlock[]> {
    return (
      await m.query(
        `UPDATE mentorship s SET status = 'ENDED', ended_at = now(), ended_by = $1, updated_at = now()
         WHERE ((s.mentor_id = $1 AND s.mentee_id = $2) OR (s.mentor_id = $2 AND s.mentee_id = $1)) AND s.status IN ('REQUESTED', 'ACTIVE')
         RETURNING s.id, (s.started_at IS NOT NULL) AS was_active`,
        [by, other],
      )
    )[0].map((r: { id: string; was_active: boolean }) => ({ id: r.id, wasActive: r.was_active }));
  }

  /**
   * Marks REQUESTED rows past their expiry EXPIRED (at most `limit`, skipping rows another transaction holds), for
   * one student when `menteeId` is given; returns them, so the caller tells each student once.
   */
  async expireDue(m: EntityManager, opts: { menteeId?: string; limit: number }): Promise<ExpiredRequest[]> {
    const rows: { id: string; mentee_id: string; mentor_name: string }[] = (
      await m.query(
        `WITH due AS (
           SELECT s.id FROM mentorship s
           WHERE s.status = 'REQUESTED' AND s.expires_at <= now() AND ($1::uuid IS NULL OR s.mentee_id = $1)
           ORDER BY s.expires_at LIMIT $2 FOR UPDATE SKIP LOCKED
         )
         UPDATE mentorship s SET status = 'EXPIRED', ended_at = s.expires_at, updated_at = now()
         FROM due, mentor_profile p WHERE s.id = due.id AND p.user_id = s.mentor_id
         RETURNING s.id, s.mentee_id, p.display_name AS mentor_name`,
        [opts.menteeId ?? null, opts.limit],
      )
    )[0];
    return rows.map((r) => ({ id: r.id, menteeId: r.mentee_id, mentorName: r.mentor_name }));
  }

  /** The person's mentorships, either side, newest first, optionally of one (read) status. */
  async ofPerson(m: EntityManager, s: { userId: string; status?: MentorshipStatus; after?: MentorshipAfter; first: number }): Promise<MentorshipRecord[]> {
    const params: unknown[] = [s.userId];
    const where = [`(s.mentor_id = $1 OR s.mentee_id = $1)`];
    if (s.status) where.push(`${STATUS} = $${params.push(s.status)}`);
    if (s.after) where.push(`(s.created_at, s.id) < ($${params.push(s.after.createdAt)}::timestamptz, $${params.push(s.after.id)}::uuid)`);
    const rows: MentorshipRow[] = await m.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY s.created_at DESC, s.id DESC LIMIT ${s.first + 1}`,
      params,
    );
    return rows.map(toMentorship);
  }

  /** The mentor's open requests (not expired), oldest first. */
  async requestsTo(m: EntityManager, s: { mentorId: string; after?: MentorshipAfter; first: number }): Promise<MentorshipRecord[]> {
    const params: unknown[] = [s.mentorId];
    const where = [`s.mentor_id = $1`, `s.status = 'REQUESTED'`, `s.expires_at > now()`];
    if (s.after) where.push(`(s.created_at, s.id) > ($${params.push(s.after.createdAt)}::timestamptz, $${params.push(s.after.id)}::uuid)`);
    const rows: MentorshipRow[] = await m.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY s.created_at, s.id LIMIT ${s.first + 1}`,
      params,
    );
    return rows.map(toMentorship);
  }
}
