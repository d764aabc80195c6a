import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's calendar feed can be shown again: its token is an HMAC (with JWT_SECRET) of the user and a random
 * nonce kept here, so the database alone still does not reveal the address. Feeds made before have no nonce:
 * they keep working, and are shown once their owner makes a new address.
 */
export class LiveChatCalendarFeedNonce1763770350000 implements MigrationInterface {
  name = 'LiveChatCalendarFeedNonce1763770350000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE live_chat_calendar_feed ADD COLUMN nonce text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE live_chat_calendar_feed DROP COLUMN nonce`);
  }
}
