import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EmailSchedule1763770000000 implements MigrationInterface {
  name = 'EmailSchedule1763770000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_settings (
        user_id uuid PRIMARY KEY,
        email_frequency text NOT NULL DEFAULT 'INSTANT' CHECK (email_frequency IN ('INSTANT', 'DAILY', 'WEEKLY')),
        time_zone text NOT NULL DEFAULT 'UTC',
        quiet_start smallint CHECK (quiet_start BETWEEN 0 AND 1439),
        quiet_end smallint CHECK (quiet_end BETWEEN 0 AND 1439),
        last_digest_at timestamptz(3),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
      )`);
    await db.query(`ALTER TABLE notification_email ADD COLUMN send_after timestamptz(3), ADD COLUMN digest text CHECK (digest IN ('DAILY', 'WEEKLY'))`);
    await db.query(`CREATE INDEX notification_email_pending ON notification_email (user_id, created_at) WHERE sent_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notification_email_pending`);
    await db.query(`ALTER TABLE notification_email DROP COLUMN send_after, DROP COLUMN digest`);
    await db.query(`DROP TABLE notification_settings`);
  }
}
