import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Questions and answers: students' questions to the alumni community of their network or privately to one mentor,
 * answers with one vote per person, the asker's accepted answer, every earlier version of an edited question or
 * answer, the per-person views counted once, and the tags alumni and staff follow.
 */
export class Questions1764000800000 implements MigrationInterface {
  name = 'Questions1764000800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE question_visibility AS ENUM ('COMMUNITY', 'PRIVATE')`);
    await db.query(`
      CREATE TABLE question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL,
        asker_id uuid NOT NULL,
        visibility question_visibility NOT NULL,
        mentor_id uuid REFERENCES mentor_profile (user_id),
        title text NOT NULL CHECK (char_length(title) BETWEEN 5 AND 200),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 10000),
        tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 5),
        answer_count integer NOT NULL DEFAULT 0,
        accepted_answer_id uuid,
        view_count integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        edited_at timestamptz(3),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('mentoring', title), 'A') ||
          setweight(to_tsvector('mentoring', mentoring_words(tags)), 'B') ||
          setweight(to_tsvector('mentoring', body), 'C')) STORED,
        search_folded text GENERATED ALWAYS AS (mentoring_fold(title || ' ' || mentoring_words(tags))) STORED,
        CHECK ((visibility = 'PRIVATE') = (mentor_id IS NOT NULL))
      )`);
    // The feed: an institution's questions newest first; its unanswered view; my questions; a mentor's private ones.
    await db.query(`CREATE INDEX question_feed ON question (institution_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX question_unanswered ON question (institution_id, created_at DESC, id DESC) WHERE answer_count = 0`);
    await db.query(`CREATE INDEX question_asker ON question (asker_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX question_mentor ON question (mentor_id, created_at DESC, id DESC) WHERE mentor_id IS NOT NULL`);
    await db.query(`CREATE INDEX question_tags ON question USING gin (tags)`);
    await db.query(`CREATE INDEX question_search ON question USING gin (search)`);
    await db.query(`CREATE INDEX question_search_trgm ON question USING gin (search_folded gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE answer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id uuid NOT NULL REFERENCES question (id) ON DELETE CASCADE,
        author_id uuid NOT NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 10000),
        score integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        edited_at timestamptz(3)
      )`);
    await db.query(`CREATE INDEX answer_question ON answer (question_id, created_at, id)`);
    await db.query(`ALTER TABLE question ADD FOREIGN KEY (accepted_answer_id) REFERENCES answer (id)`);

    // Earlier versions: each edit first copies what it replaces here.
    await db.query(`
      CREATE TABLE question_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id uuid NOT NULL REFERENCES question (id) ON DELETE CASCADE,
        title text NOT NULL,
        body text NOT NULL,
        tags text[] NOT NULL,
        written_at timestamptz(3) NOT NULL
      )`);
    await db.query(`CREATE INDEX question_revision_question ON question_revision (question_id, written_at)`);
    await db.query(`
      CREATE TABLE answer_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        answer_id uuid NOT NULL REFERENCES answer (id) ON DELETE CASCADE,
        body text NOT NULL,
        written_at timestamptz(3) NOT NULL
      )`);
    await db.query(`CREATE INDEX answer_revision_answer ON answer_revision (answer_id, written_at)`);

    // One vote per person per answer.
    await db.query(`
      CREATE TABLE answer_vote (
        answer_id uuid NOT NULL REFERENCES answer (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        up boolean NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (answer_id, user_id)
      )`);
    // A view counted once per person.
    await db.query(`
      CREATE TABLE question_view (
        question_id uuid NOT NULL REFERENCES question (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        PRIMARY KEY (question_id, user_id)
      )`);
    await db.query(`
      CREATE TABLE question_tag_follow (
        user_id uuid NOT NULL,
        tag text NOT NULL,
        institution_id uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, tag)
      )`);
    await db.query(`CREATE INDEX question_tag_follow_tag ON question_tag_follow (institution_id, tag)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE question_tag_follow, question_view, answer_vote, answer_revision, question_revision`);
    await db.query(`ALTER TABLE question DROP COLUMN accepted_answer_id`);
    await db.query(`DROP TABLE answer, question`);
    await db.query(`DROP TYPE question_visibility`);
  }
}
