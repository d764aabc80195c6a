import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApprovalDecision, PEOPLE_DIRECTORY, type PeopleDirectory, type Principal, Role } from '@careers/contracts';
import { badInput, conflict, decidingInstitution, forbidden, notFound, Outbox } from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { renderMarkdown } from './markdown.js';
import { canSee, editorOf } from './vacancy-access.js';
import { VacancyApproval } from './vacancy-approval.js';
import { VacancyRepository } from './vacancy.repository.js';
import type { DecideVacancyInput, PostVacancyInput, RenewVacancyInput, UpdateVacancyInput } from './vacancy.inputs.js';
import { type Vacancy, VacancyStatus } from './vacancy.model.js';

const DAY = 24 * 3600 * 1000;
/** How far out a vacancy may expire. */
const MAX_EXPIRY_DAYS = 365;
/** Default time a vacancy stays on the network after it closes (shown as closed). */
const DEFAULT_EXPIRY_AFTER_CLOSING_DAYS = 30;

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
    private readonly vacancies: VacancyRepository,
    private readonly approval: VacancyApproval,
  ) {}

  async post(caller: Principal, input: PostVacancyInput): Promise<Vacancy> {
    const missing = (['title', 'description', 'sector', 'location', 'remote', 'type', 'closesAt'] as const).filter((f) => input[f] === undefined);
    if (missing.length) throw badInput(`A vacancy needs ${missing.join(', ')}.`, { fields: missing });
    if (!input.applyUrl && !input.applyEmail) throw badInput('Say how to apply: an applyUrl or an applyEmail.', { field: 'applyUrl' });

    const { organisationId, employerName, targets } = await this.poster(caller, input);
    const dates = this.dates(input.closesAt!, input.expiresAt);
    this.assertSalary(input.salaryMin, input.salaryMax, input.salaryCurrency);

    return this.db.transaction(async (tx) => {
      const vacancy = await this.vacancies.insert(tx, {
        organisationId,
        employerName,
        title: input.title!.trim(),
        description: input.description!,
        descriptionHtml: renderMarkdown(input.description!),
        sector: input.sector!.trim(),
        location: input.location!.trim(),
        remote: input.remote!,
        type: input.type!,
        salaryMin: input.salaryMin ?? null,
        salaryMax: input.salaryMax ?? null,
        salaryCurrency: input.salaryMin != null || input.salaryMax != null ? input.salaryCurrency! : null,
        closesAt: dates.closesAt,
        expiresAt: dates.expiresAt,
        applyUrl: input.applyUrl ?? null,
        applyEmail: input.applyEmail ?? null,
        createdBy: caller.id,
        posterInstitutionId: caller.role === Role.STAFF ? caller.institutionId : null,
      });
      await this.vacancies.addTargets(tx, vacancy.id, targets);
      return input.submit ? this.approval.submitIn(tx, caller, vacancy) : vacancy;
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
      // null clears a way to apply (switching from a web page to email); one must be left.
      const applyUrl = input.applyUrl !== undefined ? input.applyUrl : current.applyUrl;
      const applyEmail = input.applyEmail !== undefined ? input.applyEmail : current.applyEmail;
      if (!applyUrl && !applyEmail) throw badInput('Say how to apply: an applyUrl or an applyEmail.', { field: 'applyUrl' });

      let added: string[] = [];
      if (targets) {
        await this.vacancies.removeTargetsBut(tx, current.id, targets);
        added = await this.vacancies.addTargets(tx, current.id, targets);
      }

      const updated = await this.vacancies.update(tx, current.id, {
        title: input.title?.trim() ?? current.title,
        description: input.description ?? current.description,
        descriptionHtml: input.description !== undefined ? renderMarkdown(input.description) : current.descriptionHtml,
        sector: input.sector?.trim() ?? current.sector,
        location: input.location?.trim() ?? current.location,
        remote: input.remote ?? current.remote,
        type: input.type ?? current.type,
        salaryMin: salaryMin ?? null,
        salaryMax: salaryMax ?? null,
        salaryCurrency: salaryMin != null || salaryMax != null ? currency! : null,
        closesAt: dates.closesAt,
        expiresAt: dates.expiresAt,
        applyUrl: applyUrl ?? null,
        applyEmail: applyEmail ?? null,
      });
      if (current.status === VacancyStatus.DRAFT) return updated;
      const changed = SEEN.some((seen) => seen(current) !== seen(updated));
      const inApproval = current.status === VacancyStatus.PUBLISHED || current.status === VacancyStatus.PENDING_APPROVAL;
      if (changed && inApproval && caller.role !== Role.ADMIN) return this.approval.submitIn(tx, caller, updated, true);
      if (added.length > 0) return this.approval.submitIn(tx, caller, updated, false, added);
      // Targets removed may leave nobody who approved it; an admin's edit reaches alerts it did not match before.
      return this.approval.settle(tx, current.id, changed);
    });
  }

  async submit(caller: Principal, id: string): Promise<Vacancy> {
    return this.db.transaction(async (tx) => {
      const current = await this.lockForEdit(tx, caller, id);
      if (current.status !== VacancyStatus.DRAFT && current.status !== VacancyStatus.REJECTED) {
        throw conflict(`This vacancy is ${current.status.toLowerCase().replace('_', ' ')}; only drafts and rejected vacancies are submitted.`);
      }
      return this.approval.submitIn(tx, caller, current);
    });
  }

  async decide(caller: Principal, input: DecideVacancyInput): Promise<Vacancy> {
    const institutionId = decidingInstitution(caller, input.institutionId);
    return this.db.transaction(async (tx) => {
      const found = await this.vacancies.lockWithDecision(tx, input.vacancyId, institutionId);
      const current = found?.vacancy;
      if (!found?.decision || !current || current.status === VacancyStatus.DRAFT) throw notFound('The vacancy');
      if (current.status !== VacancyStatus.PENDING_APPROVAL && current.status !== VacancyStatus.PUBLISHED) {
        throw conflict(`This vacancy is ${current.status.toLowerCase().replace('_', ' ')}: there is nothing to decide.`);
      }
      const decision = input.approve ? ApprovalDecision.APPROVED : ApprovalDecision.REJECTED;
      if (found.decision === decision) return current;
      await this.vacancies.setDecision(tx, input.vacancyId, institutionId, {
        decision,
        reason: input.approve ? null : input.reason!.trim(),
        decidedBy: caller.id,
      });
      await this.outbox.append(tx, {
        type: 'vacancies.vacancy-decided',
        aggregateType: 'vacancy',
        aggregateId: input.vacancyId,
        payload: {
          vacancyId: input.vacancyId,
          title: current.title,
          approved: input.approve,
          reason: input.approve ? null : input.reason!.trim(),
          notify: [current.createdBy],
        },
      });
      return this.approval.settle(tx, input.vacancyId, input.approve);
    });
  }

  async close(caller: Principal, id: string): Promise<Vacancy> {
    return this.db.transaction(async (tx) => {
      const current = await this.lockForEdit(tx, caller, id);
      if (current.status !== VacancyStatus.PUBLISHED) throw conflict('Only a published vacancy can be closed.');
      return this.vacancies.close(tx, id);
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
      await this.vacancies.setDates(tx, input.id, dates.closesAt, dates.expiresAt);
      return this.approval.settle(tx, input.id, current.status !== VacancyStatus.PUBLISHED);
    });
  }

  /** Closes vacancies past their closing time and expires those past their expiry. */
  async closeAndExpire(): Promise<{ closed: number; expired: number }> {
    return this.vacancies.closeAndExpire(this.db.manager);
  }

  /** The vacancy, locked, if the caller is its poster (see Editor). */
  private async lockForEdit(tx: EntityManager, caller: Principal, id: string): Promise<Vacancy> {
    const found = await this.vacancies.lockWithTargets(tx, id);
    if (!found) throw notFound('The vacancy');
    if (!editorOf(caller, found.vacancy)) {
      if (canSee(caller, found.vacancy, found.targets, [])) {
        throw forbidden(
          "Only the vacancy's poster can change it: its employer, or the careers service that posted it. " +
            "For your own institution's students, approve it or reject it with a reason the poster sees (decideVacancy).",
        );
      }
      throw notFound('The vacancy');
    }
    return found.vacancy;
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
