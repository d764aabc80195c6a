/**
 * Approval by careers staff, per institution: the one vocabulary of every
 * domain whose work an institution's staff approve for their students
 * (organisations, vacancies, live chats; blog review and mentoring next).
 * Each thing keeps one decision row per institution; its overall state is
 * the roll-up of those rows. See docs/architecture.md, "Approval by careers
 * staff". The GraphQL enum is registered once, in platform.
 */

/** Where one institution's decision on one thing stands. */
export enum ApprovalDecision {
  /** Its careers staff have not decided yet (or it was asked again). */
  PENDING = 'PENDING',
  /** Approved for that institution's students. */
  APPROVED = 'APPROVED',
  /** Rejected, with a reason the employer sees. */
  REJECTED = 'REJECTED',
}

/**
 * The overall decision from the per-institution ones: APPROVED as soon as
 * one institution approves; PENDING while none has and one is yet to decide;
 * REJECTED when every one rejected (or none is left to decide).
 */
export function rollUpDecisions(decisions: Iterable<ApprovalDecision>): ApprovalDecision {
  let pending = false;
  for (const d of decisions) {
    if (d === ApprovalDecision.APPROVED) return ApprovalDecision.APPROVED;
    if (d === ApprovalDecision.PENDING) pending = true;
  }
  return pending ? ApprovalDecision.PENDING : ApprovalDecision.REJECTED;
}

/** One institution's decision as its staff make it, for a domain to store on its decision row (when: as it is stored). */
export interface StaffDecisionMade {
  status: ApprovalDecision;
  /** Why, when rejected (the employer sees it); may be given when approved too. */
  reason: string | null;
  decidedById: string;
}
