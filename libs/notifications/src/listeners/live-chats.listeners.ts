import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@careers/contracts';
import { type EventListener, EventListeners } from '@careers/platform';
import type { EntityManager } from 'typeorm';
import { DeliveriesService } from '../notifications/deliveries.service.js';

// Times in notifications are written in UTC, unambiguous in every time zone; clients show the event in local time.
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const link = (eventId: string) => `/live-chats/${eventId}`;

/** Tells a live chat's hosts that staff of an institution approved or rejected it. */
@Injectable()
export class LiveChatDecidedListener implements EventListener<'live-chats.event-decided'> {
  readonly name = 'notifications.live-chat-decided';
  readonly event = 'live-chats.event-decided' as const;
  constructor(
    listeners: EventListeners,
    private readonly deliveries: DeliveriesService,
  ) {
    listeners.register(this);
  }

  handle(event: DomainEvent<'live-chats.event-decided'>, tx: EntityManager) {
    const p = event.payload;
    const title = p.approved ? `Your live chat "${p.title}" was approved` : `Your live chat "${p.title}" was not approved`;
    const body = p.approved
      ? "Careers staff approved it for their institution's students, who can now register."
      : `Careers staff of an institution rejected it. Their reason: ${p.reason ?? 'none given'}.`;
    return this.deliveries.deliver(tx, event.id, 'live-chat-decided', p.hostIds.map((userId) => ({ userId, title, body, link: link(p.eventId) })));
  }
}

/** Tells everyone registered or waitlisted that a live chat was cancelled. */
@Injectable()
export class LiveChatCancelledListener implements EventListener<'live-chats.event-cancelled'> {
  readonly name = 'notifications.live-chat-cancelled';
  readonly event = 'live-chats.event-cancelled' as const;
  constructor(
    listeners: EventListeners,
    private readonly deliveries: DeliveriesService,
  ) {
    listeners.register(this);
  }

  handle(event: DomainEvent<'live-chats.event-cancelled'>, tx: EntityManager) {
    const p = event.payload;
    const title = `Cancelled: "${p.title}" (${when(p.startsAt)})`;
    const body = `The employer cancelled this live chat. Their reason: ${p.reason}`;
    return this.deliveries.deliver(tx, event.id, 'live-chat-cancelled', p.recipientIds.map((userId) => ({ userId, title, body, link: link(p.eventId) })));
  }
}

/** Tells everyone registered or waitlisted that a live chat moved. */
@Injectable()
export class LiveChatRescheduledListener implements EventListener<'live-chats.event-rescheduled'> {
  readonly name = 'notifications.live-chat-rescheduled';
  readonly event = 'live-chats.event-rescheduled' as const;
  constructor(
    listeners: EventListeners,
    private readonly deliveries: DeliveriesService,
  ) {
    listeners.register(this);
  }

  handle(event: DomainEvent<'live-chats.event-rescheduled'>, tx: EntityManager) {
    const p = event.payload;
    const title = `New time: "${p.title}" now starts ${when(p.startsAt)}`;
    const body = `The live chat was moved from ${when(p.previousStartsAt)} to ${when(p.startsAt)} – ${when(p.endsAt)}. Your registration stands; cancel it if the new time does not suit you.`;
    return this.deliveries.deliver(tx, event.id, 'live-chat-rescheduled', p.recipientIds.map((userId) => ({ userId, title, body, link: link(p.eventId) })));
  }
}

/** Tells the person who moved up from the waitlist that they have a place. */
@Injectable()
export class LiveChatPromotedListener implements EventListener<'live-chats.registration-promoted'> {
  readonly name = 'notifications.live-chat-promoted';
  readonly event = 'live-chats.registration-promoted' as const;
  constructor(
    listeners: EventListeners,
    private readonly deliveries: DeliveriesService,
  ) {
    listeners.register(this);
  }

  handle(event: DomainEvent<'live-chats.registration-promoted'>, tx: EntityManager) {
    const p = event.payload;
    return this.deliveries.deliver(tx, event.id, 'live-chat-promoted', [
      {
        userId: p.userId,
        title: `You have a place: "${p.title}"`,
        body: `A place came free and you moved up from the waitlist. The live chat starts ${when(p.startsAt)}.`,
        link: link(p.eventId),
      },
    ]);
  }
}

/** Reminds registrants a day and an hour before a live chat starts. */
@Injectable()
export class LiveChatRemindersListener implements EventListener<'live-chats.reminders-due'> {
  readonly name = 'notifications.live-chat-reminders';
  readonly event = 'live-chats.reminders-due' as const;
  constructor(
    listeners: EventListeners,
    private readonly deliveries: DeliveriesService,
  ) {
    listeners.register(this);
  }

  handle(event: DomainEvent<'live-chats.reminders-due'>, tx: EntityManager) {
    const p = event.payload;
    const title = p.which === 'DAY_BEFORE' ? `Tomorrow: "${p.title}"` : `In an hour: "${p.title}"`;
    const body = `The live chat starts ${when(p.startsAt)}. Can no longer make it? Cancel your registration so someone on the waitlist gets your place.`;
    return this.deliveries.deliver(tx, event.id, 'live-chat-reminder', p.userIds.map((userId) => ({ userId, title, body, link: link(p.eventId) })));
  }
}

/** Tells a live chat's hosts that a student asked a follow-up question on its Q&A page. */
@Injectable()
export class LiveChatFollowUpAskedListener implements EventListener<'live-chats.follow-up-asked'> {
  readonly name = 'notifications.live-chat-follow-up-asked';
  readonly event = 'live-chats.follow-up-asked' as const;
  constructor(
    listeners: EventListeners,
    private readonly deliveries: DeliveriesService,
  ) {
    listeners.register(this);
  }

  handle(event: DomainEvent<'live-chats.follow-up-asked'>, tx: EntityManager) {
    const p = event.payload;
    const title = `A follow-up question on "${p.title}"`;
    const body = 'A student asked a question on the Q&A page of your live chat. Answer it there: they will be told.';
    return this.deliveries.deliver(
      tx,
      event.id,
      'live-chat-follow-up-asked',
      p.hostIds.map((userId) => ({ userId, title, body, link: `${link(p.eventId)}/qa#${p.questionId}` })),
    );
  }
}

/** Tells a student that a host answered their follow-up question on a live chat's Q&A page. */
@Injectable()
export class LiveChatFollowUpAnsweredListener implements EventListener<'live-chats.follow-up-answered'> {
  readonly name = 'notifications.live-chat-follow-up-answered';
  readonly event = 'live-chats.follow-up-answered' as const;
  constructor(
    listeners: EventListeners,
    private readonly deliveries: DeliveriesService,
  ) {
    listeners.register(this);
  }

  handle(event: DomainEvent<'live-chats.follow-up-answered'>, tx: EntityManager) {
    const p = event.payload;
    return this.deliveries.deliver(tx, event.id, 'live-chat-follow-up-answered', [
      {
        userId: p.askerId,
        title: `Your question on "${p.title}" was answered`,
        body: 'A host answered your follow-up question on the live chat Q&A page.',
        link: `${link(p.eventId)}/qa#${p.questionId}`,
      },
    ]);
  }
}

export const liveChatListeners = [
  LiveChatDecidedListener,
  LiveChatCancelledListener,
  LiveChatRescheduledListener,
  LiveChatPromotedListener,
  LiveChatRemindersListener,
  LiveChatFollowUpAskedListener,
  LiveChatFollowUpAnsweredListener,
];
