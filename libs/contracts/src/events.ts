/**
 * Domain events: what happened, in the past tense, with what listeners need
 * so they never read another domain's tables. Written to the outbox in the
 * same transaction as the change they describe.
 */
/** A target institution that has yet to decide, with its careers staff at the time (who hear of it). */
export interface AwaitingDecision {
  institutionId: string;
  staffIds: string[];
}

export interface DomainEvents {
  /** An employer signed up with a new organisation: the careers staff of the institution it chose decide on it. */
  'identity.organisation-submitted': {
    organisationId: string;
    organisationName: string;
    website: string | null;
    awaiting: AwaitingDecision[];
  };
  /** Careers staff decided on an employer for their institution. */
  'identity.organisation-decided': {
    organisationId: string;
    organisationName: string;
    institutionId: string;
    institutionName: string;
    approved: boolean;
    reason: string | null;
    /** The organisation's members at the time, who hear of it. */
    memberIds: string[];
  };
  /**
   * A person changed what their profile says of their course or graduation year: domains that keep a copy
   * (mentoring's mentor profiles) read the current values again through the PeopleDirectory port.
   */
  'identity.profile-updated': {
    userId: string;
  };
  /**
   * Careers staff invited someone who is not an alumnus to mentor for their institution. Notifications emails
   * `email` the invitation's link, whose token it signs over `invitationId` (MENTOR_INVITATION_TOKEN).
   */
  'identity.mentor-invited': {
    invitationId: string;
    email: string;
    displayName: string;
    institutionName: string;
    inviterName: string;
    note: string | null;
    expiresAt: string;
  };
  /** A vacancy became visible to (more) institutions' students: published, approved for another, renewed or edited. */
  'vacancies.vacancy-published': {
    vacancyId: string;
    /** Every institution whose students may see it now. */
    institutionIds: string[];
  };
  /**
   * A vacancy went to careers staff for approval: submitted, sent back to
   * review by its poster's edit, or a target added. Every target institution that has to
   * decide now (never one whose staff posted it) is listed with its staff.
   */
  'vacancies.vacancy-submitted': {
    vacancyId: string;
    title: string;
    employerName: string;
    /** The poster's edit of a pending or published vacancy sent it back to review. */
    edited: boolean;
    awaiting: AwaitingDecision[];
  };
  /** A target institution's careers staff approved or rejected a vacancy. */
  'vacancies.vacancy-decided': {
    vacancyId: string;
    title: string;
    approved: boolean;
    reason: string | null;
    /** Who submitted it, and hears of it. */
    notify: string[];
  };
  /** Alert matches to tell people of in-app (at most 1,000 recipients per event: big fan-outs are chunked). */
  'vacancies.alerts-matched': {
    vacancyId: string;
    title: string;
    employerName: string;
    recipients: { userId: string; reasons: string }[];
  };
  /** An alert email composed by vacancies (its items, caps and unsubscribe link); notifications sends it. */
  'vacancies.alert-email-composed': {
    userId: string;
    subscriptionId: string;
    subject: string;
    text: string;
    html: string;
    unsubscribeUrl: string;
  };
  /** Webhook deliveries to attempt (one job each, with retries). */
  'vacancies.webhooks-requested': {
    deliveryIds: string[];
  };
  /** A subscription's webhook kept failing and was turned off; its owner hears of it. */
  'vacancies.webhook-disabled': {
    userId: string;
    subscriptionId: string;
    subscriptionName: string;
    host: string;
    lastError: string;
  };
  /** An employer scheduled a live chat: each audience institution's careers staff have to decide on it. */
  'live-chats.event-submitted': {
    eventId: string;
    title: string;
    employerName: string;
    startsAt: string;
    awaiting: AwaitingDecision[];
  };
  /** Careers staff of one audience institution approved or rejected a live chat; its hosts hear of it. */
  'live-chats.event-decided': {
    eventId: string;
    title: string;
    institutionId: string;
    approved: boolean;
    reason: string | null;
    hostIds: string[];
  };
  /** The employer cancelled a live chat; everyone registered or waitlisted hears of it. */
  'live-chats.event-cancelled': {
    eventId: string;
    title: string;
    startsAt: string;
    reason: string;
    recipientIds: string[];
  };
  /** The employer moved a live chat; everyone registered or waitlisted hears of it. */
  'live-chats.event-rescheduled': {
    eventId: string;
    title: string;
    startsAt: string;
    endsAt: string;
    previousStartsAt: string;
    recipientIds: string[];
  };
  /** A place came free and the first person on the waitlist got it. */
  'live-chats.registration-promoted': {
    eventId: string;
    title: string;
    startsAt: string;
    userId: string;
  };
  /** Reminders of a live chat fell due for these registrants (each is sent once per start time). */
  'live-chats.reminders-due': {
    eventId: string;
    title: string;
    startsAt: string;
    which: 'DAY_BEFORE' | 'HOUR_BEFORE';
    userIds: string[];
  };
  /** A student asked a follow-up question on a published live chat Q&A page; the chat's hosts hear of it. */
  'live-chats.follow-up-asked': {
    eventId: string;
    title: string;
    questionId: string;
    hostIds: string[];
  };
  /** A host answered a follow-up question on a published live chat Q&A page; the asker hears of it. */
  'live-chats.follow-up-answered': {
    eventId: string;
    title: string;
    questionId: string;
    askerId: string;
  };
  // Mentoring: questions and answers.
  /**
   * A student asked a question. A private one: the chosen mentor hears of it. A community one: `followerIds`, the
   * people of its audience following any of its tags (each once, never the asker), hear of it.
   */
  'mentoring.question-asked': {
    questionId: string;
    title: string;
    visibility: 'COMMUNITY' | 'PRIVATE';
    askerId: string;
    mentorId: string | null;
    followerIds: string[];
  };
  /** Someone answered a question; the asker hears of it (never of their own answer). */
  'mentoring.question-answered': {
    questionId: string;
    answerId: string;
    title: string;
    askerId: string;
    answererId: string;
  };
  /** The asker accepted an answer; its author hears of it. */
  'mentoring.answer-accepted': {
    questionId: string;
    answerId: string;
    title: string;
    askerId: string;
    answererId: string;
  };
  /** Emails to send, stored by notifications in the transaction that decided them. */
  'notifications.emails-requested': {
    emailIds: string[];
  };
}

