import type { MentorOffer, MentorshipStatus } from '../../gql/graphql.js';

/** What a mentor offers, in words (the request form and the details). */
export const OFFER_LABELS: Record<MentorOffer, string> = {
  QUESTION: 'Answers to a question',
  CONVERSATION: 'A conversation',
  CV_FEEDBACK: 'Feedback on your CV',
  MENTORSHIP: 'A longer mentorship',
};

/** A mentorship's status, in words, with the badge tone it shows in. */
export const STATUS_TEXT: Record<MentorshipStatus, { label: string; tone: 'neutral' | 'success' | 'warning' | 'danger' }> = {
  REQUESTED: { label: 'Requested', tone: 'warning' },
  ACTIVE: { label: 'Active', tone: 'success' },
  DECLINED: { label: 'Declined', tone: 'danger' },
  ENDED: { label: 'Ended', tone: 'neutral' },
  EXPIRED: { label: 'Expired', tone: 'neutral' },
  WITHDRAWN: { label: 'Withdrawn', tone: 'neutral' },
};
