import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
import { DataSource, type EntityManager } from 'typeorm';
import { InstitutionRepository } from '../institutions/institution.repository.js';
import { UserRepository } from '../users/user.repository.js';
import type { Organisation, OrganisationApproval } from './organisation.entity.js';
import { OrganisationRepository } from './organisation.repository.js';

/** The most members `Organisation.members` lists (employers of one organisation are a handful). */
export const MAX_MEMBERS_LISTED = 200;
import type { DecideOrganisationInput, OrganisationApprovalsArgs, UpdateOrganisationInput } from './organisation.inputs.js';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox,
    private readonly limiter: RateLimiter,
    private readonly repository: OrganisationRepository,
    private readonly institutions: InstitutionRepository,
    private readonly users: UserRepository,
  ) {}

  /** The organisation's members, for its own members (to pick co-hosts, say); anyone else gets none. */
  async members(caller: Principal, organisationId: string): Promise<{ id: string; displayName: string }[]> {
    if (caller.role !== Role.EMPLOYER || caller.organisationId !== organisationId) return [];
    return this.users.members(this.db.manager, organisationId, MAX_MEMBERS_LISTED);
  }

  async byIds(ids: readonly string[]): Promise<(Organisation | null)[]> {
    return byKeys(ids, await this.repository.byIds(this.db.manager, ids), (o) => o.id);
  }

  async approvalsOf(organisationIds: readonly string[]): Promise<OrganisationApproval[][]> {
    const rows = await this.repository.approvalsOf(this.db.manager, organisationIds);
    return organisationIds.map((id) => rows.filter((r) => r.organisationId === id));
  }

  /** In `tx`: a new organisation, approved by no one yet (an employer signing up; askApproval follows). */
  create(tx: EntityManager, organisation: Pick<Organisation, 'name' | 'website'>): Promise<Organisation> {
    return this.repository.insert(tx, organisation);
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
      if (!(await this.institutions.exists(tx, institutionId))) throw badInput('There is no institution with that id.', { field: 'institutionId' });
      await this.askApproval(tx, await this.repository.get(tx, organisationId), institutionId);
      return this.repository.approval(tx, organisationId, institutionId);
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
    const staffIds = await this.users.staffIds(tx, institutionId);
    await this.outbox.append(tx, {
      type: 'identity.organisation-submitted',
      aggregateType: 'organisation',
      aggregateId: organisation.id,
      payload: {
        organisationId: organisation.id,
        organisationName: organisation.name,
        website: organisation.website,
        awaiting: [{ institutionId, staffIds }],
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
    const organisation = await this.repository.get(this.db.manager, caller.organisationId);
    Object.assign(organisation, input);
    return this.repository.save(this.db.manager, organisation);
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
      const request = await this.repository.lockApproval(tx, input.organisationId, institutionId);
      if (!request) throw notFound('A request for approval from that organisation to this institution');
      const organisation = await this.repository.get(tx, input.organisationId);
      const institution = await this.institutions.find(tx, institutionId);
      if (!institution) throw notFound('The institution');
      const approved = input.approve;
      const reason = approved ? (input.reason ?? null) : input.reason!;
      await this.repository.decide(tx, request.id, {
        status: approved ? ApprovalDecision.APPROVED : ApprovalDecision.REJECTED,
        reason,
        decidedById: caller.id,
      });
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
          memberIds: await this.users.memberIds(tx, organisation.id),
        },
      });
      return this.repository.approval(tx, organisation.id, institutionId);
    });
  }

  /** The approval queue of one institution, newest first. */
  async listApprovals(caller: Principal, args: OrganisationApprovalsArgs): Promise<ConnectionShape<OrganisationApproval>> {
    const institutionId = decidingInstitution(caller, args.institutionId, { allForAdmins: true });
    const first = pageSize(args);
    const filter = { institutionId, status: args.status };
    const rows = await this.repository.approvalsPage(this.db.manager, filter, first + 1, args.after ? decodeCursor(args.after) : undefined);
    return toConnection(rows, first, (a) => encodeCursor(a.createdAt.toISOString(), a.id));
  }
}
