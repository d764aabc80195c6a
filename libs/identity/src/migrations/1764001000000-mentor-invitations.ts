import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Careers staff invite professionals who are not alumni to mentor: an invitation names the email and
 * institution; its link (a token signed with JWT_SECRET over the invitation's id, never stored) makes an
 * ALUMNUS account there. One open invitation per email and institution.
 */
export class MentorInvitations1764001000000 implements MigrationInterface {
  name = 'MentorInvitations1764001000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mentor_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES institution (id),
        email text NOT NULL,
        display_name text NOT NULL,
        note text,
        invited_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        accepted_at timestamptz(3),
        accepted_user_id uuid REFERENCES user_account (id) ON DELETE SET NULL,
        revoked_at timestamptz(3)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX mentor_invitation_open ON mentor_invitation (institution_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL`,
    );
    await db.query(`CREATE INDEX mentor_invitation_list ON mentor_invitation (institution_id, created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mentor_invitation`);
  }
}
