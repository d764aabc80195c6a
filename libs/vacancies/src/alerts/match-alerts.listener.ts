import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@careers/contracts';
import { type EventListener, EventListeners, Outbox } from '@careers/platform';
import type { EntityManager } from 'typeorm';
import { VacancyRepository } from '../vacancies/vacancy.repository.js';
import { AlertMatcher } from './alert-matcher.js';

/** Recipients per in-app event: a fan-out to 100k people is 100 events, each its own job and transaction. */
const IN_APP_CHUNK = 1000;
const WEBHOOK_CHUNK = 500;

/**
 * When a vacancy becomes visible, finds every subscription it matches and
 * hands the matches on, all in one transaction with the listener's delivery
 * row: in-app notices to notifications (chunked events), webhook deliveries
 * to their own jobs. Emails wait in alert_match for the vacancies schedule,
 * which groups them by subscription and frequency.
 */
@Injectable()
export class MatchAlertsListener implements EventListener<'vacancies.vacancy-published'> {
  readonly name = 'vacancies.match-alerts';
  readonly event = 'vacancies.vacancy-published' as const;

  constructor(
    listeners: EventListeners,
    private readonly matcher: AlertMatcher,
    private readonly outbox: Outbox,
    private readonly vacancies: VacancyRepository,
  ) {
    listeners.register(this);
  }

  async handle(event: DomainEvent<'vacancies.vacancy-published'>, tx: EntityManager): Promise<void> {
    const { vacancyId, institutionIds } = event.payload;
    const matches = await this.matcher.match(tx, vacancyId, institutionIds);
    if (matches.length === 0) return;
    const vacancy = await this.vacancies.titleOf(tx, vacancyId);

    const inApp = matches.filter((m) => m.inApp);
    for (let i = 0; i < inApp.length; i += IN_APP_CHUNK) {
      await this.outbox.append(tx, {
        type: 'vacancies.alerts-matched',
        aggregateType: 'vacancy',
        aggregateId: vacancyId,
        payload: {
          vacancyId,
          title: vacancy.title,
          employerName: vacancy.employerName,
          recipients: inApp.slice(i, i + IN_APP_CHUNK).map((m) => ({ userId: m.userId, reasons: m.reasons })),
        },
      });
    }

    const deliveryIds = await this.matcher.webhookDeliveries(tx, vacancyId, matches.map((m) => m.subscriptionId));
    for (let i = 0; i < deliveryIds.length; i += WEBHOOK_CHUNK) {
      await this.outbox.append(tx, {
        type: 'vacancies.webhooks-requested',
        aggregateType: 'vacancy',
        aggregateId: vacancyId,
        payload: { deliveryIds: deliveryIds.slice(i, i + WEBHOOK_CHUNK) },
      });
    }
  }
}
