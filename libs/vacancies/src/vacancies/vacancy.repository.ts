import { Injectable } from '@nestjs/common';
import type { ApprovalDecision } from '@careers/contracts';
import type { EntityManager } from 'typeorm';
import { type RemotePolicy, Vacancy, type VacancyStatus, type VacancyType } from './vacancy.model.js';

/**
 * The vacancy aggregate's SQL (`vacancy` and its `vacancy_target` rows) and its row mapping. The dialect of every
 * repository: raw parameterised SQL ($1, $2, …) through the EntityManager the caller passes in, rows mapped to typed
 * objects here. The queries are PostgreSQL's own (GIN, tsquery, `FOR UPDATE`, `RETURNING`), which a query builder
 * would only restate; and taking the manager keeps a transaction's statements on its one connection (a repository
 * never takes a second one). Outside a transaction, callers pass `dataSource.manager`. Rules stay in the services.
 */
/** Columns of `vacancy` as a Vacancy (a SELECT list, aliased for `toVacancy`). */
export const VACANCY_COLUMNS = `v.id, v.organisation_id, v.employer_name, v.title, v.description, v.description_html, v.sector, v.location,
  v.remote, v.type, v.salary_min, v.salary_max, v.salary_currency, v.closes_at, v.expires_at, v.apply_url, v.apply_email,
  v.status, v.created_by, v.poster_institution_id, v.published_at, v.created_at, v.updated_at`;

