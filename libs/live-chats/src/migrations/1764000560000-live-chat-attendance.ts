import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who came: one row per registrant the first time they enter a chat's room (`room:join` as REGISTERED), for
 * the staff figures' attendance. Hosts and staff entering are not counted. A person is identity's: by id only.
 */
export class LiveChatAttendance1764000560000 implements MigrationInterface {
  name = 'LiveChatAttendance1764000560000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE live_chat_attendance (
        event_id uuid NOT NULL REFERENCES live_chat_event (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        first_joined_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, user_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE live_chat_attendance`);
  }
}
