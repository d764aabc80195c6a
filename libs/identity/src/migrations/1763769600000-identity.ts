import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1763769600000 implements MigrationInterface {
  name = 'Identity1763769600000';

  // created_at is timestamptz(3): JavaScript dates hold milliseconds, so keyset cursors built from them round-trip exactly.
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE role AS ENUM ('STUDENT', 'ALUMNUS', 'EMPLOYER', 'STAFF', 'ADMIN')`);
    await db.query(`CREATE TYPE trust_level AS ENUM ('NEW', 'BASIC', 'TRUSTED')`);
    await db.query(`CREATE TYPE approval_status AS ENUM ('PENDING', 'APPROVED', 'REJECTED')`);
    await db.query(`CREATE TYPE profile_visibility AS ENUM ('PUBLIC', 'INSTITUTION', 'PRIVATE')`);
    await db.query(`
      CREATE TABLE institution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        email_domains text[] NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX institution_email_domains ON institution USING gin (email_domains)`);
    await db.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        website text,
        description text,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE user_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        role role NOT NULL,
        institution_id uuid REFERENCES institution (id),
        organisation_id uuid REFERENCES organisation (id),
        trust_level trust_level NOT NULL DEFAULT 'NEW',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT user_email_lower CHECK (email = lower(email)),
        CONSTRAINT user_membership CHECK (
          CASE role
            WHEN 'EMPLOYER' THEN organisation_id IS NOT NULL AND institution_id IS NULL
            WHEN 'ADMIN' THEN organisation_id IS NULL
            ELSE institution_id IS NOT NULL AND organisation_id IS NULL
          END)
      )`);
    await db.query(`CREATE UNIQUE INDEX user_account_email ON user_account (email)`);
    await db.query(`CREATE INDEX user_account_institution ON user_account (institution_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX user_account_organisation ON user_account (organisation_id)`);
    await db.query(`
      CREATE TABLE organisation_approval (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        institution_id uuid NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
        status approval_status NOT NULL DEFAULT 'PENDING',
        reason text,
        decided_by_id uuid REFERENCES user_account (id) ON DELETE SET NULL,
        decided_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, institution_id)
      )`);
    await db.query(`CREATE INDEX organisation_approval_queue ON organisation_approval (institution_id, status, created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE profile (
        user_id uuid PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
        headline text,
        bio text,
        course text,
        graduation_year int,
        sectors text[] NOT NULL DEFAULT '{}',
        skills text[] NOT NULL DEFAULT '{}',
        interests text[] NOT NULL DEFAULT '{}',
        links jsonb NOT NULL DEFAULT '[]',
        visibility profile_visibility NOT NULL DEFAULT 'INSTITUTION',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        secret_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX refresh_token_family ON refresh_token (family_id)`);
    await db.query(`CREATE INDEX refresh_token_user ON refresh_token (user_id)`);
    await db.query(`CREATE INDEX refresh_token_expiry ON refresh_token (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE refresh_token, profile, organisation_approval, user_account, organisation, institution`);
    await db.query(`DROP TYPE profile_visibility, approval_status, trust_level, role`);
  }
}
