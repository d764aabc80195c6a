import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveChatRemindersCalendars1763770250000 implements MigrationInterface {
  name = 'LiveChatRemindersCalendars1763770250000';

  async up(db: QueryRunner): Promise<void> {
    // One row per reminder sent: the key (event, person, which, the event's sequence) makes each one go
    // out once, and a reschedule (a new sequence) makes them due again for the new time.
    await db.query(`
      CREATE TABLE live_chat_reminder (
        event_id uuid NOT NULL REFERENCES live_chat_event (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        which text NOT NULL CHECK (which IN ('DAY_BEFORE', 'HOUR_BEFORE')),
        sequence int NOT NULL,
        sent_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, user_id, which, sequence)
      )`);
    // A person's calendar feed: only a hash of its secret token is kept.
    await db.query(`
      CREATE TABLE live_chat_calendar_feed (
        user_id uuid PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE live_chat_calendar_feed, live_chat_reminder`);
  }
}
