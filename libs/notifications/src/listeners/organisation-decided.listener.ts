import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@careers/contracts';
import { type EventListener, EventListeners } from '@careers/platform';
import type { EntityManager } from 'typeorm';
import { DeliveriesService } from '../notifications/deliveries.service.js';

/** Tells an organisation's members that an institution approved or rejected it. */
@Injectable()
export class OrganisationDecidedListener implements EventListener<'identity.organisation-decided'> {
  readonly name = 'notifications.organisation-decided';
  readonly event = 'identity.organisation-decided' as const;

  constructor(
    listeners: EventListeners,
    private readonly deliveries: DeliveriesService,
  ) {
    listeners.register(this);
  }

  handle(event: DomainEvent<'identity.organisation-decided'>, tx: EntityManager) {
    const p = event.payload;
    const title = p.approved
      ? `${p.institutionName} approved ${p.organisationName}`
      : `${p.institutionName} did not approve ${p.organisationName}`;
    const body = p.approved
      ? `You can now post vacancies and host live chats for ${p.institutionName}'s students.`
      : `Their reason: ${p.reason ?? 'none given'}. Update your organisation's details and ask again.`;
    return this.deliveries.deliver(
      tx,
      event.id,
      'organisation-decided',
      p.memberIds.map((userId) => ({ userId, title, body, link: `/organisation/${p.organisationId}` })),
    );
  }
}
