import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { matchesFilter, visibleAt } from './visibility.js';
import type { VacancyFilter } from './vacancy.inputs.js';
import type { ApprovalDecision } from '@careers/contracts';
import type { Vacancy, VacancyAlertFigures, VacancyStatus, VacancyTarget } from './vacancy.model.js';
import { toVacancy, VACANCY_COLUMNS, type VacancyRow } from './vacancy.repository.js';

/** Whose vacancies a search looks at: an organisation's published ones, those visible at an institution, or every published one. */
export type SearchScope = { organisationId: string } | { institutionId: string } | 'ALL_PUBLISHED';

/** A search's keyset position: the score, publication time and id of the last vacancy of the page before. */
export interface SearchAfter {
  score: string;
  publishedAt: string;
  id: string;
}

/**
 * The vacancy aggregate's lists and per-page batches (the read side of VacancyRepository, whose opening comment
 * describes the dialect). Each page reads one row more than `first`, for `toConnection` to tell whether there is a next.
 */
@Injectable()
export class VacancySearchRepository {
  /**
   * Ranked by full-text relevance (title first, then employer and sector, location, description) plus partial-word
   * similarity on title and employer, newest first otherwise.
   */
  async search(
    m: EntityManager,
    s: { scope: SearchScope; filter?: VacancyFilter; query?: string; after?: SearchAfter; first: number },
  ): Promise<(Vacancy & { score: string })[]> {
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (s.scope === 'ALL_PUBLISHED') where.push(`v.status = 'PUBLISHED'`);
    else if ('organisationId' in s.scope) where.push(`v.status = 'PUBLISHED'`, `v.organisation_id = ${p(s.scope.organisationId)}`);
    else where.push(visibleAt('v', p(s.scope.institutionId)));
    const f = s.filter;
    if (f) {
      const salary = f.salaryMin != null;
      where.push(
        ...matchesFilter('v', {
          sectorKey: f.sector ? `careers_fold(${p(f.sector)})` : undefined,
          locationKey: f.location ? `careers_fold(${p(f.location)})` : undefined,
          remote: f.remote?.length ? `${p(f.remote)}::remote_policy[]` : undefined,
          types: f.types?.length ? `${p(f.types)}::vacancy_type[]` : undefined,
          salaryCurrency: salary ? p(f.salaryCurrency) : undefined,
          salaryMin: salary ? p(f.salaryMin) : undefined,
        }),
      );
    }
    let score = '0::numeric';
    if (s.query) {
      const q = p(s.query);
      // The trigram index finds partial words ("analy" in "Data Analyst"); full text finds stems anywhere.
      const like = p(`%${s.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(v.search @@ websearch_to_tsquery('careers', ${q}) OR v.title_folded LIKE careers_fold(${like}))`);
      score = `round((ts_rank_cd(v.search, websearch_to_tsquery('careers', ${q}), 1) + word_similarity(careers_fold(${q}), v.title_folded))::numeric, 6)`;
    }
    if (s.after) {
      where.push(`(${score}, v.published_at, v.id) < (${p(s.after.score)}::numeric, ${p(s.after.publishedAt)}::timestamptz, ${p(s.after.id)}::uuid)`);
    }
    const rows: (VacancyRow & { score: string })[] = await m.query(
      `SELECT ${VACANCY_COLUMNS}, ${score} AS score FROM vacancy v WHERE ${where.join(' AND ')}
       ORDER BY score DESC, v.published_at DESC, v.id DESC LIMIT ${s.first + 1}`,
      params,
    );
    return rows.map((r) => Object.assign(toVacancy(r), { score: r.score }));
  }

  /** An organisation's vacancies, any status or one, newest first. */
  async ofOrganisation(
    m: EntityManager,
    organisationId: string,
    s: { status?: VacancyStatus; after?: [createdAt: unknown, id: unknown]; first: number },
  ): Promise<Vacancy[]> {
    const params: unknown[] = [organisationId];
    let where = 'v.organisation_id = $1';
    if (s.status) where += ` AND v.status = $${params.push(s.status)}`;
    if (s.after) where += ` AND (v.created_at, v.id) < ($${params.push(s.after[0])}::timestamptz, $${params.push(s.after[1])}::uuid)`;
    const rows: VacancyRow[] = await m.query(
      `SELECT ${VACANCY_COLUMNS} FROM vacancy v WHERE ${where} ORDER BY v.created_at DESC, v.id DESC LIMIT ${s.first + 1}`,
      params,
    );
    return rows.map(toVacancy);
  }

  /** Vacancies (not drafts) an institution's decision on is `decision`, newest target first. */
  async decidedAt(
    m: EntityManager,
    institutionId: string,
    s: { decision: ApprovalDecision; after?: [createdAt: unknown, id: unknown]; first: number },
  ): Promise<(Vacancy & { targetCreatedAt: Date })[]> {
    const params: unknown[] = [institutionId, s.decision];
    let where = `t.institution_id = $1 AND t.decision = $2 AND v.status <> 'DRAFT'`;
    if (s.after) where += ` AND (t.created_at, t.vacancy_id) < ($${params.push(s.after[0])}::timestamptz, $${params.push(s.after[1])}::uuid)`;
    const rows: (VacancyRow & { target_created_at: Date })[] = await m.query(
      `SELECT ${VACANCY_COLUMNS}, t.created_at AS target_created_at FROM vacancy_target t JOIN vacancy v ON v.id = t.vacancy_id
       WHERE ${where} ORDER BY t.created_at DESC, t.vacancy_id DESC LIMIT ${s.first + 1}`,
      params,
    );
    return rows.map((r) => Object.assign(toVacancy(r), { targetCreatedAt: r.target_created_at }));
  }

  /** Every target of each vacancy, for a page of them in one statement. */
  async targetsOf(m: EntityManager, vacancyIds: readonly string[]): Promise<VacancyTarget[][]> {
    const rows: (VacancyTarget & { vacancyId: string })[] = await m.query(
      `SELECT vacancy_id AS "vacancyId", institution_id AS "institutionId", decision, reason, decided_at AS "decidedAt"
       FROM vacancy_target WHERE vacancy_id = ANY($1::uuid[]) ORDER BY created_at, institution_id`,
      [vacancyIds],
    );
    return vacancyIds.map((id) => rows.filter((r) => r.vacancyId === id));
  }

  /** How many people each vacancy's alerts reached, per channel, for a page of vacancies in one statement. */
  async alertFiguresOf(m: EntityManager, vacancyIds: readonly string[]): Promise<VacancyAlertFigures[]> {
    const rows: (VacancyAlertFigures & { vacancyId: string })[] = await m.query(
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
}
