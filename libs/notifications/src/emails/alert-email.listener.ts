import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@careers/contracts';
import { type EventListener, EventListeners } from '@careers/platform';
import type { EntityManager } from 'typeorm';
import { DeliveriesService } from '../notifications/deliveries.service.js';

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

