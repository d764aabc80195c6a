import { type Principal, Role } from '@careers/contracts';
import { canManageInstitution } from '@careers/platform';
import { mentorNetworkOf } from '../mentors/mentor-access.js';

/** What the access rules need of a question. */
export interface QuestionScope {
  institutionId: string;
  askerId: string;
  visibility: 'COMMUNITY' | 'PRIVATE';
  mentorId: string | null;
}

/**
 * The audience of community questions a caller sees: the institutions whose questions reach them by the network
 * setting. Only "own institution" exists, so this is the mentor network (null: every institution, for admins;
 * undefined: none, for employers). A "whole network" setting widens it here and nowhere else.
 */
export function questionAudienceOf(caller: Principal): { institutionId: string | null } | undefined {
  return mentorNetworkOf(caller);
}

/**
 * Whether `caller` may see `q` at all. A community question: its audience and the staff of its institution. A
 * private one: the asker, the chosen mentor, the staff of the asker's institution and admins, nobody else.
 */
export function canSeeQuestion(caller: Principal, q: QuestionScope): boolean {
  if (caller.id === q.askerId || caller.id === q.mentorId || canManageInstitution(caller, q.institutionId)) return true;
  if (q.visibility === 'PRIVATE') return false;
  const audience = questionAudienceOf(caller);
  return audience !== undefined && (audience.institutionId === null || audience.institutionId === q.institutionId);
}

/**
 * Whether `caller` may answer `q` (which they can see): the chosen mentor of a private question; alumni and staff of
 * the audience of a community one. Students ask and vote but do not answer; admins run the installation.
 */
export function canAnswerQuestion(caller: Principal, q: QuestionScope): boolean {
  if (q.visibility === 'PRIVATE') return caller.id === q.mentorId;
  if (caller.role !== Role.ALUMNUS && caller.role !== Role.STAFF) return false;
  return canSeeQuestion(caller, q) && caller.id !== q.askerId;
}

/**
 * The SQL condition (on the question row `alias`) of what `caller` may see, with its parameters numbered from
 * `params`: the same rule as canSeeQuestion, for every list, search, count and tag list; null when nothing. It leads
 * with the institution so the feed's indexes serve it: a private question's mentor is of the asker's network, so
 * whoever may see it is in that network too.
 */
export function visibleQuestionsSql(caller: Principal, alias: string, params: unknown[]): string | null {
  const p = (value: unknown) => `$${params.push(value)}`;
  if (caller.role === Role.ADMIN) return 'true';
  const audience = questionAudienceOf(caller);
  if (!audience) return null;
  const where = audience.institutionId === null ? [] : [`${alias}.institution_id = ${p(audience.institutionId)}`];
  if (caller.role !== Role.STAFF) {
    const me = p(caller.id);
    where.push(`(${alias}.visibility = 'COMMUNITY' OR ${alias}.asker_id = ${me} OR ${alias}.mentor_id = ${me})`);
  }
  return where.length ? where.join(' AND ') : 'true';
}

/** A tag as it is stored, compared and followed: trimmed, spaces collapsed, lower case, accents dropped. */
export function foldTag(tag: string): string {
  return tag.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Folded tags without blanks and repeats, in the order given. */
export function foldTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(foldTag).filter((t) => t !== ''))];
}
