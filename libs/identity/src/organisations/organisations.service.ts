import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ApprovalDecision, Role, type Principal } from '@careers/contracts';
import {
  badInput,
  byKeys,
  type ConnectionShape,
  decidingInstitution,
  decodeCursor,
  encodeCursor,
  forbidden,
  notFound,
  Outbox,
  pageSize,
  RateLimiter,
  toConnection,
} from '@careers/platform';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import { Institution } from '../institutions/institution.entity.js';
import { User } from '../users/user.entity.js';
import { Organisation, OrganisationApproval } from './organisation.entity.js';
import { OrganisationRepository } from './organisation.repository.js';
import type { DecideOrganisationInput, OrganisationApprovalsArgs, UpdateOrganisationInput } from './organisation.inputs.js';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(OrganisationApproval) private readonly approvals: Repository<OrganisationApproval>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox,
    private readonly limiter: RateLimiter,
    private readonly repository: OrganisationRepository,
  ) {}

  async byIds(ids: readonly string[]): Promise<(Organisation | null)[]> {
    return byKeys(ids, await this.organisations.findBy({ id: In([...ids]) }), (o) => o.id);
  }

  async approvalsOf(organisationIds: readonly string[]): Promise<OrganisationApproval[][]> {
    const rows = await this.approvals.find({ where: { organisationId: In([...organisationIds]) }, order: { createdAt: 'ASC' } });
    return organisationIds.map((id) => rows.filter((r) => r.organisationId === id));
  }

  /**
   * An employer asks an institution's careers staff to approve their
   * organisation: another institution, or again after a rejection. Asking
   * while it waits, or once approved, changes nothing and tells no one.
   */
  async requestApproval(caller: Principal, institutionId: string): Promise<OrganisationApproval> {
    if (caller.role !== Role.EMPLOYER || !caller.organisationId) throw forbidden('Only employers ask for their organisation to be approved.');
    const organisationId = caller.organisationId;
    await this.limiter.hit(
      [{ key: `organisation-approval:${organisationId}`, max: 10, windowSeconds: 24 * 3600 }],
      'Your organisation asked for approval 10 times today.',
    );
    return this.db.transaction(async (tx) => {
      if (!(await tx.existsBy(Institution, { id: institutionId }))) throw badInput('There is no institution with that id.', { field: 'institutionId' });
      await this.askApproval(tx, await tx.findOneByOrFail(Organisation, { id: organisationId }), institutionId);
      return tx.findOneByOrFail(OrganisationApproval, { organisationId, institutionId });
    });
  }

  /**
   * In `tx`: the organisation waits for the institution's decision (a new
   * request, or one after a rejection), and the institution's careers staff
   * are told (`identity.organisation-submitted`). Pending or approved already:
   * nothing changes.
   */
  async askApproval(tx: EntityManager, organisation: Organisation, institutionId: string): Promise<void> {
    if (!(await this.repository.askApproval(tx, organisation.id, institutionId))) return;
    const staff = await tx.find(User, { where: { role: Role.STAFF, institutionId }, select: { id: true } });
    await this.outbox.append(tx, {
      type: 'identity.organisation-submitted',
      aggregateType: 'organisation',
      aggregateId: organisation.id,
      payload: {
        organisationId: organisation.id,
        organisationName: organisation.name,
        website: organisation.website,
        awaiting: [{ institutionId, staffIds: staff.map((s) => s.id) }],
      },
    });
  }

  /**
   * Its employers edit their organisation's details, approved or not: while
   * it waits, staff decide on what is there now; after a rejection, they fix
   * what the reason asks before asking again.
   */
  async update(caller: Principal, input: UpdateOrganisationInput): Promise<Organisation> {
    if (caller.role !== Role.EMPLOYER || !caller.organisationId) throw forbidden('Only employers edit their organisation.');
    const organisation = await this.organisations.findOneByOrFail({ id: caller.organisationId });
    Object.assign(organisation, input);
    return this.organisations.save(organisation);
  }

  /**
   * Staff approve or reject an organisation for their own institution, once
   * it has asked that institution; its members are told (event). An
   * organisation that never asked is NOT_FOUND, as one that does not exist:
   * staff cannot decide on (and tell) employers that never came to them.
   */
  async decide(caller: Principal, input: DecideOrganisationInput): Promise<OrganisationApproval> {
    const institutionId = decidingInstitution(caller, input.institutionId);
    return this.db.transaction(async (tx) => {
      const request = await tx.findOne(OrganisationApproval, {
        where: { organisationId: input.organisationId, institutionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) throw notFound('A request for approval from that organisation to this institution');
      const organisation = await tx.findOneByOrFail(Organisation, { id: input.organisationId });
      const institution = await tx.findOneByOrFail(Institution, { id: institutionId });
      const approved = input.approve;
      const reason = approved ? (input.reason ?? null) : input.reason!;
      await tx.update(
        OrganisationApproval,
        { id: request.id },
        { status: approved ? ApprovalDecision.APPROVED : ApprovalDecision.REJECTED, reason, decidedById: caller.id, decidedAt: new Date() },
      );
      const members = await tx.find(User, { where: { organisationId: organisation.id }, select: { id: true } });
      await this.outbox.append(tx, {
        type: 'identity.organisation-decided',
        aggregateType: 'organisation',
        aggregateId: organisation.id,
        payload: {
          organisationId: organisation.id,
          organisationName: organisation.name,
          institutionId,
          institutionName: institution.name,
          approved,
          reason,
          memberIds: members.map((m) => m.id),
        },
      });
      return tx.findOneByOrFail(OrganisationApproval, { organisationId: organisation.id, institutionId });
    });
  }

  /** The approval queue of one institution, newest first. */
  async listApprovals(caller: Principal, args: OrganisationApprovalsArgs): Promise<ConnectionShape<OrganisationApproval>> {
    const institutionId = decidingInstitution(caller, args.institutionId, { allForAdmins: true });
    const first = pageSize(args);
    const qb = this.approvals.createQueryBuilder('a').orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').take(first + 1);
    if (institutionId) qb.andWhere('a.institution_id = :institutionId', { institutionId });
    if (args.status) qb.andWhere('a.status = :status', { status: args.status });
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after);
      qb.andWhere('(a.created_at, a.id) < (:createdAt, :id)', { createdAt, id });
    }
    return toConnection(await qb.getMany(), first, (a) => encodeCursor(a.createdAt.toISOString(), a.id));
  }
}
