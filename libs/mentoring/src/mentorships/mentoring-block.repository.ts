import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The condition that no block stands between the viewer (`viewer`, a parameter such as `$7`) and the mentor row
 * `m`, either way round: the directory and the suggestions leave such mentors out.
 */
export const notBlocked = (viewer: string) =>
  `NOT EXISTS (SELECT 1 FROM mentoring_block b WHERE (b.blocker_id = ${viewer} AND b.blocked_id = m.user_id) OR (b.blocker_id = m.user_id AND b.blocked_id = ${viewer}))`;

/** Blocks between people within mentoring (`mentoring_block`): raw parameterised SQL, as MentorshipRepository. */
@Injectable()
export class MentoringBlockRepository {
  /** Whether either of the two blocked the other. */
  async eitherWay(m: EntityManager, a: string, b: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM mentoring_block WHERE (blocker_id = $1 AND blocked_id = $2) OR (blocker_id = $2 AND blocked_id = $1) LIMIT 1`,
      [a, b],
    );
    return rows.length > 0;
  }

  async block(m: EntityManager, blocker: string, blocked: string): Promise<void> {
    await m.query(`INSERT INTO mentoring_block (blocker_id, blocked_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [blocker, blocked]);
  }

  /** Lifts the caller's own block; false when they had none on that person. */
  async unblock(m: EntityManager, blocker: string, blocked: string): Promise<boolean> {
    const [, count]: [unknown, number] = await m.query(`DELETE FROM mentoring_block WHERE blocker_id = $1 AND blocked_id = $2`, [blocker, blocked]);
    return count > 0;
  }
}
