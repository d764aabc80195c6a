import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, type PeopleDirectory, type Principal, Role } from '@careers/contracts';
import {
  assertCanManageInstitution,
  badInput,
  canManageInstitution,
  type ConnectionShape,
  conflict,
  decodeCursor,
  encodeCursor,
  forbidden,
  notFound,
  Outbox,
  pageSize,
  toConnection,
} from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { renderMarkdown } from './markdown.js';
import { visibleAt } from './visibility.js';
import {
  OrganisationVacanciesArgs,
  type DecideVacancyInput,
  type PostVacancyInput,
  type RenewVacancyInput,
  type SearchVacanciesArgs,
  type UpdateVacancyInput,
  type VacancyApprovalsArgs,
  type VacancyFilter,
} from './vacancy.inputs.js';
import {
  toVacancy,
  Vacancy,
  VACANCY_COLUMNS,
  type VacancyAlertFigures,
  VacancyDecision,
  type VacancyRow,
  VacancyStatus,
  type VacancyTarget,
} from './vacancy.model.js';

const DAY = 24 * 3600 * 1000;
/** How far out a vacancy may expire. */
const MAX_EXPIRY_DAYS = 365;
/** Default time a vacancy stays on the network after it closes (shown as closed). */
const DEFAULT_EXPIRY_AFTER_CLOSING_DAYS = 30;

/**
 * Who may edit, submit, close and renew a vacancy, its poster: its organisation's members, the staff of the
 * institution that posted it (and its creator), admins. Staff of the other targets decide for their own students
 * only (decideVacancy): what the students of another institution see is not theirs to change.
 */
type Editor = 'ORGANISATION' | 'POSTER_STAFF' | 'ADMIN';

/** What students see of a vacancy, besides its targets: an edit that changes any of it needs approval again. */
const SEEN: ((v: Vacancy) => unknown)[] = [
  (v) => v.title,
  (v) => v.description,
  (v) => v.sector,
  (v) => v.location,
  (v) => v.remote,
  (v) => v.type,
  (v) => v.salary?.min,
  (v) => v.salary?.max,
  (v) => v.salary?.currency,
  (v) => v.closesAt.getTime(),
  (v) => v.expiresAt.getTime(),
  (v) => v.applyUrl,
  (v) => v.applyEmail,
];

