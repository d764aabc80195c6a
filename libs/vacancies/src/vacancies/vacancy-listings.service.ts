import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApprovalDecision, type Principal, Role } from '@careers/contracts';
import {
  badInput,
  canManageInstitution,
  type ConnectionShape,
  decidingInstitution,
  decodeCursor,
  encodeCursor,
  forbidden,
  notFound,
  pageSize,
  toConnection,
} from '@careers/platform';
import { DataSource } from 'typeorm';
import { canSee, editorOf } from './vacancy-access.js';
import { type SearchScope, VacancySearchRepository } from './vacancy-search.repository.js';
import { VacancyRepository } from './vacancy.repository.js';
import type { OrganisationVacanciesArgs, SearchVacanciesArgs, VacancyApprovalsArgs } from './vacancy.inputs.js';
import { type Vacancy, type VacancyAlertFigures, type VacancyTarget } from './vacancy.model.js';

/** What each caller may read of vacancies: one, a search, an organisation's, an institution's approvals, and their targets and figures. */
@Injectable()
export class VacancyListingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly vacancies: VacancyRepository,
    private readonly lists: VacancySearchRepository,
  ) {}

  /** One vacancy, if the caller may see it (anything else is NOT_FOUND, so ids cannot be probed). */
  async get(caller: Principal, id: string): Promise<Vacancy> {
    const found = await this.vacancies.withTargets(this.db.manager, id);
    if (!found || !canSee(caller, found.vacancy, found.targets, found.approved)) throw notFound('The vacancy');
    return found.vacancy;
  }

  /** Every target of each vacancy, for a page of them in one statement. */
  targetsOf(vacancyIds: readonly string[]): Promise<VacancyTarget[][]> {
    return this.lists.targetsOf(this.db.manager, vacancyIds);
  }

  /** The poster's side sees every institution's decision; staff of the other targets see their own institution's. */
  visibleTargets(caller: Principal, vacancy: Vacancy, all: VacancyTarget[]): VacancyTarget[] {
    if (
      caller.role === Role.ADMIN ||
      vacancy.createdBy === caller.id ||
      (vacancy.organisationId && vacancy.organisationId === caller.organisationId) ||
      (caller.role === Role.STAFF && vacancy.posterInstitutionId !== null && vacancy.posterInstitutionId === caller.institutionId)
    ) {
      return all;
    }
    return all.filter((t) => canManageInstitution(caller, t.institutionId));
  }

  /**
   * Published vacancies the caller's institution approved (an employer: its organisation's; an admin: all), ranked
   * by relevance to the query, newest first otherwise (VacancySearchRepository.search).
   */
  async search(caller: Principal, args: SearchVacanciesArgs): Promise<ConnectionShape<Vacancy>> {
    const first = pageSize(args);
    let scope: SearchScope;
    if (caller.role === Role.EMPLOYER) scope = { organisationId: caller.organisationId! };
    else if (caller.role === Role.ADMIN) scope = 'ALL_PUBLISHED';
    else if (caller.institutionId) scope = { institutionId: caller.institutionId };
    else return toConnection([], first, () => '');
    let after;
    if (args.after) {
      const [key, id] = decodeCursor(args.after);
      const [score, publishedAt] = String(key).split('|');
      if (!score || !publishedAt || Number.isNaN(Number(score)) || Number.isNaN(Date.parse(publishedAt))) {
        throw badInput('The cursor is not valid: pass the endCursor of a previous page.', { field: 'after' });
      }
      after = { score, publishedAt, id: id as string };
    }
    const rows = await this.lists.search(this.db.manager, { scope, filter: args.filter, query: args.query?.trim(), after, first });
    return toConnection(rows, first, (v) => encodeCursor(`${v.score}|${v.publishedAt!.toISOString()}`, v.id));
  }

  /** The caller's organisation's vacancies, any status (employers), newest first. */
  async forOrganisation(caller: Principal, args: OrganisationVacanciesArgs): Promise<ConnectionShape<Vacancy>> {
    if (!caller.organisationId) throw forbidden('Only members of an organisation have its vacancies.');
    const first = pageSize(args);
    const after = args.after ? decodeCursor(args.after) : undefined;
    const rows = await this.lists.ofOrganisation(this.db.manager, caller.organisationId, { status: args.status, after, first });
    return toConnection(rows, first, (v) => encodeCursor(v.createdAt.toISOString(), v.id));
  }

  /** Vacancies waiting for (or decided by) an institution's careers staff, newest first. */
  async forApproval(caller: Principal, args: VacancyApprovalsArgs): Promise<ConnectionShape<Vacancy>> {
    const institutionId = decidingInstitution(caller, args.institutionId);
    const first = pageSize(args);
    const after = args.after ? decodeCursor(args.after) : undefined;
    const rows = await this.lists.decidedAt(this.db.manager, institutionId, { decision: args.decision ?? ApprovalDecision.PENDING, after, first });
    return toConnection(rows, first, (v) => encodeCursor(v.targetCreatedAt.toISOString(), v.id));
  }

  /** Staff figures may be read by staff of a target institution, the poster (its organisation's employers) and admins. */
  assertMaySeeFigures(caller: Principal, vacancy: Vacancy, targets: VacancyTarget[]): void {
    // Its poster (any member of its organisation, the careers service that posted it) sees what it reached.
    if (!editorOf(caller, vacancy) && !targets.some((t) => canManageInstitution(caller, t.institutionId)) && vacancy.createdBy !== caller.id) {
      throw forbidden('Alert figures are for careers staff of the institutions the vacancy targets.');
    }
  }

  /** How many people each vacancy's alerts reached, per channel, for a page of vacancies in one statement. */
  alertFiguresOf(vacancyIds: readonly string[]): Promise<VacancyAlertFigures[]> {
    return this.lists.alertFiguresOf(this.db.manager, vacancyIds);
  }
}
