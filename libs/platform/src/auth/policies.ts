import { Role, type Principal } from '@careers/contracts';
import { forbidden } from '../errors/app-error.js';

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
