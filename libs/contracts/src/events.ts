/**
 * Domain events: what happened, in the past tense, with what listeners need
 * so they never read another domain's tables. Written to the outbox in the
 * same transaction as the change they describe.
 */
export interface DomainEvents {
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
  /** A vacancy became visible to (more) institutions' students: published, approved for another, renewed or edited. */
  'vacancies.vacancy-published': {
    vacancyId: string;
    /** Every institution whose students may see it now. */
    institutionIds: string[];
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
export const NOTIFICATION_KINDS = ['organisation-decided', 'vacancy-decided', 'vacancy-alert', 'alert-webhook-disabled'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
