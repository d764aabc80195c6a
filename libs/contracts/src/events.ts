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
export const NOTIFICATION_KINDS = ['organisation-decided'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
