import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1763769800000 implements MigrationInterface {
  name = 'Notifications1763769800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text,
        event_id uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        read_at timestamptz(3),
        CONSTRAINT notification_once UNIQUE (event_id, user_id)
      )`);
    await db.query(`CREATE INDEX notification_inbox ON notification (user_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX notification_unread ON notification (user_id) WHERE read_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification`);
  }
}
