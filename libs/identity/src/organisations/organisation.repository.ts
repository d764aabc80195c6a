import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The organisation aggregate's SQL that TypeORM's entity repository cannot say (a conditional upsert), in the dialect
 * of every repository (CONTRIBUTING, "Repositories hold the SQL"): raw parameterised SQL through the EntityManager
 * the caller passes in.
 */
@Injectable()
export class OrganisationRepository {
  /**
   * The organisation's request waits for the institution's decision: a new one, or one again after a rejection
   * (its reason and decider cleared). False when it was pending or approved already, and nothing changed.
   */
  async askApproval(m: EntityManager, organisationId: string, institutionId: string): Promise<boolean> {
    const asked: unknown[] = await m.query(
      `INSERT INTO organisation_approval (organisation_id, institution_id, status) VALUES ($1, $2, 'PENDING')
       ON CONFLICT (organisation_id, institution_id) DO UPDATE SET status = 'PENDING', reason = NULL, decided_by_id = NULL, decided_at = NULL
         WHERE organisation_approval.status = 'REJECTED'
       RETURNING id`,
      [organisationId, institutionId],
    );
    return asked.length > 0;
  }
}