export interface VacancyRow {
  id: string;
  organisation_id: string | null;
  employer_name: string;
  title: string;
  description: string;
  description_html: string;
  sector: string;
  location: string;
  remote: RemotePolicy;
  type: VacancyType;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  closes_at: Date;
  expires_at: Date;
  apply_url: string | null;
  apply_email: string | null;
  status: VacancyStatus;
  created_by: string;
  poster_institution_id: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function toVacancy(r: VacancyRow): Vacancy {
  return Object.assign(new Vacancy(), {
    id: r.id,
    organisationId: r.organisation_id,
    employerName: r.employer_name,
    title: r.title,
    description: r.description,
    descriptionHtml: r.description_html,
    sector: r.sector,
    location: r.location,
    remote: r.remote,
    type: r.type,
    salary: r.salary_currency ? { min: r.salary_min, max: r.salary_max, currency: r.salary_currency } : null,
    closesAt: r.closes_at,
    expiresAt: r.expires_at,
    applyUrl: r.apply_url,
    applyEmail: r.apply_email,
    status: r.status,
    createdBy: r.created_by,
    posterInstitutionId: r.poster_institution_id,
    publishedAt: r.published_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}

/** What the poster writes of a vacancy. */
export interface VacancyFields {
  title: string;
  description: string;
  descriptionHtml: string;
  sector: string;
  location: string;
  remote: RemotePolicy;
  type: VacancyType;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  closesAt: Date;
  expiresAt: Date;
  applyUrl: string | null;
  applyEmail: string | null;
}

export interface NewVacancy extends VacancyFields {
  organisationId: string | null;
  employerName: string;
  createdBy: string;
  posterInstitutionId: string | null;
}

const fields = (f: VacancyFields) => [
  f.title,
  f.description,
  f.descriptionHtml,
  f.sector,
  f.location,
  f.remote,
  f.type,
  f.salaryMin,
  f.salaryMax,
  f.salaryCurrency,
  f.closesAt,
  f.expiresAt,
  f.applyUrl,
  f.applyEmail,
];

@Injectable()
export class VacancyRepository {
  async insert(m: EntityManager, v: NewVacancy): Promise<Vacancy> {
    const [row]: VacancyRow[] = await m.query(
      `INSERT INTO vacancy AS v (title, description, description_html, sector, location, remote, type,
                            salary_min, salary_max, salary_currency, closes_at, expires_at, apply_url, apply_email,
                            organisation_id, employer_name, created_by, poster_institution_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING ${VACANCY_COLUMNS}`,
      [...fields(v), v.organisationId, v.employerName, v.createdBy, v.posterInstitutionId],
    );
    return toVacancy(row);
  }

  async update(m: EntityManager, id: string, f: VacancyFields): Promise<Vacancy> {
    const [[row]]: [VacancyRow[], number] = await m.query(
      `UPDATE vacancy v SET title = $2, description = $3, description_html = $4, sector = $5, location = $6, remote = $7, type = $8,
                salary_min = $9, salary_max = $10, salary_currency = $11, closes_at = $12, expires_at = $13,
                apply_url = $14, apply_email = $15, updated_at = now()
       WHERE id = $1 RETURNING ${VACANCY_COLUMNS}`,
      [id, ...fields(f)],
    );
    return toVacancy(row);
  }

  /** Adds the targets it lacks (deciding PENDING); returns those added. */
  async addTargets(m: EntityManager, id: string, institutionIds: string[]): Promise<string[]> {
    const rows: { institution_id: string }[] = await m.query(
      `INSERT INTO vacancy_target (vacancy_id, institution_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING institution_id`,
      [id, institutionIds],
    );
    return rows.map((r) => r.institution_id);
  }

  async removeTargetsBut(m: EntityManager, id: string, keep: string[]): Promise<void> {
    await m.query(`DELETE FROM vacancy_target WHERE vacancy_id = $1 AND NOT (institution_id = ANY($2::uuid[]))`, [id, keep]);
  }

  /**
   * Every target (or only the `only` ones) decides afresh: PENDING, or APPROVED by `decidedBy` for all of them when
   * `approveAll`, or for the institution `approvedAt` alone. Returns each target's decision now.
   */
  async redecide(
    m: EntityManager,
    id: string,
    d: { approveAll: boolean; approvedAt: string | null; decidedBy: string; only?: string[] },
  ): Promise<{ institutionId: string; decision: ApprovalDecision }[]> {
    const [rows]: [{ institution_id: string; decision: ApprovalDecision }[], number] = await m.query(
      `UPDATE vacancy_target SET decision = CASE WHEN $2::boolean OR institution_id = $3 THEN 'APPROVED' ELSE 'PENDING' END::vacancy_decision,
              reason = NULL, decided_by = CASE WHEN $2::boolean OR institution_id = $3 THEN $4::uuid END,
              decided_at = CASE WHEN $2::boolean OR institution_id = $3 THEN now() END
       WHERE vacancy_id = $1 AND ($5::uuid[] IS NULL OR institution_id = ANY($5::uuid[])) RETURNING institution_id, decision`,
      [id, d.approveAll, d.approvedAt, d.decidedBy, d.only ?? null],
    );
    return rows.map((r) => ({ institutionId: r.institution_id, decision: r.decision }));
  }

  /** Every target's decision on the vacancy. */
  async decisionsOf(m: EntityManager, id: string): Promise<ApprovalDecision[]> {
    const rows: { decision: ApprovalDecision }[] = await m.query(`SELECT decision FROM vacancy_target WHERE vacancy_id = $1`, [id]);
    return rows.map((r) => r.decision);
  }

  /** Sets the status its targets' decisions came to; `published_at` is kept while it stays published, cleared otherwise. */
  async settle(m: EntityManager, id: string, status: VacancyStatus): Promise<Vacancy> {
    const [[row]]: [VacancyRow[], number] = await m.query(
      `UPDATE vacancy v SET status = $2::vacancy_status,
         published_at = CASE WHEN $2::vacancy_status = 'PUBLISHED' THEN coalesce(published_at, now()) END,
         updated_at = now()
       WHERE id = $1 RETURNING ${VACANCY_COLUMNS}`,
      [id, status],
    );
    return toVacancy(row);
  }

  async approvedInstitutionIds(m: EntityManager, id: string): Promise<string[]> {
    const [{ ids }]: { ids: string[] }[] = await m.query(
      `SELECT coalesce(array_agg(institution_id), '{}') AS ids FROM vacancy_target WHERE vacancy_id = $1 AND decision = 'APPROVED'`,
      [id],
    );
    return ids;
  }

  /** Of `institutionIds`, those that approve the vacancy now, their decisions locked FOR SHARE until the transaction ends. */
  async lockApprovedAmong(m: EntityManager, id: string, institutionIds: string[]): Promise<string[]> {
    const rows: { institution_id: string }[] = await m.query(
      `SELECT institution_id FROM vacancy_target WHERE vacancy_id = $1 AND institution_id = ANY($2::uuid[]) AND decision = 'APPROVED' FOR SHARE`,
      [id, institutionIds],
    );
    return rows.map((r) => r.institution_id);
  }

  /** The vacancy, locked for update, with the institution's decision on it (undefined where it is not a target). */
  async lockWithDecision(m: EntityManager, id: string, institutionId: string): Promise<{ vacancy: Vacancy; decision?: ApprovalDecision } | undefined> {
    const [row]: VacancyRow[] = await m.query(`SELECT ${VACANCY_COLUMNS} FROM vacancy v WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) return undefined;
    const [target]: { decision: ApprovalDecision }[] = await m.query(
      `SELECT decision FROM vacancy_target WHERE vacancy_id = $1 AND institution_id = $2`,
      [id, institutionId],
    );
    return { vacancy: toVacancy(row), decision: target?.decision };
  }

  async setDecision(m: EntityManager, id: string, institutionId: string, d: { decision: ApprovalDecision; reason: string | null; decidedBy: string }): Promise<void> {
    await m.query(
      `UPDATE vacancy_target SET decision = $3, reason = $4, decided_by = $5, decided_at = now() WHERE vacancy_id = $1 AND institution_id = $2`,
      [id, institutionId, d.decision, d.reason, d.decidedBy],
    );
  }

  /** The vacancy, locked for update, with every institution it targets. */
  async lockWithTargets(m: EntityManager, id: string): Promise<{ vacancy: Vacancy; targets: string[] } | undefined> {
    const [row]: (VacancyRow & { targets: string[] })[] = await m.query(
      `SELECT ${VACANCY_COLUMNS}, array(SELECT institution_id FROM vacancy_target t WHERE t.vacancy_id = v.id) AS targets
       FROM vacancy v WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row && { vacancy: toVacancy(row), targets: row.targets };
  }

  /** The vacancy with the institutions it targets and those that approve it now. */
  async withTargets(m: EntityManager, id: string): Promise<{ vacancy: Vacancy; targets: string[]; approved: string[] } | undefined> {
    const [row]: (VacancyRow & { targets: string[]; approved: string[] })[] = await m.query(
      `SELECT ${VACANCY_COLUMNS},
              array(SELECT institution_id FROM vacancy_target t WHERE t.vacancy_id = v.id) AS targets,
              array(SELECT institution_id FROM vacancy_target t WHERE t.vacancy_id = v.id AND t.decision = 'APPROVED') AS approved
       FROM vacancy v WHERE id = $1`,
      [id],
    );
    return row && { vacancy: toVacancy(row), targets: row.targets, approved: row.approved };
  }

  async close(m: EntityManager, id: string): Promise<Vacancy> {
    const [[row]]: [VacancyRow[], number] = await m.query(
      `UPDATE vacancy v SET status = 'CLOSED', closes_at = least(closes_at, now()), updated_at = now() WHERE id = $1 RETURNING ${VACANCY_COLUMNS}`,
      [id],
    );
    return toVacancy(row);
  }

  async setDates(m: EntityManager, id: string, closesAt: Date, expiresAt: Date): Promise<void> {
    await m.query(`UPDATE vacancy SET closes_at = $2, expires_at = $3, updated_at = now() WHERE id = $1`, [id, closesAt, expiresAt]);
  }

  /** What an alert shows of the vacancy. */
  async titleOf(m: EntityManager, id: string): Promise<{ title: string; employerName: string }> {
    const [row]: { title: string; employer_name: string }[] = await m.query(`SELECT title, employer_name FROM vacancy WHERE id = $1`, [id]);
    return { title: row.title, employerName: row.employer_name };
  }

  /** Closes vacancies past their closing time and expires those past their expiry. */
  async closeAndExpire(m: EntityManager): Promise<{ closed: number; expired: number }> {
    const closed = await m.query(`UPDATE vacancy SET status = 'CLOSED', updated_at = now() WHERE status = 'PUBLISHED' AND closes_at <= now()`);
    const expired = await m.query(
      `UPDATE vacancy SET status = 'EXPIRED', updated_at = now() WHERE status IN ('PUBLISHED', 'CLOSED') AND expires_at <= now()`,
    );
    return { closed: (closed as [unknown, number])[1], expired: (expired as [unknown, number])[1] };
  }
}
