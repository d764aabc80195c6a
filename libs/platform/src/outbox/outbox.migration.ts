import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1763769700000 implements MigrationInterface {
  name = 'Outbox1763769700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        type text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        published_at timestamptz(3),
        listeners text[],
        completed_at timestamptz(3)
      )`);
    await db.query(`CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL`);
    await db.query(`CREATE INDEX outbox_event_unfinished ON outbox_event (published_at) WHERE published_at IS NOT NULL AND completed_at IS NULL`);
    await db.query(`CREATE INDEX outbox_event_completed ON outbox_event (completed_at) WHERE completed_at IS NOT NULL`);
    await db.query(`
      CREATE TABLE event_delivery (
        event_id uuid NOT NULL REFERENCES outbox_event (id) ON DELETE CASCADE,
        listener text NOT NULL,
        done_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, listener)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE event_delivery, outbox_event`);
  }
}
