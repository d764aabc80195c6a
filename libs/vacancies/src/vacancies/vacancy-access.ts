import { type Principal, Role } from '@careers/contracts';
import { type Vacancy, VacancyStatus } from './vacancy.model.js';

/**
 * Who may edit, submit, close and renew a vacancy, its poster: its organisation's members, the staff of the
 * institution that posted it (and its creator), admins. Staff of the other targets decide for their own students
 * only (decideVacancy): what the students of another institution see is not theirs to change.
 */
export type Editor = 'ORGANISATION' | 'POSTER_STAFF' | 'ADMIN';

export function editorOf(caller: Principal, v: Vacancy): Editor | null {
  if (caller.role === Role.ADMIN) return 'ADMIN';
  if (caller.role === Role.EMPLOYER) return v.organisationId !== null && v.organisationId === caller.organisationId ? 'ORGANISATION' : null;
  if (caller.role === Role.STAFF && (v.createdBy === caller.id || (v.posterInstitutionId !== null && v.posterInstitutionId === caller.institutionId))) {
    return 'POSTER_STAFF';
  }
  return null;
}

/** Whether the caller may see the vacancy, which targets `targets` and is approved by `approved` now. */
export function canSee(caller: Principal, v: Vacancy, targets: string[], approved: string[]): boolean {
  if (editorOf(caller, v)) return true;
  if (caller.role === Role.EMPLOYER) return v.organisationId !== null && v.organisationId === caller.organisationId;
  if (caller.role === Role.STAFF && v.status !== VacancyStatus.DRAFT && targets.includes(caller.institutionId!)) return true;
  return v.status === VacancyStatus.PUBLISHED && caller.institutionId !== null && approved.includes(caller.institutionId);
}
