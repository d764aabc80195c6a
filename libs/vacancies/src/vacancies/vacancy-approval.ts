import { Inject, Injectable } from '@nestjs/common';
import { ApprovalDecision, PEOPLE_DIRECTORY, type PeopleDirectory, type Principal, Role, rollUpDecisions } from '@careers/contracts';
import { Outbox } from '@careers/platform';
import type { EntityManager } from 'typeorm';
import { VacancyRepository } from './vacancy.repository.js';
import { type Vacancy, VacancyStatus } from './vacancy.model.js';

/** A vacancy's status from the roll-up of its targets' decisions: published while one approves it. */
const STATUS_OF: Record<ApprovalDecision, VacancyStatus> = {
  [ApprovalDecision.APPROVED]: VacancyStatus.PUBLISHED,
  [ApprovalDecision.PENDING]: VacancyStatus.PENDING_APPROVAL,
  [ApprovalDecision.REJECTED]: VacancyStatus.REJECTED,
};

/** Approval inside the transaction of a vacancy's change: its targets decide afresh, its status follows, and who must know is told. */
@Injectable()
export class VacancyApproval {
  constructor(
    private readonly outbox: Outbox,
    private readonly vacancies: VacancyRepository,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
  ) {}

  /**
   * Sends a vacancy for approval: every target (or only the `only` ones)
   * decides afresh, except the caller's own institution when they are its
   * staff (staff post directly). Published at once if any target is approved.
   * The staff of every target left to decide are told
   * (`vacancies.vacancy-submitted`), read through the transaction.
   */
  async submitIn(
    tx: EntityManager,
    caller: Principal,
    vacancy: Vacancy,
    edited = false,
    only?: string[],
  ): Promise<Vacancy> {
    const targets = await this.vacancies.redecide(tx, vacancy.id, {
      approveAll: caller.role === Role.ADMIN,
      approvedAt: caller.role === Role.STAFF ? caller.institutionId : null,
      decidedBy: caller.id,
      only,
    });
    const pending = targets.filter((t) => t.decision === ApprovalDecision.PENDING).map((t) => t.institutionId);
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

  /**
   * Sets the status from the roll-up of the targets' decisions, and announces the vacancy when it is (newly)
   * visible. The caller holds the vacancy's row lock, under which every decision on it changes.
   */
  async settle(tx: EntityManager, id: string, announce = true): Promise<Vacancy> {
    const status = STATUS_OF[rollUpDecisions(await this.vacancies.decisionsOf(tx, id))];
    const vacancy = await this.vacancies.settle(tx, id, status);
    if (announce && vacancy.status === VacancyStatus.PUBLISHED) await this.announce(tx, id);
    return vacancy;
  }

  /** Tells alert matching that the vacancy is visible to its approved institutions' students. */
  private async announce(tx: EntityManager, vacancyId: string): Promise<void> {
    const ids = await this.vacancies.approvedInstitutionIds(tx, vacancyId);
    await this.outbox.append(tx, {
      type: 'vacancies.vacancy-published',
      aggregateType: 'vacancy',
      aggregateId: vacancyId,
      payload: { vacancyId, institutionIds: ids },
    });
  }
}
