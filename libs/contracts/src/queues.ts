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
} as const;

export interface MaintenanceJobs {
  'prune-refresh-tokens': Record<string, never>;
}

export interface VacanciesJobs {
  'vacancies-schedule': Record<string, never>;
  'deliver-webhook': { deliveryId: string };
}

export interface LiveChatsJobs {
  'send-reminders': Record<string, never>;
}
