import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MentoringAudience, type MentoringSettings } from './audience.model.js';

/**
 * Institutions' mentoring audience (`mentoring_institution_setting`; no row is OWN_INSTITUTION). Raw parameterised
 * SQL: no entity crosses its boundary.
 */
@Injectable()
export class MentoringAudienceRepository {
  /**
   * The institutions whose mentors and community questions reach someone of `institutionId`: itself, and, when it
   * shares with the whole network, every institution that does. One statement.
   */
  async networkOf(m: EntityManager, institutionId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT $1::uuid AS id
       UNION
       SELECT s.institution_id FROM mentoring_institution_setting s
        WHERE s.audience = 'WHOLE_NETWORK'
          AND EXISTS (SELECT 1 FROM mentoring_institution_setting o WHERE o.institution_id = $1 AND o.audience = 'WHOLE_NETWORK')`,
      [institutionId],
    );
    return rows.map((r) => r.id);
  }

  async settingsOf(m: EntityManager, institutionId: string): Promise<MentoringSettings> {
    const [row]: { audience: MentoringAudience; updated_at: Date }[] = await m.query(
      `SELECT audience, updated_at FROM mentoring_institution_setting WHERE institution_id = $1`,
      [institutionId],
    );
    return { institutionId, audience: row?.audience ?? MentoringAudience.OWN_INSTITUTION, updatedAt: row?.updated_at ?? null };
  }

  async set(m: EntityManager, institutionId: string, audience: MentoringAudience, by: string): Promise<void> {
    await m.query(
      `INSERT INTO mentoring_institution_setting (institution_id, audience, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (institution_id) DO UPDATE SET audience = EXCLUDED.audience, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [institutionId, audience, by],
    );
  }
}
