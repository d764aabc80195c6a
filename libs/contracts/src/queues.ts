import type { DomainEvent } from './events.js';

/** Queue names and the jobs each carries, with their payloads. Processors and producers share these. */
export const QueueName = {
  /** Housekeeping on a schedule. */
  MAINTENANCE: 'maintenance',
  /** One job per (domain event, listener): the outbox relay fills it. */
  EVENTS: 'events',
  /** Email on a schedule: held by quiet hours, digests. */
  NOTIFICATIONS: 'notifications',
  /** Vacancies on a schedule (alert emails, closing, expiry) and webhook deliveries with their retries. */
  VACANCIES: 'vacancies',
  /** Live chats on a schedule: reminders before the start. */
  LIVE_CHATS: 'live-chats',
  /** Mentoring on a schedule: requests that expired. */
  MENTORING: 'mentoring',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/**
 * Every queue's jobs by name, with their payloads, as `DomainEvents` is for
 * events: producers (`queue.add`, `scheduleEvery`, the outbox relay) and
 * handlers (`@JobHandler`) are typed by it.
 */
export interface JobMap {
  [QueueName.MAINTENANCE]: {
    'prune-refresh-tokens': Record<string, never>;
  };
  /** Named by listener (unique, see EventListeners), so names are not known here: EventsProcessor runs them all. */
  [QueueName.EVENTS]: Record<string, DomainEvent>;
  [QueueName.NOTIFICATIONS]: {
    'send-scheduled-emails': Record<string, never>;
  };
  [QueueName.VACANCIES]: {
    'vacancies-schedule': Record<string, never>;
    'deliver-webhook': { deliveryId: string };
  };
  [QueueName.LIVE_CHATS]: {
    'send-reminders': Record<string, never>;
  };
  [QueueName.MENTORING]: {
    'expire-mentorship-requests': Record<string, never>;
  };
}

/** Queues whose job names are fixed here, each with one `@JobHandler` per name. */
export type HandledQueue = Exclude<QueueName, typeof QueueName.EVENTS>;
export type JobName<Q extends QueueName> = keyof JobMap[Q] & string;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = JobMap[Q][N];

/**
 * The job names of `JobMap` at run time, which the worker checks its handlers
 * against at boot. Typed so that a name missing here, or one not in the map,
 * does not compile.
 */
export const JOB_NAMES: { [Q in HandledQueue]: { [N in JobName<Q>]: true } } = {
  [QueueName.MAINTENANCE]: { 'prune-refresh-tokens': true },
  [QueueName.NOTIFICATIONS]: { 'send-scheduled-emails': true },
  [QueueName.VACANCIES]: { 'vacancies-schedule': true, 'deliver-webhook': true },
  [QueueName.LIVE_CHATS]: { 'send-reminders': true },
  [QueueName.MENTORING]: { 'expire-mentorship-requests': true },
};
