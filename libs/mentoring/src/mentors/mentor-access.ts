import { type Principal, Role } from '@careers/contracts';
import { canManageInstitution } from '@careers/platform';
import type { MentorProfile } from './mentor.model.js';

/**
 * Whose mentors a caller may find, by the institution's network setting. There is one setting for now, "own
 * institution": students, alumni and staff find their own institution's mentors; admins, who run the installation,
 * every institution's (null). Employers find none (undefined).
 */
export function mentorNetworkOf(caller: Principal): { institutionId: string | null } | undefined {
  if (caller.role === Role.ADMIN) return { institutionId: null };
  if (caller.role === Role.EMPLOYER || !caller.institutionId) return undefined;
  return { institutionId: caller.institutionId };
}

/**
 * Whether `caller` may see `mentor`'s profile: the mentor, the staff of their institution (and admins) always; people
 * of the mentor's network while the mentor has not opted out (a paused mentor stays visible, as not taking requests).
 */
export function canSeeMentor(caller: Principal, mentor: MentorProfile): boolean {
  if (caller.id === mentor.id || canManageInstitution(caller, mentor.institutionId)) return true;
  if (mentor.optedOut) return false;
  const network = mentorNetworkOf(caller);
  return network !== undefined && (network.institutionId === null || network.institutionId === mentor.institutionId);
}
