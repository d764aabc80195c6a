import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The network map: a student's contacts and wants (private to them), the introduction requests they send to mentors
 * who fill a gap, and the folded organisations of mentor profiles that gaps and suggestions compare against.
 */
export class NetworkMap1764000900000 implements MigrationInterface {
  name = 'NetworkMap1764000900000';

  async up(db: QueryRunner): Promise<void> {
    // Gaps and suggestions find mentors by a folded organisation, as they do by sector.
    await db.query(`ALTER TABLE mentor_profile ADD COLUMN organisation_keys text[] GENERATED ALWAYS AS (mentoring_fold_all(organisations)) STORED`);
    await db.query(`CREATE INDEX mentor_profile_organisations ON mentor_profile USING gin (organisation_keys)`);

    await db.query(`
      CREATE TABLE network_contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL,
        person_id uuid,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        sector text CHECK (length(sector) <= 60),
        organisation text CHECK (length(organisation) <= 100),
        role text CHECK (length(role) <= 100),
        relation text CHECK (length(relation) <= 100),
        notes text CHECK (length(notes) <= 500),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        sector_key text GENERATED ALWAYS AS (mentoring_fold(sector)) STORED,
        organisation_key text GENERATED ALWAYS AS (mentoring_fold(organisation)) STORED,
        role_key text GENERATED ALWAYS AS (mentoring_fold(role)) STORED
      )`);
    await db.query(`CREATE INDEX network_contact_owner ON network_contact (owner_id, created_at, id)`);

    await db.query(`CREATE TYPE network_want_kind AS ENUM ('SECTOR', 'ORGANISATION', 'ROLE')`);
    await db.query(`
      CREATE TABLE network_want (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL,
        kind network_want_kind NOT NULL,
        value text NOT NULL CHECK (length(value) BETWEEN 1 AND 100),
        value_key text GENERATED ALWAYS AS (mentoring_fold(value)) STORED,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX network_want_owner ON network_want (owner_id, kind, value_key)`);

    await db.query(`CREATE TYPE introduction_status AS ENUM ('OPEN', 'ACCEPTED', 'DECLINED')`);
    await db.query(`
      CREATE TABLE introduction_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        student_id uuid NOT NULL,
        student_name text NOT NULL,
        mentor_id uuid NOT NULL REFERENCES mentor_profile (user_id),
        institution_id uuid NOT NULL,
        want_id uuid REFERENCES network_want (id) ON DELETE SET NULL,
        want_kind network_want_kind,
        want_value text,
        message text NOT NULL CHECK (length(message) BETWEEN 1 AND 1000),
        status introduction_status NOT NULL DEFAULT 'OPEN',
        note text CHECK (length(note) <= 1000),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        answered_at timestamptz(3),
        CHECK (student_id <> mentor_id)
      )`);
    // One open request per pair; a student's and a mentor's lists, newest first.
    await db.query(`CREATE UNIQUE INDEX introduction_open_pair ON introduction_request (student_id, mentor_id) WHERE status = 'OPEN'`);
    await db.query(`CREATE INDEX introduction_student ON introduction_request (student_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX introduction_mentor ON introduction_request (mentor_id, created_at DESC, id DESC)`);
    // Staff figures read mentorships by creation time.
    await db.query(`CREATE INDEX mentorship_created ON mentorship (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX mentorship_created`);
    await db.query(`DROP TABLE introduction_request, network_want, network_contact`);
    await db.query(`DROP TYPE introduction_status, network_want_kind`);
    await db.query(`ALTER TABLE mentor_profile DROP COLUMN organisation_keys`);
  }
}
