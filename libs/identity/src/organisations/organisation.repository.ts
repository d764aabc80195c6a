import { Injectable } from '@nestjs/common';
import type { ApprovalDecision, StaffDecisionMade } from '@careers/contracts';
import { type EntityManager, In } from 'typeorm';
import { Organisation, OrganisationApproval } from './organisation.entity.js';

/** Which requests for approval a page holds: both conditions are optional and combined with AND. */
export interface ApprovalFilter {
  institutionId?: string | null;
  status?: ApprovalDecision | null;
}

/**
 * The organisation aggregate's reads and writes (`organisation` and its requests for approval,
 * `organisation_approval`), through the EntityManager the caller passes in. Dialect (CONTRIBUTING, "Repositories
 * hold the SQL"): what hands back the `Organisation` or `OrganisationApproval` entities GraphQL serves, or writes
 * one by key, goes through that manager's entity calls (the query builder for the approval queue's pages); the
 * conditional upsert of a request is raw parameterised SQL.
 */
@Injectable()
export class OrganisationRepository {
  /** Those of `ids` that exist, in no particular order. */
  byIds(m: EntityManager, ids: readonly string[]): Promise<Organisation[]> {
    return m.findBy(Organisation, { id: In([...ids]) });
  }

  /** The organisation `id`; throws TypeORM's EntityNotFoundError when there is none. */
  get(m: EntityManager, id: string): Promise<Organisation> {
    return m.findOneByOrFail(Organisation, { id });
  }

  /** Stores a new organisation; returns it. */
  insert(m: EntityManager, organisation: Pick<Organisation, 'name' | 'website'>): Promise<Organisation> {
    return m.save(m.create(Organisation, organisation));
  }

  /** Stores the organisation's changed fields; returns the organisation. */
  save(m: EntityManager, organisation: Organisation): Promise<Organisation> {
    return m.save(organisation);
  }

  /** The requests for approval of those of `organisationIds`, oldest first. */
  approvalsOf(m: EntityManager, organisationIds: readonly string[]): Promise<OrganisationApproval[]> {
    return m.find(OrganisationApproval, { where: { organisationId: In([...organisationIds]) }, order: { createdAt: 'ASC' } });
  }

  /** The organisation's request to the institution; throws TypeORM's EntityNotFoundError when it never asked. */
  approval(m: EntityManager, organisationId: string, institutionId: string): Promise<OrganisationApproval> {
    return m.findOneByOrFail(OrganisationApproval, { organisationId, institutionId });
  }

  /**
   * The organisation's request to the institution, its row locked (FOR UPDATE) until the transaction of `tx` ends,
   * so that decisions on it take turns; null when it never asked.
   */
  lockApproval(tx: EntityManager, organisationId: string, institutionId: string): Promise<OrganisationApproval | null> {
    return tx.findOne(OrganisationApproval, { where: { organisationId, institutionId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Stores the decision on the request `id`, made now. */
  async decide(m: EntityManager, id: string, decision: StaffDecisionMade): Promise<void> {
    await m.update(OrganisationApproval, { id }, { ...decision, decidedAt: new Date() });
  }

  /** At most `limit` requests matching `filter`, newest first (created_at, then id, descending), from after (createdAt, id). */
  approvalsPage(m: EntityManager, filter: ApprovalFilter, limit: number, after?: [createdAt: unknown, id: string]): Promise<OrganisationApproval[]> {
    const qb = m.getRepository(OrganisationApproval).createQueryBuilder('a').orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').take(limit);
    if (filter.institutionId) qb.andWhere('a.institution_id = :institutionId', { institutionId: filter.institutionId });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (after) {
      const [createdAt, id] = after;
      qb.andWhere('(a.created_at, a.id) < (:createdAt, :id)', { createdAt, id });
    }
    return qb.getMany();
  }

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
