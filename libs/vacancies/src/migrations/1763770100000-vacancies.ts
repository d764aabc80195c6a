import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Vacancies1763770100000 implements MigrationInterface {
  name = 'Vacancies1763770100000';

  async up(db: QueryRunner): Promise<void> {
    // Both are trusted extensions (PostgreSQL 13+): a database owner may create them.
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    // English stemming after accents are folded away: "Café engineers" and "cafe engineer" meet.
    await db.query(`CREATE TEXT SEARCH CONFIGURATION careers (COPY = english)`);
    await db.query(`ALTER TEXT SEARCH CONFIGURATION careers ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem`);
    // unaccent() is only STABLE (its dictionary could change); naming the dictionary makes it safe to index.
    await db.query(`
      CREATE FUNCTION careers_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, btrim($1))) $$`);

    await db.query(`CREATE TYPE vacancy_status AS ENUM ('DRAFT', 'PENDING_APPROVAL', 'PUBLISHED', 'REJECTED', 'CLOSED', 'EXPIRED')`);
    await db.query(`CREATE TYPE vacancy_type AS ENUM ('INTERNSHIP', 'PLACEMENT', 'GRADUATE_JOB', 'PART_TIME', 'VOLUNTEERING')`);
    await db.query(`CREATE TYPE remote_policy AS ENUM ('ON_SITE', 'HYBRID', 'REMOTE')`);
    await db.query(`CREATE TYPE vacancy_decision AS ENUM ('PENDING', 'APPROVED', 'REJECTED')`);
    await db.query(`CREATE TYPE alert_frequency AS ENUM ('INSTANT', 'DAILY', 'WEEKLY')`);

    await db.query(`
      CREATE TABLE vacancy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid,
        employer_name text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        description_html text NOT NULL,
        sector text NOT NULL,
        location text NOT NULL,
        remote remote_policy NOT NULL,
        type vacancy_type NOT NULL,
        salary_min integer CHECK (salary_min >= 0),
        salary_max integer,
        salary_currency char(3),
        closes_at timestamptz(3) NOT NULL,
        expires_at timestamptz(3) NOT NULL,
        apply_url text,
        apply_email text,
        status vacancy_status NOT NULL DEFAULT 'DRAFT',
        created_by uuid NOT NULL,
        published_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('careers', title), 'A') ||
          setweight(to_tsvector('careers', employer_name || ' ' || sector), 'B') ||
          setweight(to_tsvector('careers', location), 'C') ||
          setweight(to_tsvector('careers', description), 'D')) STORED,
        title_folded text GENERATED ALWAYS AS (careers_fold(title || ' ' || employer_name)) STORED,
        sector_key text GENERATED ALWAYS AS (careers_fold(sector)) STORED,
        location_keys text[] GENERATED ALWAYS AS (regexp_split_to_array(careers_fold(location), '\\s*[,;/]\\s*')) STORED,
        CHECK (salary_max >= salary_min),
        CHECK ((salary_min IS NULL AND salary_max IS NULL) = (salary_currency IS NULL)),
        CHECK (apply_url IS NOT NULL OR apply_email IS NOT NULL),
        CHECK (closes_at <= expires_at)
      )`);
    await db.query(`CREATE INDEX vacancy_search ON vacancy USING gin (search)`);
    await db.query(`CREATE INDEX vacancy_title_trgm ON vacancy USING gin (title_folded gin_trgm_ops)`);
    await db.query(`CREATE INDEX vacancy_published ON vacancy (published_at DESC, id DESC) WHERE status = 'PUBLISHED'`);
    await db.query(`CREATE INDEX vacancy_organisation ON vacancy (organisation_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX vacancy_closing ON vacancy (closes_at) WHERE status = 'PUBLISHED'`);
    await db.query(`CREATE INDEX vacancy_expiring ON vacancy (expires_at) WHERE status IN ('PUBLISHED', 'CLOSED')`);

    // Each target institution's careers staff decide for their own students.
    await db.query(`
      CREATE TABLE vacancy_target (
        vacancy_id uuid NOT NULL REFERENCES vacancy ON DELETE CASCADE,
        institution_id uuid NOT NULL,
        decision vacancy_decision NOT NULL DEFAULT 'PENDING',
        reason text,
        decided_by uuid,
        decided_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (vacancy_id, institution_id),
        CHECK (decision <> 'REJECTED' OR reason IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX vacancy_target_queue ON vacancy_target (institution_id, decision, created_at DESC, vacancy_id DESC)`);

    await db.query(`
      CREATE TABLE alert_subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        institution_id uuid NOT NULL,
        name text NOT NULL,
        keywords text[] NOT NULL DEFAULT '{}',
        keyword_queries text[] NOT NULL DEFAULT '{}',
        keyword_lexemes text[] NOT NULL DEFAULT '{}',
        CHECK (cardinality(keyword_queries) = cardinality(keywords)),
        sector text,
        sector_key text GENERATED ALWAYS AS (careers_fold(sector)) STORED,
        location text,
        location_key text GENERATED ALWAYS AS (careers_fold(location)) STORED,
        remote remote_policy[] NOT NULL DEFAULT '{}',
        types vacancy_type[] NOT NULL DEFAULT '{}',
        salary_min integer CHECK (salary_min >= 0),
        salary_currency char(3),
        frequency alert_frequency NOT NULL DEFAULT 'INSTANT',
        in_app boolean NOT NULL DEFAULT true,
        email boolean NOT NULL DEFAULT true,
        feed_token text NOT NULL UNIQUE,
        feed_fetched_at timestamptz(3),
        webhook_url text,
        webhook_secret text,
        webhook_failures integer NOT NULL DEFAULT 0,
        webhook_disabled_at timestamptz(3),
        paused boolean NOT NULL DEFAULT false,
        last_emailed_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((salary_min IS NULL) = (salary_currency IS NULL)),
        CHECK ((webhook_url IS NULL) = (webhook_secret IS NULL))
      )`);
    // Matching: subscriptions with keywords are found by lexeme overlap, the rest by their filters.
    await db.query(`CREATE INDEX alert_subscription_keywords ON alert_subscription USING gin (keyword_lexemes) WHERE NOT paused`);
    await db.query(`CREATE INDEX alert_subscription_unkeyed ON alert_subscription (sector_key) WHERE NOT paused AND keyword_lexemes = '{}'`);
    await db.query(`CREATE INDEX alert_subscription_owner ON alert_subscription (user_id, created_at DESC, id DESC)`);

    // One row per person and vacancy: whichever of their subscriptions matched, it reaches them once.
    await db.query(`
      CREATE TABLE alert_match (
        user_id uuid NOT NULL,
        vacancy_id uuid NOT NULL REFERENCES vacancy ON DELETE CASCADE,
        subscription_id uuid NOT NULL REFERENCES alert_subscription ON DELETE CASCADE,
        organisation_key text NOT NULL,
        reasons text NOT NULL,
        in_app boolean NOT NULL,
        email_pending boolean NOT NULL,
        emailed_at timestamptz(3),
        webhook_delivered_at timestamptz(3),
        matched_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, vacancy_id)
      )`);
    await db.query(`CREATE INDEX alert_match_subscription ON alert_match (subscription_id, matched_at DESC)`);
    await db.query(`CREATE INDEX alert_match_email_pending ON alert_match (subscription_id, matched_at) WHERE email_pending`);
    await db.query(`CREATE INDEX alert_match_vacancy ON alert_match (vacancy_id)`);

    await db.query(`
      CREATE TABLE alert_webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES alert_subscription ON DELETE CASCADE,
        user_id uuid NOT NULL,
        vacancy_id uuid NOT NULL REFERENCES vacancy ON DELETE CASCADE,
        attempts integer NOT NULL DEFAULT 0,
        delivered_at timestamptz(3),
        failed_at timestamptz(3),
        last_error text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (subscription_id, vacancy_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE alert_webhook_delivery, alert_match, alert_subscription, vacancy_target, vacancy`);
    await db.query(`DROP TYPE alert_frequency, vacancy_decision, remote_policy, vacancy_type, vacancy_status`);
    await db.query(`DROP FUNCTION careers_fold(text)`);
    await db.query(`DROP TEXT SEARCH CONFIGURATION careers`);
  }
}
