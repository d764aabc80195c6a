import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationChannels1763769900000 implements MigrationInterface {
  name = 'NotificationChannels1763769900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL,
        kind text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('IN_APP', 'EMAIL')),
        enabled boolean NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind, channel)
      )`);
    await db.query(`
      CREATE TABLE notification_email (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        user_id uuid NOT NULL,
        kind text NOT NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        sent_at timestamptz(3),
        CONSTRAINT notification_email_once UNIQUE (event_id, user_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification_email, notification_preference`);
  }
}
