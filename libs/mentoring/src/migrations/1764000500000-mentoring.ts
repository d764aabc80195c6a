import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mentor profiles (with the read copy of what identity's profile says of course and graduation year), their
 * directory search (full text and partial words) and the mentorship rows that capacity counts.
 */
export class Mentoring1764000500000 implements MigrationInterface {
  name = 'Mentoring1764000500000';

  async up(db: QueryRunner): Promise<void> {
    // Trusted extensions (PostgreSQL 13+): a database owner may create them; vacancies may have already.
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    // Mentoring's own folding and text search configuration: a domain's schema does not lean on another's.
    await db.query(`CREATE TEXT SEARCH CONFIGURATION mentoring (COPY = english)`);
    await db.query(`ALTER TEXT SEARCH CONFIGURATION mentoring ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem`);
    // Naming the dictionary makes unaccent safe to index (unaccent() itself is only STABLE).
    await db.query(`
      CREATE FUNCTION mentoring_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, btrim($1))) $$`);
    await db.query(`
      CREATE FUNCTION mentoring_fold_all(text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT coalesce(array_agg(mentoring_fold(t)), '{}') FROM unnest($1) t $$`);
    // array_to_string is STABLE for arrays in general; for text[] it cannot change, so it may be indexed.
    await db.query(`
      CREATE FUNCTION mentoring_words(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT array_to_string($1, ' ') $$`);

    await db.query(`CREATE TYPE mentor_offer AS ENUM ('QUESTION', 'CONVERSATION', 'CV_FEEDBACK', 'MENTORSHIP')`);
    await db.query(`
      CREATE TABLE mentor_profile (
        user_id uuid PRIMARY KEY,
        institution_id uuid NOT NULL,
        display_name text NOT NULL,
        course text,
        graduation_year integer,
        about text,
        sectors text[] NOT NULL DEFAULT '{}',
        skills text[] NOT NULL DEFAULT '{}',
        organisations text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        topics text[] NOT NULL DEFAULT '{}',
        offers mentor_offer[] NOT NULL CHECK (cardinality(offers) BETWEEN 1 AND 4),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 50),
        accepting_requests boolean NOT NULL DEFAULT true,
        opted_out_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        sector_keys text[] GENERATED ALWAYS AS (mentoring_fold_all(sectors)) STORED,
        skill_keys text[] GENERATED ALWAYS AS (mentoring_fold_all(skills)) STORED,
        language_keys text[] GENERATED ALWAYS AS (mentoring_fold_all(languages)) STORED,
        topic_keys text[] GENERATED ALWAYS AS (mentoring_fold_all(topics)) STORED,
        course_key text GENERATED ALWAYS AS (mentoring_fold(course)) STORED,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('mentoring', display_name), 'A') ||
          setweight(to_tsvector('mentoring', mentoring_words(sectors) || ' ' || mentoring_words(skills) || ' ' || mentoring_words(organisations)), 'B') ||
          setweight(to_tsvector('mentoring', coalesce(course, '') || ' ' || mentoring_words(topics) || ' ' || mentoring_words(languages)), 'C') ||
          setweight(to_tsvector('mentoring', coalesce(about, '')), 'D')) STORED,
        search_folded text GENERATED ALWAYS AS (mentoring_fold(
          display_name || ' ' || mentoring_words(sectors) || ' ' || mentoring_words(skills) || ' ' ||
          mentoring_words(organisations) || ' ' || mentoring_words(topics) || ' ' || coalesce(course, ''))) STORED
      )`);
    // The directory: an institution's mentors taking requests, newest first.
    await db.query(
      `CREATE INDEX mentor_profile_listed ON mentor_profile (institution_id, created_at DESC, user_id DESC) WHERE accepting_requests AND opted_out_at IS NULL`,
    );
    await db.query(`CREATE INDEX mentor_profile_search ON mentor_profile USING gin (search)`);
    await db.query(`CREATE INDEX mentor_profile_search_trgm ON mentor_profile USING gin (search_folded gin_trgm_ops)`);
    // Filters and the suggestions' candidate search (any overlap with what the student names).
    await db.query(`CREATE INDEX mentor_profile_sectors ON mentor_profile USING gin (sector_keys)`);
    await db.query(`CREATE INDEX mentor_profile_skills ON mentor_profile USING gin (skill_keys)`);
    await db.query(`CREATE INDEX mentor_profile_languages ON mentor_profile USING gin (language_keys)`);
    await db.query(`CREATE INDEX mentor_profile_topics ON mentor_profile USING gin (topic_keys)`);
    await db.query(`CREATE INDEX mentor_profile_course ON mentor_profile (institution_id, course_key)`);

    // Mentorships: the requests slice fills it; capacity counts the ACTIVE rows from now on.
    await db.query(`CREATE TYPE mentorship_status AS ENUM ('REQUESTED', 'ACTIVE', 'DECLINED', 'ENDED', 'EXPIRED')`);
    await db.query(`
      CREATE TABLE mentorship (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mentor_id uuid NOT NULL REFERENCES mentor_profile (user_id),
        mentee_id uuid NOT NULL,
        status mentorship_status NOT NULL DEFAULT 'REQUESTED',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        started_at timestamptz(3),
        ended_at timestamptz(3),
        CHECK (mentor_id <> mentee_id)
      )`);
    await db.query(`CREATE INDEX mentorship_active ON mentorship (mentor_id) WHERE status = 'ACTIVE'`);
    // One open request or mentorship per pair.
    await db.query(`CREATE UNIQUE INDEX mentorship_open_pair ON mentorship (mentor_id, mentee_id) WHERE status IN ('REQUESTED', 'ACTIVE')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mentorship, mentor_profile`);
    await db.query(`DROP TYPE mentorship_status, mentor_offer`);
    await db.query(`DROP FUNCTION mentoring_words(text[]), mentoring_fold_all(text[]), mentoring_fold(text)`);
    await db.query(`DROP TEXT SEARCH CONFIGURATION mentoring`);
  }
}
