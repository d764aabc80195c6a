import { type Principal, Role } from '@careers/contracts';
import { canManageInstitution } from '@careers/platform';
import { inNetwork, type MentoringNetwork } from '../mentors/mentor-access.js';

/** What the access rules need of a question. */
export interface QuestionScope {
  institutionId: string;
  askerId: string;
  visibility: 'COMMUNITY' | 'PRIVATE';
  mentorId: string | null;
}

/**
 * Whether `caller` may see `q` at all. A community question: its audience and the staff of its institution. A
 * private one: the asker, the chosen mentor, the staff of the asker's institution and admins, nobody else.
 */
export function canSeeQuestion(caller: Principal, network: MentoringNetwork, q: QuestionScope): boolean {
  if (caller.id === q.askerId || caller.id === q.mentorId || canManageInstitution(caller, q.institutionId)) return true;
  return q.visibility === 'COMMUNITY' && inNetwork(network, q.institutionId);
}

/**
 * Whether `caller` may answer `q` (which they can see): the chosen mentor of a private question; alumni and staff of
 * the audience of a community one. Students ask and vote but do not answer; admins run the installation.
 */
export function canAnswerQuestion(caller: Principal, network: MentoringNetwork, q: QuestionScope): boolean {
  if (q.visibility === 'PRIVATE') return caller.id === q.mentorId;
  if (caller.role !== Role.ALUMNUS && caller.role !== Role.STAFF) return false;
  return canSeeQuestion(caller, network, q) && caller.id !== q.askerId;
}

/**
 * The SQL condition (on the question row `alias`) of what `caller` may see, with its parameters numbered from
 * `params`: the same rule as canSeeQuestion, for every list, search, count and tag list; null when nothing. It leads
 * with the institutions of the caller's network so the feed's indexes serve it: a private question's mentor is of
 * the asker's network, so whoever may see it is in that network too. Staff see every question of their own
 * institution, private ones included, and the network's community questions.
 */
export function visibleQuestionsSql(caller: Principal, network: MentoringNetwork, alias: string, params: unknown[]): string | null {
  const p = (value: unknown) => `$${params.push(value)}`;
  if (caller.role === Role.ADMIN || network === null) return 'true';
  if (network === undefined) return null;
  const seen = [`${alias}.visibility = 'COMMUNITY'`];
  if (caller.role === Role.STAFF && caller.institutionId) seen.push(`${alias}.institution_id = ${p(caller.institutionId)}`);
  else {
    const me = p(caller.id);
    seen.push(`${alias}.asker_id = ${me}`, `${alias}.mentor_id = ${me}`);
  }
  // One institution (the common case) as an equality, so the planner walks the feed's (institution, newest) index
  // in order; a shared network as ANY (bench:mentoring: ANY of one id cost the ordered scan, 10× the time).
  const institutions = network.length === 1 ? `= ${p(network[0])}::uuid` : `= ANY(${p(network)}::uuid[])`;
  return `${alias}.institution_id ${institutions} AND (${seen.join(' OR ')})`;
}

/** A tag as it is stored, compared and followed: trimmed, spaces collapsed, lower case, accents dropped. */
export function foldTag(tag: string): string {
  return tag.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Folded tags without blanks and repeats, in the order given. */
export function foldTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(foldTag).filter((t) => t !== ''))];
}
