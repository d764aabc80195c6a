import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RefreshToken } from './refresh-token.entity.js';

/** What a new refresh token is stored with (the secret only as its hash). */
export interface NewRefreshToken {
  id: string;
  userId: string;
  familyId: string;
  secretHash: string;
  expiresAt: Date;
}

/**
 * The refresh tokens of sign-in sessions (`refresh_token`), through the EntityManager the caller passes in; the
 * rotation and reuse rules, and the transactions around them, stay in SessionsService. Dialect (CONTRIBUTING,
 * "Repositories hold the SQL"): what hands back a `RefreshToken` or writes one by key goes through that manager's
 * entity calls; what revokes or deletes many tokens at once, or counts, is raw parameterised SQL.
 */
@Injectable()
export class RefreshTokenRepository {
  /** The token `id`, or null. */
  find(m: EntityManager, id: string): Promise<RefreshToken | null> {
    return m.findOneBy(RefreshToken, { id });
  }

  /** The token `id`, its row locked (FOR UPDATE) until the transaction of `tx` ends, so it is used up once; or null. */
  lock(tx: EntityManager, id: string): Promise<RefreshToken | null> {
    return tx.findOne(RefreshToken, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(m: EntityManager, token: NewRefreshToken): Promise<void> {
    // insert, not save: save would wrap the single INSERT in a transaction of its own (two more round trips).
    await m.insert(RefreshToken, token);
  }

  /** The token `id` is used up (now, unless it already was) and exchanged for `successorId`. */
  async markUsed(m: EntityManager, id: string, successorId: string): Promise<void> {
    await m.query(`UPDATE refresh_token SET used_at = coalesce(used_at, now()), replaced_by = $2 WHERE id = $1`, [id, successorId]);
  }

  /** Revokes the token `id` unless it was used or revoked already; true when it did (it was still unspent). */
  async revokeUnspent(m: EntityManager, id: string): Promise<boolean> {
    const rows: { revoked: number }[] = await m.query(
      `WITH revoked AS (
         UPDATE refresh_token SET revoked_at = now() WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL RETURNING 1
       ) SELECT count(*)::int AS revoked FROM revoked`,
      [id],
    );
    return rows[0]?.revoked === 1;
  }

  /** Revokes, now, the tokens of the family (one sign-in) that are not revoked yet. */
  async revokeFamily(m: EntityManager, familyId: string): Promise<void> {
    await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }

  /** Revokes, now, every token of the user that is not revoked yet: every session they have. */
  async revokeAllOf(m: EntityManager, userId: string): Promise<void> {
    await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  /** Deletes the tokens that expired before `olderThan`; returns how many. */
  async deleteExpired(m: EntityManager, olderThan: Date): Promise<number> {
    // (A SELECT around the DELETE: TypeORM returns [rows, count] for a bare DELETE.)
    const rows: { deleted: number }[] = await m.query(
      `WITH gone AS (DELETE FROM refresh_token WHERE expires_at < $1 RETURNING 1) SELECT count(*)::int AS deleted FROM gone`,
      [olderThan],
    );
    return rows[0]?.deleted ?? 0;
  }
}
