import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The Q&A page of a live chat: the host's sign-off, staff's publication, the snapshot of answered questions, follow-ups. */
export class LiveChatQa1763770260000 implements MigrationInterface {
  name = 'LiveChatQa1763770260000';

  async up(db: QueryRunner): Promise<void> {
    // Trigram indexes find partial words ("intern" in "internships"). pg_trgm is a trusted extension:
    // the database owner may create it. Other domains may use it too, so down() leaves it.
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`
      CREATE TABLE live_chat_publication (
        event_id uuid PRIMARY KEY REFERENCES live_chat_event (id) ON DELETE CASCADE,
        signed_off_by_id uuid NOT NULL,
        signed_off_at timestamptz(3) NOT NULL DEFAULT now(),
        published_by_id uuid,
        published_at timestamptz(3),
        CHECK ((published_by_id IS NULL) = (published_at IS NULL))
      )`);
    await db.query(`
      CREATE TABLE live_chat_qa_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES live_chat_event (id) ON DELETE CASCADE,
        position int NOT NULL,
        question text NOT NULL,
        answer text NOT NULL,
        asked_by_id uuid,
        answered_by_id uuid,
        search_text text GENERATED ALWAYS AS (question || ' ' || answer) STORED,
        search tsvector GENERATED ALWAYS AS (to_tsvector('english', question || ' ' || answer)) STORED,
        CONSTRAINT live_chat_qa_item_position UNIQUE (event_id, position)
      )`);
    await db.query(`CREATE INDEX live_chat_qa_item_search ON live_chat_qa_item USING gin (search)`);
    await db.query(`CREATE INDEX live_chat_qa_item_trigrams ON live_chat_qa_item USING gin (search_text gin_trgm_ops)`);
    await db.query(`
      CREATE TABLE live_chat_follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES live_chat_event (id) ON DELETE CASCADE,
        asked_by_id uuid NOT NULL,
        question text NOT NULL,
        answer text,
        answered_by_id uuid,
        answered_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((answer IS NULL) = (answered_at IS NULL))
      )`);
    await db.query(`CREATE INDEX live_chat_follow_up_page ON live_chat_follow_up (event_id, created_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE live_chat_follow_up, live_chat_qa_item, live_chat_publication`);
  }
}
