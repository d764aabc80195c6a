import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each institution's mentoring audience: whether its mentors and its students' community questions stay within the
 * institution (the default, when it has no row) or join the network of every institution that chose to share.
 */
export class MentoringAudience1764001100000 implements MigrationInterface {
  name = 'MentoringAudience1764001100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE mentoring_audience AS ENUM ('OWN_INSTITUTION', 'WHOLE_NETWORK')`);
    await db.query(`
      CREATE TABLE mentoring_institution_setting (
        institution_id uuid PRIMARY KEY,
        audience mentoring_audience NOT NULL DEFAULT 'OWN_INSTITUTION',
        updated_by uuid,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // The shared network is read on every directory, suggestion and question request: a small partial index.
    await db.query(`CREATE INDEX mentoring_institution_setting_shared ON mentoring_institution_setting (institution_id) WHERE audience = 'WHOLE_NETWORK'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mentoring_institution_setting`);
    await db.query(`DROP TYPE mentoring_audience`);
  }
}
