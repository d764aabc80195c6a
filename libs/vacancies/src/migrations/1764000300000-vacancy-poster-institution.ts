import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The institution whose careers staff posted a vacancy: with the employer's
 * organisation, the poster, who alone changes its text, dates and targets.
 * Staff of the other targets only decide for their own students.
 */
export class VacancyPosterInstitution1764000300000 implements MigrationInterface {
  name = 'VacancyPosterInstitution1764000300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE vacancy ADD COLUMN poster_institution_id uuid`);
    // Staff who post approve their own institution's target at once, and only it (admins approve every target):
    // the one target its creator decided on is the poster's institution (an admin's vacancy for one institution
    // goes to that institution's staff, its only audience). People are identity's, so not read here; a staff
    // draft never submitted keeps its creator alone as its poster.
    await db.query(`
      UPDATE vacancy v SET poster_institution_id = t.institution_id
      FROM vacancy_target t
      WHERE t.vacancy_id = v.id AND t.decided_by = v.created_by
        AND (SELECT count(*) FROM vacancy_target o WHERE o.vacancy_id = v.id AND o.decided_by = v.created_by) = 1`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE vacancy DROP COLUMN poster_institution_id`);
  }
}
