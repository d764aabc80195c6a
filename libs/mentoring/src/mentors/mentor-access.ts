import type { Principal } from '@careers/contracts';
import { canManageInstitution } from '@careers/platform';
import type { MentorProfile } from './mentor.model.js';

/**
 * The institutions whose mentors and community questions reach someone (MentoringAudienceService.networkOf): null for
 * admins, every institution; undefined for people of none (employers), no institution; else the institutions.
 */
export type MentoringNetwork = readonly string[] | null | undefined;

/** Whether `institutionId` is within `network`. */
export const inNetwork = (network: MentoringNetwork, institutionId: string) =>
  network === null || (network !== undefined && network.includes(institutionId));

/**
 * Whether `caller` may see `mentor`'s profile: the mentor, the staff of their institution (and admins) always; people
 * of the mentor's network while the mentor has not opted out (a paused mentor stays visible, as not taking requests).
 */
export function canSeeMentor(caller: Principal, network: MentoringNetwork, mentor: MentorProfile): boolean {
  if (caller.id === mentor.id || canManageInstitution(caller, mentor.institutionId)) return true;
  return !mentor.optedOut && inNetwork(network, mentor.institutionId);
}
