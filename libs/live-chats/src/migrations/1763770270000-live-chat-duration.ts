import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A chat lasts at most 4 hours (MAX_DURATION_HOURS): queries of upcoming chats rely on it to use the starts_at indexes. */
export class LiveChatDuration1763770270000 implements MigrationInterface {
  name = 'LiveChatDuration1763770270000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE live_chat_event ADD CONSTRAINT live_chat_event_duration CHECK (ends_at - starts_at <= interval '4 hours')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE live_chat_event DROP CONSTRAINT live_chat_event_duration`);
  }
}
