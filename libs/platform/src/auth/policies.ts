import { Role, type Principal } from '@careers/contracts';
import { badInput, forbidden } from '../errors/app-error.js';

/** Staff powers stop at their own institution; admins run the installation. */
export function canManageInstitution(p: Principal, institutionId: string | null): boolean {
  if (p.role === Role.ADMIN) return true;
  return p.role === Role.STAFF && institutionId !== null && p.institutionId === institutionId;
}

export function assertCanManageInstitution(p: Principal, institutionId: string | null): void {
  if (!canManageInstitution(p, institutionId)) {
    throw forbidden('Careers staff can only act on their own institution.');
  }
}

/**
 * The institution a staff decision (or approval queue) is for: the one named,
 * else the caller's own; BAD_USER_INPUT on `institutionId` when there is none
 * (admins belong to no institution), FORBIDDEN unless the caller may manage
 * it. Ids come back in lower case, as PostgreSQL returns them. With
 * `allForAdmins`, an admin who names none gets null: every institution's.
 */
export function decidingInstitution(caller: Principal, requested: string | null | undefined): string;
export function decidingInstitution(caller: Principal, requested: string | null | undefined, opts: { allForAdmins: true }): string | null;
export function decidingInstitution(caller: Principal, requested: string | null | undefined, opts?: { allForAdmins: true }): string | null {
  const institutionId = (requested ?? caller.institutionId)?.toLowerCase() ?? null;
  if (!institutionId) {
    if (opts?.allForAdmins && caller.role === Role.ADMIN) return null;
    throw badInput('Name the institution (institutionId) you act for: admins belong to none.', { field: 'institutionId' });
  }
  assertCanManageInstitution(caller, institutionId);
  return institutionId;
}
