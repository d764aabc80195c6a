import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mentorships lifecycle: what a request says (message, what it asks for, the mentee's name and course at the
 * time), its decision, expiry and end, a WITHDRAWN status for requests the student takes back, and the blocks
 * between people (either side of a request or mentorship may block the other).
 */
export class Mentorships1764000600000 implements MigrationInterface {
  name = 'Mentorships1764000600000';

  async up(db: QueryRunner): Promise<void> {
    // Added, not used here: PostgreSQL lets a transaction add an enum value it does not use itself.
    await db.query(`ALTER TYPE mentorship_status ADD VALUE IF NOT EXISTS 'WITHDRAWN'`);
    await db.query(`
      ALTER TABLE mentorship
        ADD COLUMN mentee_institution_id uuid,
        ADD COLUMN mentee_name text,
        ADD COLUMN mentee_course text,
        ADD COLUMN message text CHECK (char_length(message) <= 2000),
        ADD COLUMN asks_for mentor_offer,
        ADD COLUMN expires_at timestamptz(3),
        ADD COLUMN decided_at timestamptz(3),
        ADD COLUMN decline_reason text CHECK (char_length(decline_reason) <= 1000),
        ADD COLUMN ended_by uuid,
        ADD COLUMN end_feedback text CHECK (char_length(end_feedback) <= 2000),
        ADD COLUMN updated_at timestamptz(3) NOT NULL DEFAULT now()`);
    // A person's mentorships, both roles, newest first; a mentor's inbox, oldest first; the expiry scan.
    await db.query(`CREATE INDEX mentorship_mentee ON mentorship (mentee_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX mentorship_mentor ON mentorship (mentor_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX mentorship_requested_expiry ON mentorship (expires_at) WHERE status = 'REQUESTED'`);

    await db.query(`
      CREATE TABLE mentoring_block (
        blocker_id uuid NOT NULL,
        blocked_id uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (blocker_id, blocked_id),
        CHECK (blocker_id <> blocked_id)
      )`);
    await db.query(`CREATE INDEX mentoring_block_blocked ON mentoring_block (blocked_id, blocker_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mentoring_block`);
    await db.query(`DROP INDEX mentorship_mentee, mentorship_mentor, mentorship_requested_expiry`);
    await db.query(`
      ALTER TABLE mentorship DROP COLUMN mentee_institution_id, DROP COLUMN mentee_name, DROP COLUMN mentee_course, DROP COLUMN message,
        DROP COLUMN asks_for, DROP COLUMN expires_at, DROP COLUMN decided_at, DROP COLUMN decline_reason, DROP COLUMN ended_by,
        DROP COLUMN end_feedback, DROP COLUMN updated_at`);
    // An enum value cannot be dropped; WITHDRAWN rows become ENDED, and the value stays unused.
    await db.query(`UPDATE mentorship SET status = 'ENDED' WHERE status = 'WITHDRAWN'`);
  }
}
