import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which token a used refresh token was exchanged for. A browser that loads two pages in quick succession sends the
 * same cookie twice when the first answer (with the rotated cookie) was aborted; within a few seconds that is not
 * theft, and the successor tells whether the rotation it caused has been used yet (SessionsService.refresh).
 */
export class RefreshTokenSuccessor1764000400000 implements MigrationInterface {
  name = 'RefreshTokenSuccessor1764000400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE refresh_token ADD COLUMN replaced_by uuid`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE refresh_token DROP COLUMN replaced_by`);
  }
}
