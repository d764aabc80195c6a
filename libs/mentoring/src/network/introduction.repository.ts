import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IntroductionRequest, type IntroductionStatus, type NetworkWantKind } from './network.model.js';

/** Introduction requests (`introduction_request`): raw parameterised SQL through the caller's EntityManager. */
interface IntroductionRow {
  id: string;
  student_id: string;
  student_name: string;
  mentor_id: string;
  mentor_name: string;
  want_kind: NetworkWantKind | null;
  want_value: string | null;
  message: string;
  status: IntroductionStatus;
  note: string | null;
  created_at: Date;
  answered_at: Date | null;
}

const COLUMNS = `i.id, i.student_id, i.student_name, i.mentor_id, m.display_name AS mentor_name, i.want_kind::text AS want_kind, i.want_value,
  i.message, i.status::text AS status, i.note, i.created_at, i.answered_at`;

const toIntroduction = (r: IntroductionRow): IntroductionRequest =>
  Object.assign(new IntroductionRequest(), {
    id: r.id,
    studentId: r.student_id,
    studentName: r.student_name,
    mentorId: r.mentor_id,
    mentorName: r.mentor_name,
    wantKind: r.want_kind,
    wantValue: r.want_value,
    message: r.message,
    status: r.status,
    note: r.note,
    createdAt: r.created_at,
    answeredAt: r.answered_at,
  });

export interface NewIntroduction {
  studentId: string;
  studentName: string;
  mentorId: string;
  institutionId: string;
  wantId: string | null;
  wantKind: NetworkWantKind | null;
  wantValue: string | null;
  message: string;
}

@Injectable()
export class IntroductionRepository {
  /** Serialises a student's requests, so "at most 5 open" holds under concurrent requests. */
  async lockStudent(m: EntityManager, studentId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('mentoring.introductions:' || $1, 0))`, [studentId]);
  }

  async openOf(m: EntityManager, studentId: string): Promise<{ mentorId: string }[]> {
    const rows: { mentor_id: string }[] = await m.query(`SELECT mentor_id FROM introduction_request WHERE student_id = $1 AND status = 'OPEN'`, [studentId]);
    return rows.map((r) => ({ mentorId: r.mentor_id }));
  }

  async insert(m: EntityManager, n: NewIntroduction): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO introduction_request (student_id, student_name, mentor_id, institution_id, want_id, want_kind, want_value, message)
       VALUES ($1, $2, $3, $4, $5, $6::network_want_kind, $7, $8) RETURNING id`,
      [n.studentId, n.studentName, n.mentorId, n.institutionId, n.wantId, n.wantKind, n.wantValue, n.message],
    );
    return row.id;
  }

  async get(m: EntityManager, id: string, opts: { lock?: boolean } = {}): Promise<IntroductionRequest | null> {
    const rows: IntroductionRow[] = await m.query(
      `SELECT ${COLUMNS} FROM introduction_request i JOIN mentor_profile m ON m.user_id = i.mentor_id WHERE i.id = $1${opts.lock ? ' FOR UPDATE OF i' : ''}`,
      [id],
    );
    return rows[0] ? toIntroduction(rows[0]) : null;
  }

  async answer(m: EntityManager, id: string, status: IntroductionStatus, note: string | null): Promise<void> {
    await m.query(`UPDATE introduction_request SET status = $2::introduction_status, note = $3, answered_at = now() WHERE id = $1`, [id, status, note]);
  }

  /** A page of the requests `who` sent (as the student) or received (as the mentor), newest first. */
  async page(
    m: EntityManager,
    who: { studentId?: string; mentorId?: string },
    after: { createdAt: string; id: string } | undefined,
    first: number,
  ): Promise<IntroductionRequest[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = [who.studentId ? `i.student_id = ${p(who.studentId)}` : `i.mentor_id = ${p(who.mentorId)}`];
    if (after) where.push(`(i.created_at, i.id) < (${p(after.createdAt)}::timestamptz, ${p(after.id)}::uuid)`);
    const rows: IntroductionRow[] = await m.query(
      `SELECT ${COLUMNS} FROM introduction_request i JOIN mentor_profile m ON m.user_id = i.mentor_id
       WHERE ${where.join(' AND ')} ORDER BY i.created_at DESC, i.id DESC LIMIT ${first + 1}`,
      params,
    );
    return rows.map(toIntroduction);
  }
}
