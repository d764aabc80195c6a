import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live room: one row per event's room holding its last sequence number
 * (taken under the row's lock, so numbers are gap-free), the messages
 * (deleted ones kept as tombstones), audience questions and their votes,
 * sanctions (mute, remove) and the moderation audit log. People are
 * identity's: referenced by id only.
 */
export class LiveChatRooms1763770300000 implements MigrationInterface {
  name = 'LiveChatRooms1763770300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE live_chat_room (
        event_id uuid PRIMARY KEY REFERENCES live_chat_event (id) ON DELETE CASCADE,
        last_seq bigint NOT NULL DEFAULT 0,
        -- Students may post one message every slow_mode_seconds (0: off).
        slow_mode_seconds int NOT NULL DEFAULT 0 CHECK (slow_mode_seconds BETWEEN 0 AND 3600),
        closed_at timestamptz(3),
        closed_by_id uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE live_chat_question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES live_chat_event (id) ON DELETE CASCADE,
        author_id uuid NOT NULL,
        author_name text NOT NULL,
        client_id uuid NOT NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 1000),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANSWERING', 'ANSWERED', 'DISMISSED')),
        upvotes int NOT NULL DEFAULT 0 CHECK (upvotes >= 0),
        answer_seq bigint,
        decided_by_id uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT live_chat_question_once UNIQUE (event_id, author_id, client_id)
      )`);
    await db.query(`CREATE INDEX live_chat_question_ranked ON live_chat_question (event_id, status, upvotes DESC, created_at)`);

    await db.query(`
      CREATE TABLE live_chat_question_vote (
        question_id uuid NOT NULL REFERENCES live_chat_question (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (question_id, user_id)
      )`);

    await db.query(`
      CREATE TABLE live_chat_message (
        event_id uuid NOT NULL REFERENCES live_chat_room (event_id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        author_id uuid NOT NULL,
        author_name text NOT NULL,
        author_role text NOT NULL CHECK (author_role IN ('HOST', 'STAFF', 'REGISTERED')),
        client_id uuid NOT NULL,
        -- NULL once deleted: the row stays as a tombstone so sequence numbers have no gaps.
        body text CHECK (char_length(body) BETWEEN 1 AND 2000),
        -- The audience question this message answers.
        question_id uuid REFERENCES live_chat_question (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        PRIMARY KEY (event_id, seq),
        CONSTRAINT live_chat_message_once UNIQUE (event_id, author_id, client_id)
      )`);

    await db.query(`
      CREATE TABLE live_chat_sanction (
        event_id uuid NOT NULL REFERENCES live_chat_event (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('MUTE', 'REMOVE')),
        -- A mute ends then; a removal has none.
        until timestamptz(3),
        by_id uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, user_id, kind)
      )`);

    // Who did what to whom, and what a deleted message said: kept when the message is not.
    await db.query(`
      CREATE TABLE live_chat_moderation_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id uuid NOT NULL REFERENCES live_chat_event (id) ON DELETE CASCADE,
        actor_id uuid NOT NULL,
        action text NOT NULL CHECK (action IN ('DELETE_MESSAGE', 'MUTE', 'REMOVE', 'SLOW_MODE', 'CLOSE', 'DISMISS_QUESTION')),
        target_user_id uuid,
        message_seq bigint,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX live_chat_moderation_log_event ON live_chat_moderation_log (event_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE live_chat_moderation_log, live_chat_sanction, live_chat_message, live_chat_question_vote, live_chat_question, live_chat_room`,
    );
  }
}
