import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A mentorship's private conversation: its messages (ordered by a sequence taken under the mentorship's row lock),
 * each party's read position (read receipts, unread counts), the goals the pair agree on, and the keys that make the
 * unread-message email and the check-in prompt go out once per quiet spell.
 */
export class MentorshipConversations1764000700000 implements MigrationInterface {
  name = 'MentorshipConversations1764000700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mentorship_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mentorship_id uuid NOT NULL REFERENCES mentorship (id) ON DELETE CASCADE,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        sender_id uuid NOT NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
        client_id text NOT NULL CHECK (char_length(client_id) BETWEEN 1 AND 100),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // Paging backwards from the newest, and the unread counts (messages after a read position).
    await db.query(`CREATE UNIQUE INDEX mentorship_message_order ON mentorship_message (mentorship_id, seq DESC)`);
    // A retried send (same sender, same client id) stores one message.
    await db.query(`CREATE UNIQUE INDEX mentorship_message_client ON mentorship_message (mentorship_id, sender_id, client_id)`);
    await db.query(`
      CREATE TABLE mentorship_read (
        mentorship_id uuid NOT NULL REFERENCES mentorship (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        last_read_seq bigint NOT NULL,
        read_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (mentorship_id, user_id)
      )`);
    await db.query(`CREATE TYPE mentorship_goal_status AS ENUM ('PROPOSED', 'AGREED', 'COMPLETED')`);
    await db.query(`
      CREATE TABLE mentorship_goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mentorship_id uuid NOT NULL REFERENCES mentorship (id) ON DELETE CASCADE,
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 300),
        proposed_by uuid NOT NULL,
        status mentorship_goal_status NOT NULL DEFAULT 'PROPOSED',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        agreed_at timestamptz(3),
        completed_at timestamptz(3)
      )`);
    await db.query(`CREATE INDEX mentorship_goal_of ON mentorship_goal (mentorship_id, created_at, id)`);
    // One unread-messages email per recipient per read position: reading starts a new spell.
    await db.query(`
      CREATE TABLE mentorship_unread_email (
        mentorship_id uuid NOT NULL REFERENCES mentorship (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        read_seq bigint NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (mentorship_id, user_id, read_seq)
      )`);
    // One check-in prompt per quiet spell: keyed by the last message before the silence (0: none yet).
    await db.query(`
      CREATE TABLE mentorship_check_in (
        mentorship_id uuid NOT NULL REFERENCES mentorship (id) ON DELETE CASCADE,
        after_seq bigint NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (mentorship_id, after_seq)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mentorship_check_in, mentorship_unread_email, mentorship_goal, mentorship_read, mentorship_message`);
    await db.query(`DROP TYPE mentorship_goal_status`);
  }
}
