import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@careers/contracts';
import { type EventListener, EventListeners } from '@careers/platform';
import type { EntityManager } from 'typeorm';
import { DeliveriesService } from '../notifications/deliveries.service.js';

/** Tells whoever submitted a vacancy that an institution approved or rejected it. */
@Injectable()
export class VacancyDecidedListener implements EventListener<'vacancies.vacancy-decided'> {
  readonly name = 'notifications.vacancy-decided';
  readonly event = 'vacancies.vacancy-decided' as const;

  constructor(
    listeners: EventListeners,
    private readonly deliveries: DeliveriesService,
  ) {
    listeners.register(this);
  }

  handle(event: DomainEvent<'vacancies.vacancy-decided'>, tx: EntityManager) {
    const p = event.payload;
    const title = p.approved ? `Vacancy approved: ${p.title}` : `Vacancy not approved: ${p.title}`;
    const body = p.approved
      ? "Careers staff approved it: it is published for their institution's students."
      : `Careers staff gave this reason: ${p.reason ?? 'none given'}. Edit the vacancy and submit it again.`;
    return this.deliveries.deliver(
      tx,
      event.id,
      'vacancy-decided',
      p.notify.map((userId) => ({ userId, title, body, link: `/vacancies/${p.vacancyId}` })),
    );
  }
}

/** In-app vacancy alerts with their "why this matched" line; their emails are composed by vacancies (see AlertEmailListener). */
@Injectable()
export class VacancyAlertsListener implements EventListener<'vacancies.alerts-matched'> {
  readonly name = 'notifications.vacancy-alerts';
  readonly event = 'vacancies.alerts-matched' as const;

  constructor(
    listeners: EventListeners,
    private readonly deliveries: DeliveriesService,
  ) {
    listeners.register(this);
  }

  handle(event: DomainEvent<'vacancies.alerts-matched'>, tx: EntityManager) {
    const p = event.payload;
    return this.deliveries.deliver(
      tx,
      event.id,
      'vacancy-alert',
      p.recipients.map((r) => ({
        userId: r.userId,
        title: `New vacancy: ${p.title} at ${p.employerName}`,
        body: `Why: ${r.reasons}`,
        link: `/vacancies/${p.vacancyId}`,
      })),
      ['IN_APP'],
    );
  }
}

/** Sends an alert email vacancies composed (grouped, capped, with its own unsubscribe link). */
@Injectable()
export class AlertEmailListener implements EventListener<'vacancies.alert-email-composed'> {
  readonly name = 'notifications.alert-email';
  readonly event = 'vacancies.alert-email-composed' as const;

  constructor(
    listeners: EventListeners,
    private readonly deliveries: DeliveriesService,
  ) {
    listeners.register(this);
  }

  handle(event: DomainEvent<'vacancies.alert-email-composed'>, tx: EntityManager) {
    return this.deliveries.deliverComposedEmail(tx, event.id, 'vacancy-alert', event.payload);
  }
}

/** Tells an alert's owner that its webhook kept failing and was turned off. */
@Injectable()
export class WebhookDisabledListener implements EventListener<'vacancies.webhook-disabled'> {
  readonly name = 'notifications.webhook-disabled';
  readonly event = 'vacancies.webhook-disabled' as const;

  constructor(
    listeners: EventListeners,
    private readonly deliveries: DeliveriesService,
  ) {
    listeners.register(this);
  }

  handle(event: DomainEvent<'vacancies.webhook-disabled'>, tx: EntityManager) {
    const p = event.payload;
    return this.deliveries.deliver(tx, event.id, 'alert-webhook-disabled', [
      {
        userId: p.userId,
        title: `Webhook turned off for your alert "${p.subscriptionName}"`,
        body: `Deliveries to ${p.host} kept failing (last: ${p.lastError}). Fix the receiver, then set the webhook address again to turn it back on.`,
        link: `/alerts/${p.subscriptionId}`,
      },
    ]);
  }
}
