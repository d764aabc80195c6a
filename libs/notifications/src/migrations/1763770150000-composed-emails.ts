import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Emails another service composed (vacancy alerts): their own HTML body and unsubscribe link. */
export class ComposedEmails1763770150000 implements MigrationInterface {
  name = 'ComposedEmails1763770150000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notification_email ADD COLUMN html_body text, ADD COLUMN unsubscribe_url text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notification_email DROP COLUMN html_body, DROP COLUMN unsubscribe_url`);
  }
}