@Injectable()
export class VacanciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
  ) {}

  async post(caller: Principal, input: PostVacancyInput): Promise<Vacancy> {
    const missing = (['title', 'description', 'sector', 'location', 'remote', 'type', 'closesAt'] as const).filter((f) => input[f] === undefined);
    if (missing.length) throw badInput(`A vacancy needs ${missing.join(', ')}.`, { fields: missing });
    if (!input.applyUrl && !input.applyEmail) throw badInput('Say how to apply: an applyUrl or an applyEmail.', { field: 'applyUrl' });

    const { organisationId, employerName, targets } = await this.poster(caller, input);
    const dates = this.dates(input.closesAt!, input.expiresAt);
    this.assertSalary(input.salaryMin, input.salaryMax, input.salaryCurrency);

    return this.db.transaction(async (tx) => {
      const [row]: VacancyRow[] = await tx.query(
        `INSERT INTO vacancy AS v (organisation_id, employer_name, title, description, description_html, sector, location, remote, type,
                              salary_min, salary_max, salary_currency, closes_at, expires_at, apply_url, apply_email, created_by, poster_institution_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING ${VACANCY_COLUMNS}`,
        [
          organisationId,
          employerName,
          input.title!.trim(),
          input.description!,
          renderMarkdown(input.description!),
          input.sector!.trim(),
          input.location!.trim(),
          input.remote,
          input.type,
          input.salaryMin ?? null,
          input.salaryMax ?? null,
          input.salaryMin != null || input.salaryMax != null ? input.salaryCurrency : null,
          dates.closesAt,
          dates.expiresAt,
          input.applyUrl ?? null,
          input.applyEmail ?? null,
          caller.id,
          caller.role === Role.STAFF ? caller.institutionId : null,
        ],
      );
      await tx.query(`INSERT INTO vacancy_target (vacancy_id, institution_id) SELECT $1, unnest($2::uuid[])`, [row.id, targets]);
      return input.submit ? this.submitIn(tx, caller, toVacancy(row)) : toVacancy(row);
    });
  }

  /**
   * The poster's edit. A change to what students see (anything but the targets) of a vacancy in approval sends it
   * back to every target but the poster's own institution, as a submission does: what they approved is not what is
   * there now. Admins are trusted with their edits. Targets added are asked; the others keep their decisions.
   */
  async update(caller: Principal, input: UpdateVacancyInput): Promise<Vacancy> {
    return this.db.transaction(async (tx) => {
      // Targets are checked before the vacancy is: an employer edits its own organisation's vacancies only
      // (lockForEdit), so its organisation is the vacancy's.
      const targets = input.targetInstitutionIds
        ? await this.allowedTargets(caller, caller.role === Role.EMPLOYER ? caller.organisationId : null, input.targetInstitutionIds, tx)
        : undefined;
      const current = await this.lockForEdit(tx, caller, input.id);
      if (current.status === VacancyStatus.CLOSED || current.status === VacancyStatus.EXPIRED) {
        throw conflict('This vacancy has closed: renew it to open it again, then edit it.');
      }
      const closesAt = input.closesAt ?? current.closesAt;
      const dates = input.closesAt || input.expiresAt ? this.dates(closesAt, input.expiresAt ?? current.expiresAt) : current;
      const salaryMin = input.salaryMin !== undefined ? input.salaryMin : current.salary?.min;
      const salaryMax = input.salaryMax !== undefined ? input.salaryMax : current.salary?.max;
      const currency = input.salaryCurrency ?? current.salary?.currency;
      this.assertSalary(salaryMin, salaryMax, currency);

      let added: string[] = [];
      if (targets) {
        await tx.query(`DELETE FROM vacancy_target WHERE vacancy_id = $1 AND NOT (institution_id = ANY($2::uuid[]))`, [current.id, targets]);
        const rows: { institution_id: string }[] = await tx.query(
          `INSERT INTO vacancy_target (vacancy_id, institution_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING institution_id`,
          [current.id, targets],
        );
        added = rows.map((r) => r.institution_id);
      }

      const [[row]]: [VacancyRow[], number] = await tx.query(
        `UPDATE vacancy v SET title = $2, description = $3, description_html = $4, sector = $5, location = $6, remote = $7, type = $8,
                salary_min = $9, salary_max = $10, salary_currency = $11, closes_at = $12, expires_at = $13,
                apply_url = $14, apply_email = $15, updated_at = now()
         WHERE id = $1 RETURNING ${VACANCY_COLUMNS}`,
        [
          current.id,
          input.title?.trim() ?? current.title,
          input.description ?? current.description,
          input.description !== undefined ? renderMarkdown(input.description) : current.descriptionHtml,
          input.sector?.trim() ?? current.sector,
          input.location?.trim() ?? current.location,
          input.remote ?? current.remote,
          input.type ?? current.type,
          salaryMin ?? null,
          salaryMax ?? null,
          salaryMin != null || salaryMax != null ? currency : null,
          dates.closesAt,
          dates.expiresAt,
          input.applyUrl ?? current.applyUrl,
          input.applyEmail ?? current.applyEmail,
        ],
      );
      const updated = toVacancy(row);
      if (current.status === VacancyStatus.DRAFT) return updated;
      const changed = SEEN.some((seen) => seen(current) !== seen(updated));
      const inApproval = current.status === VacancyStatus.PUBLISHED || current.status === VacancyStatus.PENDING_APPROVAL;
      if (changed && inApproval && caller.role !== Role.ADMIN) return this.submitIn(tx, caller, updated, true);
      if (added.length > 0) return this.submitIn(tx, caller, updated, false, added);
      // Targets removed may leave nobody who approved it; an admin's edit reaches alerts it did not match before.
      return this.settle(tx, current.id, changed);
    });
  }

  async submit(caller: Principal, id: string): Promise<Vacancy> {
    return this.db.transaction(async (tx) => {
      const current = await this.lockForEdit(tx, caller, id);
      if (current.status !== VacancyStatus.DRAFT && current.status !== VacancyStatus.REJECTED) {
        throw conflict(`This vacancy is ${current.status.toLowerCase().replace('_', ' ')}; only drafts and rejected vacancies are submitted.`);
      }
      return this.submitIn(tx, caller, current);
    });
  }

  /**
   * Sends a vacancy for approval: every target (or only the `only` ones)
   * decides afresh, except the caller's own institution when they are its
   * staff (staff post directly). Published at once if any target is approved.
   * The staff of every target left to decide are told
   * (`vacancies.vacancy-submitted`).
   */
  private async submitIn(
    tx: EntityManager,
    caller: Principal,
    vacancy: Vacancy,
    edited = false,
    only?: string[],
  ): Promise<Vacancy> {
    const [targets]: [{ institution_id: string; decision: VacancyDecision }[], number] = await tx.query(
      `UPDATE vacancy_target SET decision = CASE WHEN $2::boolean OR institution_id = $3 THEN 'APPROVED' ELSE 'PENDING' END::vacancy_decision,
              reason = NULL, decided_by = CASE WHEN $2::boolean OR institution_id = $3 THEN $4::uuid END,
              decided_at = CASE WHEN $2::boolean OR institution_id = $3 THEN now() END
       WHERE vacancy_id = $1 AND ($5::uuid[] IS NULL OR institution_id = ANY($5::uuid[])) RETURNING institution_id, decision`,
      [vacancy.id, caller.role === Role.ADMIN, caller.role === Role.STAFF ? caller.institutionId : null, caller.id, only ?? null],
    );
    const pending = targets.filter((t) => t.decision === VacancyDecision.PENDING).map((t) => t.institution_id);
    if (pending.length > 0) {
      const staff = await this.people.staffOf(pending, tx);
      await this.outbox.append(tx, {
        type: 'vacancies.vacancy-submitted',
        aggregateType: 'vacancy',
        aggregateId: vacancy.id,
        payload: {
          vacancyId: vacancy.id,
          title: vacancy.title,
          employerName: vacancy.employerName,
          edited,
          awaiting: pending.map((institutionId) => ({
            institutionId,
            staffIds: staff.filter((s) => s.institutionId === institutionId).map((s) => s.userId),
          })),
        },
      });
    }
    return this.settle(tx, vacancy.id);
  }

  /** Sets the status from the targets' decisions, and announces the vacancy when it is (newly) visible. */
  private async settle(tx: EntityManager, id: string, announce = true): Promise<Vacancy> {
    const [[row]]: [VacancyRow[], number] = await tx.query(
      `UPDATE vacancy v SET
         status = CASE
           WHEN EXISTS (SELECT 1 FROM vacancy_target t WHERE t.vacancy_id = v.id AND t.decision = 'APPROVED') THEN 'PUBLISHED'
           WHEN NOT EXISTS (SELECT 1 FROM vacancy_target t WHERE t.vacancy_id = v.id AND t.decision <> 'REJECTED') THEN 'REJECTED'
           ELSE 'PENDING_APPROVAL' END::vacancy_status,
         published_at = CASE WHEN EXISTS (SELECT 1 FROM vacancy_target t WHERE t.vacancy_id = v.id AND t.decision = 'APPROVED')
                        THEN coalesce(published_at, now()) END,
         updated_at = now()
       WHERE id = $1 RETURNING ${VACANCY_COLUMNS}`,
      [id],
    );
    const vacancy = toVacancy(row);
    if (announce && vacancy.status === VacancyStatus.PUBLISHED) await this.announce(tx, id);
    return vacancy;
  }

  /** Tells alert matching that the vacancy is visible to its approved institutions' students. */
  private async announce(tx: EntityManager, vacancyId: string): Promise<void> {
    const [{ ids }]: { ids: string[] }[] = await tx.query(
      `SELECT coalesce(array_agg(institution_id), '{}') AS ids FROM vacancy_target WHERE vacancy_id = $1 AND decision = 'APPROVED'`,
      [vacancyId],
    );
    await this.outbox.append(tx, {
      type: 'vacancies.vacancy-published',
      aggregateType: 'vacancy',
      aggregateId: vacancyId,
      payload: { vacancyId, institutionIds: ids },
    });
  }

  async decide(caller: Principal, input: DecideVacancyInput): Promise<Vacancy> {
    const institutionId = input.institutionId ?? caller.institutionId;
    if (!institutionId) throw badInput('Name the institution you decide for.', { field: 'institutionId' });
    assertCanManageInstitution(caller, institutionId);
    return this.db.transaction(async (tx) => {
      const [current]: VacancyRow[] = await tx.query(`SELECT ${VACANCY_COLUMNS} FROM vacancy v WHERE id = $1 FOR UPDATE`, [input.vacancyId]);
      const [target]: { decision: VacancyDecision }[] = current
        ? await tx.query(`SELECT decision FROM vacancy_target WHERE vacancy_id = $1 AND institution_id = $2`, [input.vacancyId, institutionId])
        : [];
      if (!target || current.status === VacancyStatus.DRAFT) throw notFound('The vacancy');
      if (current.status !== VacancyStatus.PENDING_APPROVAL && current.status !== VacancyStatus.PUBLISHED) {
        throw conflict(`This vacancy is ${current.status.toLowerCase().replace('_', ' ')}: there is nothing to decide.`);
      }
      const decision = input.approve ? VacancyDecision.APPROVED : VacancyDecision.REJECTED;
      if (target.decision === decision) return toVacancy(current);
      await tx.query(
        `UPDATE vacancy_target SET decision = $3, reason = $4, decided_by = $5, decided_at = now() WHERE vacancy_id = $1 AND institution_id = $2`,
        [input.vacancyId, institutionId, decision, input.approve ? null : input.reason!.trim(), caller.id],
      );
      await this.outbox.append(tx, {
        type: 'vacancies.vacancy-decided',
        aggregateType: 'vacancy',
        aggregateId: input.vacancyId,
        payload: {
          vacancyId: input.vacancyId,
          title: current.title,
          approved: input.approve,
          reason: input.approve ? null : input.reason!.trim(),
          notify: [current.created_by],
        },
      });
      return this.settle(tx, input.vacancyId, input.approve);
    });
  }

  async close(caller: Principal, id: string): Promise<Vacancy> {
    return this.db.transaction(async (tx) => {
      const current = await this.lockForEdit(tx, caller, id);
      if (current.status !== VacancyStatus.PUBLISHED) throw conflict('Only a published vacancy can be closed.');
      const [[row]]: [VacancyRow[], number] = await tx.query(
        `UPDATE vacancy v SET status = 'CLOSED', closes_at = least(closes_at, now()), updated_at = now() WHERE id = $1 RETURNING ${VACANCY_COLUMNS}`,
        [id],
      );
      return toVacancy(row);
    });
  }

  /** Opens a closed or expired vacancy again with new dates; approvals it had still stand. */
  async renew(caller: Principal, input: RenewVacancyInput): Promise<Vacancy> {
    const dates = this.dates(input.closesAt, input.expiresAt);
    return this.db.transaction(async (tx) => {
      const current = await this.lockForEdit(tx, caller, input.id);
      if (![VacancyStatus.PUBLISHED, VacancyStatus.CLOSED, VacancyStatus.EXPIRED].includes(current.status)) {
        throw conflict('Only a published, closed or expired vacancy can be renewed; submit a draft or rejected one instead.');
      }
      await tx.query(`UPDATE vacancy SET closes_at = $2, expires_at = $3, updated_at = now() WHERE id = $1`, [input.id, dates.closesAt, dates.expiresAt]);
      return this.settle(tx, input.id, current.status !== VacancyStatus.PUBLISHED);
    });
  }

  /** One vacancy, if the caller may see it (anything else is NOT_FOUND, so ids cannot be probed). */
  async get(caller: Principal, id: string): Promise<Vacancy> {
    const [row]: (VacancyRow & { targets: string[]; approved: string[] })[] = await this.db.query(
      `SELECT ${VACANCY_COLUMNS},
              array(SELECT institution_id FROM vacancy_target t WHERE t.vacancy_id = v.id) AS targets,
              array(SELECT institution_id FROM vacancy_target t WHERE t.vacancy_id = v.id AND t.decision = 'APPROVED') AS approved
       FROM vacancy v WHERE id = $1`,
      [id],
    );
    if (!row || !this.canSee(caller, row, row.targets, row.approved)) throw notFound('The vacancy');
    return toVacancy(row);
  }

  private canSee(caller: Principal, row: VacancyRow, targets: string[], approved: string[]): boolean {
    if (this.editorOf(caller, row)) return true;
    if (caller.role === Role.EMPLOYER) return row.organisation_id !== null && row.organisation_id === caller.organisationId;
    if (caller.role === Role.STAFF && row.status !== VacancyStatus.DRAFT && targets.includes(caller.institutionId!)) return true;
    return row.status === VacancyStatus.PUBLISHED && caller.institutionId !== null && approved.includes(caller.institutionId);
  }

  /** Every target of each vacancy, for a page of them in one statement. */
  async targetsOf(vacancyIds: readonly string[]): Promise<VacancyTarget[][]> {
    const rows: (VacancyTarget & { vacancyId: string })[] = await this.db.query(
      `SELECT vacancy_id AS "vacancyId", institution_id AS "institutionId", decision, reason, decided_at AS "decidedAt"
       FROM vacancy_target WHERE vacancy_id = ANY($1::uuid[]) ORDER BY created_at, institution_id`,
      [vacancyIds],
    );
    return vacancyIds.map((id) => rows.filter((r) => r.vacancyId === id));
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
   * Published vacancies the caller's institution approved, ranked by full-text
   * relevance (title first, then employer and sector, location, description)
   * plus partial-word similarity on title and employer, newest first otherwise.
   */
  async search(caller: Principal, args: SearchVacanciesArgs): Promise<ConnectionShape<Vacancy>> {
    const first = pageSize(args);
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (caller.role === Role.EMPLOYER) {
      where.push(`v.status = 'PUBLISHED'`, `v.organisation_id = ${p(caller.organisationId)}`);
    } else if (caller.role === Role.ADMIN) {
      where.push(`v.status = 'PUBLISHED'`);
    } else {
      if (!caller.institutionId) return toConnection([], first, () => '');
      where.push(visibleAt('v', p(caller.institutionId)));
    }
    where.push(...this.filterSql(args.filter, p));

    const query = args.query?.trim();
    let score = '0::numeric';
    if (query) {
      const q = p(query);
      // The trigram index finds partial words ("analy" in "Data Analyst"); full text finds stems anywhere.
      const like = p(`%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(v.search @@ websearch_to_tsquery('careers', ${q}) OR v.title_folded LIKE careers_fold(${like}))`);
      score = `round((ts_rank_cd(v.search, websearch_to_tsquery('careers', ${q}), 1) + word_similarity(careers_fold(${q}), v.title_folded))::numeric, 6)`;
    }
    if (args.after) {
      const [key, id] = decodeCursor(args.after);
      const [s, publishedAt] = String(key).split('|');
      if (!s || !publishedAt || Number.isNaN(Number(s)) || Number.isNaN(Date.parse(publishedAt))) {
        throw badInput('The cursor is not valid: pass the endCursor of a previous page.', { field: 'after' });
      }
      where.push(`(${score}, v.published_at, v.id) < (${p(s)}::numeric, ${p(publishedAt)}::timestamptz, ${p(id)}::uuid)`);
    }
    const rows: (VacancyRow & { score: string })[] = await this.db.query(
      `SELECT ${VACANCY_COLUMNS}, ${score} AS score FROM vacancy v WHERE ${where.join(' AND ')}
       ORDER BY score DESC, v.published_at DESC, v.id DESC LIMIT ${first + 1}`,
      params,
    );
    return toConnection(
      rows.map((r) => Object.assign(toVacancy(r), { score: r.score })),
      first,
      (v) => encodeCursor(`${v.score}|${v.publishedAt!.toISOString()}`, v.id),
    );
  }

  /** SQL conditions on `v` for the filters shared with alert subscriptions. */
  private filterSql(filter: VacancyFilter | undefined, p: (value: unknown) => string): string[] {
    if (!filter) return [];
    const where: string[] = [];
    if (filter.sector) where.push(`v.sector_key = careers_fold(${p(filter.sector)})`);
    if (filter.location) where.push(`careers_fold(${p(filter.location)}) = ANY(v.location_keys)`);
    if (filter.remote?.length) where.push(`v.remote = ANY(${p(filter.remote)}::remote_policy[])`);
    if (filter.types?.length) where.push(`v.type = ANY(${p(filter.types)}::vacancy_type[])`);
    if (filter.salaryMin != null) {
      where.push(`v.salary_currency = ${p(filter.salaryCurrency)} AND v.salary_max >= ${p(filter.salaryMin)}`);
    }
    return where;
  }

  /** The caller's organisation's vacancies, any status (employers), newest first. */
  async forOrganisation(caller: Principal, args: OrganisationVacanciesArgs): Promise<ConnectionShape<Vacancy>> {
    if (!caller.organisationId) throw forbidden('Only members of an organisation have its vacancies.');
    const first = pageSize(args);
    const params: unknown[] = [caller.organisationId];
    let where = 'v.organisation_id = $1';
    if (args.status) where += ` AND v.status = $${params.push(args.status)}`;
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after);
      where += ` AND (v.created_at, v.id) < ($${params.push(createdAt)}::timestamptz, $${params.push(id)}::uuid)`;
    }
    const rows: VacancyRow[] = await this.db.query(
      `SELECT ${VACANCY_COLUMNS} FROM vacancy v WHERE ${where} ORDER BY v.created_at DESC, v.id DESC LIMIT ${first + 1}`,
      params,
    );
    return toConnection(rows.map(toVacancy), first, (v) => encodeCursor(v.createdAt.toISOString(), v.id));
  }

  /** Vacancies waiting for (or decided by) an institution's careers staff, newest first. */
  async forApproval(caller: Principal, args: VacancyApprovalsArgs): Promise<ConnectionShape<Vacancy>> {
    const institutionId = args.institutionId ?? caller.institutionId;
    if (!institutionId) throw badInput('Name the institution.', { field: 'institutionId' });
    assertCanManageInstitution(caller, institutionId);
    const first = pageSize(args);
    const params: unknown[] = [institutionId, args.decision ?? VacancyDecision.PENDING];
    let where = `t.institution_id = $1 AND t.decision = $2 AND v.status <> 'DRAFT'`;
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after);
      where += ` AND (t.created_at, t.vacancy_id) < ($${params.push(createdAt)}::timestamptz, $${params.push(id)}::uuid)`;
    }
    const rows: (VacancyRow & { target_created_at: Date })[] = await this.db.query(
      `SELECT ${VACANCY_COLUMNS}, t.created_at AS target_created_at FROM vacancy_target t JOIN vacancy v ON v.id = t.vacancy_id
       WHERE ${where} ORDER BY t.created_at DESC, t.vacancy_id DESC LIMIT ${first + 1}`,
      params,
    );
    const page = rows.map((r) => Object.assign(toVacancy(r), { targetCreatedAt: r.target_created_at }));
    return toConnection(page, first, (v) => encodeCursor(v.targetCreatedAt.toISOString(), v.id));
  }

  /** Staff figures may be read by staff of a target institution, the poster and admins. */
  assertMaySeeFigures(caller: Principal, vacancy: Vacancy, targets: VacancyTarget[]): void {
    if (caller.role !== Role.ADMIN && !targets.some((t) => canManageInstitution(caller, t.institutionId)) && vacancy.createdBy !== caller.id) {
      throw forbidden('Alert figures are for careers staff of the institutions the vacancy targets.');
    }
  }

  /** How many people each vacancy's alerts reached, per channel, for a page of vacancies in one statement. */
  async alertFiguresOf(vacancyIds: readonly string[]): Promise<VacancyAlertFigures[]> {
    const rows: (VacancyAlertFigures & { vacancyId: string })[] = await this.db.query(
      `SELECT m.vacancy_id AS "vacancyId", count(*)::int AS matched,
              count(*) FILTER (WHERE m.in_app)::int AS "inApp",
              count(*) FILTER (WHERE m.emailed_at IS NOT NULL)::int AS email,
              count(*) FILTER (WHERE m.webhook_delivered_at IS NOT NULL)::int AS webhook,
              count(*) FILTER (WHERE s.feed_fetched_at >= m.matched_at)::int AS feed
       FROM alert_match m JOIN alert_subscription s ON s.id = m.subscription_id
       WHERE m.vacancy_id = ANY($1::uuid[]) GROUP BY m.vacancy_id`,
      [vacancyIds],
    );
    const none = { matched: 0, inApp: 0, email: 0, webhook: 0, feed: 0 };
    return vacancyIds.map((id) => {
      const { vacancyId: _, ...figures } = rows.find((r) => r.vacancyId === id) ?? { vacancyId: id, ...none };
      return figures;
    });
  }

  /** Closes vacancies past their closing time and expires those past their expiry. */
  async closeAndExpire(): Promise<{ closed: number; expired: number }> {
    const closed = await this.db.query(`UPDATE vacancy SET status = 'CLOSED', updated_at = now() WHERE status = 'PUBLISHED' AND closes_at <= now()`);
    const expired = await this.db.query(
      `UPDATE vacancy SET status = 'EXPIRED', updated_at = now() WHERE status IN ('PUBLISHED', 'CLOSED') AND expires_at <= now()`,
    );
    return { closed: (closed as [unknown, number])[1], expired: (expired as [unknown, number])[1] };
  }

  /** The vacancy, locked, if the caller is its poster (see Editor). */
  private async lockForEdit(tx: EntityManager, caller: Principal, id: string): Promise<Vacancy> {
    const [row]: (VacancyRow & { targets: string[] })[] = await tx.query(
      `SELECT ${VACANCY_COLUMNS}, array(SELECT institution_id FROM vacancy_target t WHERE t.vacancy_id = v.id) AS targets
       FROM vacancy v WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw notFound('The vacancy');
    if (!this.editorOf(caller, row)) {
      if (this.canSee(caller, row, row.targets, [])) {
        throw forbidden(
          "Only the vacancy's poster can change it: its employer, or the careers service that posted it. " +
            "For your own institution's students, approve it or reject it with a reason the poster sees (decideVacancy).",
        );
      }
      throw notFound('The vacancy');
    }
    return toVacancy(row);
  }

  private editorOf(caller: Principal, row: VacancyRow): Editor | null {
    if (caller.role === Role.ADMIN) return 'ADMIN';
    if (caller.role === Role.EMPLOYER) return row.organisation_id !== null && row.organisation_id === caller.organisationId ? 'ORGANISATION' : null;
    if (caller.role === Role.STAFF && (row.created_by === caller.id || (row.poster_institution_id !== null && row.poster_institution_id === caller.institutionId))) {
      return 'POSTER_STAFF';
    }
    return null;
  }

  /** Who the vacancy is for, and which institutions it may target, by the poster's role. */
  private async poster(caller: Principal, input: PostVacancyInput): Promise<{ organisationId: string | null; employerName: string; targets: string[] }> {
    if (caller.role === Role.EMPLOYER) {
      if (input.organisationId && input.organisationId !== caller.organisationId) throw forbidden('Employers post vacancies for their own organisation only.');
      const [org] = caller.organisationId ? await this.people.organisationsOf([caller.organisationId]) : [];
      if (!org || org.approvedInstitutionIds.length === 0) {
        throw forbidden('Your organisation needs the approval of an institution before it can post vacancies.');
      }
      const targets = await this.allowedTargets(caller, org.id, input.targetInstitutionIds ?? org.approvedInstitutionIds);
      return { organisationId: org.id, employerName: org.name, targets };
    }
    let employerName = input.employerName?.trim();
    if (input.organisationId) {
      const [org] = await this.people.organisationsOf([input.organisationId]);
      if (!org) throw badInput('There is no such organisation.', { field: 'organisationId' });
      employerName = org.name;
    }
    if (!employerName) throw badInput('Name the employer: an organisationId, or an employerName.', { field: 'employerName' });
    const defaults = caller.institutionId ? [caller.institutionId] : [];
    const targets = await this.allowedTargets(caller, input.organisationId ?? null, input.targetInstitutionIds ?? defaults);
    return { organisationId: input.organisationId ?? null, employerName, targets };
  }

  /** Employers may target the institutions that approved their organisation; staff and admins any institution. */
  private async allowedTargets(caller: Principal, organisationId: string | null, wanted: string[], tx?: EntityManager): Promise<string[]> {
    const targets = [...new Set(wanted)];
    if (targets.length === 0) throw badInput('Name at least one institution whose students should see it.', { field: 'targetInstitutionIds' });
    if (caller.role === Role.EMPLOYER) {
      const [org] = organisationId ? await this.people.organisationsOf([organisationId], tx) : [];
      const refused = targets.filter((t) => !org?.approvedInstitutionIds.includes(t));
      if (refused.length) {
        throw badInput('Your organisation is not approved by every institution you named; target only those that approved it.', {
          field: 'targetInstitutionIds',
          institutionIds: refused,
        });
      }
    } else {
      const found = await this.people.institutionsOf(targets, tx);
      if (found.length !== targets.length) throw badInput('One of the institutions does not exist.', { field: 'targetInstitutionIds' });
    }
    return targets;
  }

  private dates(closesAt: Date, expiresAt: Date | undefined): { closesAt: Date; expiresAt: Date } {
    const now = Date.now();
    const latest = now + MAX_EXPIRY_DAYS * DAY;
    if (closesAt.getTime() <= now) throw badInput('closesAt is in the past: give a closing date in the future.', { field: 'closesAt' });
    if (closesAt.getTime() > latest) throw badInput('closesAt is more than a year away: vacancies last at most a year.', { field: 'closesAt' });
    const expires = expiresAt ?? new Date(Math.min(closesAt.getTime() + DEFAULT_EXPIRY_AFTER_CLOSING_DAYS * DAY, latest));
    if (expires.getTime() < closesAt.getTime()) throw badInput('expiresAt is before closesAt: a vacancy expires after it closes.', { field: 'expiresAt' });
    if (expires.getTime() > latest + 60_000) throw badInput('expiresAt is more than a year away: vacancies last at most a year; renew it later.', { field: 'expiresAt' });
    return { closesAt, expiresAt: expires };
  }

  private assertSalary(min: number | null | undefined, max: number | null | undefined, currency: string | null | undefined): void {
    if (min != null && max != null && min > max) {
      throw badInput('salaryMin is more than salaryMax: give the lower figure first.', { field: 'salaryMin' });
    }
    if ((min != null || max != null) && !currency) throw badInput('Give salaryCurrency with a salary.', { field: 'salaryCurrency' });
  }
}