export type DomainEventType = keyof DomainEvents;

export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  id: string;
  type: T;
  aggregateType: string;
  aggregateId: string;
  payload: DomainEvents[T];
  occurredAt: string;
}

/** Events as the outbox takes them (it gives them their id and time). */
export type NewDomainEvent<T extends DomainEventType = DomainEventType> = Pick<DomainEvent<T>, 'type' | 'aggregateType' | 'aggregateId' | 'payload'>;

/** What notifications know how to tell people; preferences are per kind and channel. */
export const NOTIFICATION_KINDS = [
  'organisation-awaiting-approval',
  'organisation-decided',
  'vacancy-decided',
  'vacancy-awaiting-approval',
  'vacancy-alert',
  'alert-webhook-disabled',
  'live-chat-decided',
  'live-chat-awaiting-approval',
  'live-chat-cancelled',
  'live-chat-rescheduled',
  'live-chat-promoted',
  'live-chat-reminder',
  'live-chat-follow-up-asked',
  'live-chat-follow-up-answered',
  // Mentoring: questions and answers.
  'question-for-you',
  'question-in-followed-tag',
  'question-answered',
  'answer-accepted',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The purpose a mentor invitation's link token is signed for (signToken of platform): identity reads what notifications sends. */
export const MENTOR_INVITATION_TOKEN = 'mentor-invitation';
