import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@careers/contracts';
import { type EventListener, EventListeners } from '@careers/platform';
import { EmailSender } from './email-sender.js';

/** Sends the instant emails notifications queued for an event. */
@Injectable()
export class SendEmailsListener implements EventListener<'notifications.emails-requested'> {
  readonly name = 'notifications.send-emails';
  readonly event = 'notifications.emails-requested' as const;

  constructor(
    listeners: EventListeners,
    private readonly sender: EmailSender,
  ) {
    listeners.register(this);
  }

  async handle(event: DomainEvent<'notifications.emails-requested'>): Promise<void> {
    await this.sender.sendInstant(event.payload.emailIds);
  }
}
