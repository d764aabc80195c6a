import type { ApprovalDecision, VacancyStatus } from '../../gql/graphql.js';

/** A vacancy's status and each institution's decision, in words, with the badge tone that goes with them. */
export const STATUS_NAMES: Record<VacancyStatus, string> = {
  DRAFT: 'Draft',
  PENDING_APPROVAL: 'Waiting for approval',
  PUBLISHED: 'Published',
  REJECTED: 'Rejected',
  CLOSED: 'Closed',
  EXPIRED: 'Expired',
};

export const STATUS_TONES: Record<VacancyStatus, 'neutral' | 'success' | 'warning' | 'danger'> = {
  DRAFT: 'neutral',
  PENDING_APPROVAL: 'warning',
  PUBLISHED: 'success',
  REJECTED: 'danger',
  CLOSED: 'neutral',
  EXPIRED: 'neutral',
};

export const DECISION_NAMES: Record<ApprovalDecision, string> = { APPROVED: 'Approved', REJECTED: 'Rejected', PENDING: 'Waiting for a decision' };
