import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type MentorInvitation, MentorInvitationStatus } from './mentor-invitation.model.js';

interface Row {
  id: string;
  institution_id: string;
  email: string;
  display_name: string;
  note: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_user_id: string | null;
  revoked_at: Date | null;
}

const COLUMNS = `id, institution_id, email, display_name, note, created_at, expires_at, accepted_at, accepted_user_id, revoked_at`;

const toInvitation = (r: Row): MentorInvitation => ({
  id: r.id,
  institutionId: r.institution_id,
  email: r.email,
  displayName: r.display_name,
  note: r.note,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  acceptedUserId: r.accepted_user_id,
  status: r.accepted_at
    ? MentorInvitationStatus.ACCEPTED
    : r.revoked_at
      ? MentorInvitationStatus.REVOKED
      : r.expires_at.getTime() <= Date.now()
        ? MentorInvitationStatus.EXPIRED
        : MentorInvitationStatus.PENDING,
});

/**
 * Mentor invitations (`mentor_invitation`), through the caller's EntityManager. No entity crosses its boundary,
 * so it speaks raw parameterised SQL (CONTRIBUTING, "Repositories hold the SQL").
 */
@Injectable()
export class MentorInvitationRepository {
  /**
   * A new invitation, replacing (revoking) an expired one still open for the same email and institution; undefined
   * when a pending one exists already.
   */
  async insert(
    tx: EntityManager,
    i: { institutionId: string; email: string; displayName: string; note: string | null; invitedBy: string; expiresAt: Date },
  ): Promise<MentorInvitation | undefined> {
    await tx.query(
      `UPDATE mentor_invitation SET revoked_at = now()
        WHERE institution_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at <= now()`,
      [i.institutionId, i.email],
    );
    const rows: Row[] = await tx.query(
      `INSERT INTO mentor_invitation (institution_id, email, display_name, note, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (institution_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL DO NOTHING
       RETURNING ${COLUMNS}`,
      [i.institutionId, i.email, i.displayName, i.note, i.invitedBy, i.expiresAt],
    );
    return rows[0] && toInvitation(rows[0]);
  }

  async byId(m: EntityManager, id: string, opts: { lock?: boolean } = {}): Promise<MentorInvitation | undefined> {
    const rows: Row[] = await m.query(`SELECT ${COLUMNS} FROM mentor_invitation WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] && toInvitation(rows[0]);
  }

  /** An institution's invitations, newest first, from after (createdAt, id). */
  async page(m: EntityManager, institutionId: string, limit: number, after?: [createdAt: unknown, id: string]): Promise<MentorInvitation[]> {
    const rows: Row[] = await m.query(
      `SELECT ${COLUMNS} FROM mentor_invitation
        WHERE institution_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY created_at DESC, id DESC
        LIMIT $4`,
      [institutionId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
    return rows.map(toInvitation);
  }

  async revoke(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE mentor_invitation SET revoked_at = now() WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL`, [id]);
  }

  async accepted(tx: EntityManager, id: string, userId: string): Promise<void> {
    await tx.query(`UPDATE mentor_invitation SET accepted_at = now(), accepted_user_id = $2 WHERE id = $1`, [id, userId]);
  }
}
