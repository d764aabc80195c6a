import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live chat events and registrations. Users, organisations and institutions are
 * identity's: referenced by id only (no foreign keys across domains), as
 * notifications does.
 */
export class LiveChats1763770200000 implements MigrationInterface {
  name = 'LiveChats1763770200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE live_chat_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        created_by_id uuid NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3) NOT NULL,
        capacity int NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
        -- PENDING until an audience institution approves; REJECTED when every one rejected.
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
        -- Why the event is rejected or cancelled overall; per-institution reasons are on live_chat_audience.
        status_reason text,
        graduation_years int[] NOT NULL DEFAULT '{}',
        subjects text[] NOT NULL DEFAULT '{}',
        -- iCalendar SEQUENCE: goes up on every reschedule and on cancelling.
        sequence int NOT NULL DEFAULT 0,
        -- REGISTERED registrations, kept under the event row's lock so capacity is never exceeded.
        registered_count int NOT NULL DEFAULT 0 CHECK (registered_count >= 0 AND registered_count <= capacity),
        cancelled_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await db.query(`CREATE INDEX live_chat_event_organisation ON live_chat_event (organisation_id, starts_at, id)`);
    await db.query(`CREATE INDEX live_chat_event_upcoming ON live_chat_event (starts_at, id) WHERE status = 'APPROVED'`);

    await db.query(`
      CREATE TABLE live_chat_host (
        event_id uuid NOT NULL REFERENCES live_chat_event (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, user_id)
      )`);
    await db.query(`CREATE INDEX live_chat_host_user ON live_chat_host (user_id)`);

    // One institution's decision on one event, as organisation_approval is for employers.
    await db.query(`
      CREATE TABLE live_chat_audience (
        event_id uuid NOT NULL REFERENCES live_chat_event (id) ON DELETE CASCADE,
        institution_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        reason text,
        decided_by_id uuid,
        decided_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, institution_id)
      )`);
    await db.query(`CREATE INDEX live_chat_audience_queue ON live_chat_audience (institution_id, status, created_at DESC, event_id DESC)`);

    // The waitlist is ordered by position, taken from a sequence when a person (re-)joins it.
    await db.query(`CREATE SEQUENCE live_chat_registration_position`);
    await db.query(`
      CREATE TABLE live_chat_registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES live_chat_event (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('REGISTERED', 'WAITLISTED', 'CANCELLED')),
        position bigint NOT NULL DEFAULT nextval('live_chat_registration_position'),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT live_chat_registration_once UNIQUE (event_id, user_id)
      )`);
    await db.query(`ALTER SEQUENCE live_chat_registration_position OWNED BY live_chat_registration.position`);
    await db.query(`CREATE INDEX live_chat_registration_waitlist ON live_chat_registration (event_id, position) WHERE status = 'WAITLISTED'`);
    await db.query(`CREATE INDEX live_chat_registration_event ON live_chat_registration (event_id, status)`);
    await db.query(`CREATE INDEX live_chat_registration_user ON live_chat_registration (user_id, status)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE live_chat_registration, live_chat_audience, live_chat_host, live_chat_event`);
  }
}
