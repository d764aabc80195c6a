import { Injectable } from '@nestjs/common';
import type { AwaitingDecision, DomainEvents, DomainEventType, NotificationKind } from '@careers/contracts';
import { EventListeners } from '@careers/platform';
import { DeliveriesService, type Delivery } from '../notifications/deliveries.service.js';
import type { Channel } from '../preferences/preferences.service.js';

/**
 * How one kind of domain event becomes notifications: who hears of it and
 * what they read. Each notice is an event listener of its own (its `name`
 * names its jobs and delivery rows, so it must never change), delivered
 * through DeliveriesService on the channels the person has not turned off.
 */
export interface Notice<T extends DomainEventType> {
  name: string;
  event: T;
  kind: NotificationKind;
  /** Narrower than both channels when another service sends the email itself (vacancy alerts). */
  channels?: readonly Channel[];
  deliveries(payload: DomainEvents[T]): Delivery[];
}

type AnyNotice = { [T in DomainEventType]: Notice<T> }[DomainEventType];

/** Keeps a notice's payload typed by its event. */
export const notice = <T extends DomainEventType>(n: Notice<T>): AnyNotice => n as unknown as AnyNotice;

// Times in notifications are written in UTC, unambiguous in every time zone; clients show local times.
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const liveChat = (eventId: string) => `/live-chats/${eventId}`;
const question = (questionId: string, answerId?: string) => `/questions/${questionId}${answerId ? `#answer-${answerId}` : ''}`;
const everyone = (userIds: string[], title: string, body: string, link: string): Delivery[] => userIds.map((userId) => ({ userId, title, body, link }));
/** The careers staff of every institution that has to decide. */
const deciders = (awaiting: AwaitingDecision[]) => [...new Set(awaiting.flatMap((a) => a.staffIds))];
const REJECT_WITH_REASON = 'approve it for your students, or reject it with a reason the employer will see';

export const NOTICES: AnyNotice[] = [
  notice({
    name: 'notifications.organisation-awaiting-approval',
    event: 'identity.organisation-submitted',
    kind: 'organisation-awaiting-approval',
    deliveries: (p) =>
      everyone(
        deciders(p.awaiting),
        `Awaiting your decision: ${p.organisationName} asks to reach your students`,
        `An employer signed up with ${p.organisationName}${p.website ? ` (${p.website})` : ''}. Until your careers service approves it, it cannot post vacancies or host live chats for your students. In your employer approvals, ${REJECT_WITH_REASON}.`,
        `/approvals/organisations#${p.organisationId}`,
      ),
  }),
  notice({
    name: 'notifications.organisation-decided',
    event: 'identity.organisation-decided',
    kind: 'organisation-decided',
    deliveries: (p) =>
      everyone(
        p.memberIds,
        p.approved ? `${p.institutionName} approved ${p.organisationName}` : `${p.institutionName} did not approve ${p.organisationName}`,
        p.approved
          ? `You can now post vacancies and host live chats for ${p.institutionName}'s students.`
          : `Their reason: ${p.reason ?? 'none given'}. When you have addressed it, ask them again from your organisation's page.`,
        `/organisations/${p.organisationId}`,
      ),
  }),
  notice({
    name: 'notifications.vacancy-decided',
    event: 'vacancies.vacancy-decided',
    kind: 'vacancy-decided',
    deliveries: (p) =>
      everyone(
        p.notify,
        p.approved ? `Vacancy approved: ${p.title}` : `Vacancy not approved: ${p.title}`,
        p.approved
          ? "Careers staff approved it: it is published for their institution's students."
          : `Careers staff gave this reason: ${p.reason ?? 'none given'}. Edit the vacancy and submit it again.`,
        `/vacancies/${p.vacancyId}`,
      ),
  }),
  notice({
    name: 'notifications.vacancy-awaiting-approval',
    event: 'vacancies.vacancy-submitted',
    kind: 'vacancy-awaiting-approval',
    deliveries: (p) =>
      everyone(
        deciders(p.awaiting),
        `Awaiting your decision: ${p.title} from ${p.employerName}`,
        p.edited
          ? `${p.employerName} edited this vacancy, so it needs your decision again. In your vacancy approvals, ${REJECT_WITH_REASON}.`
          : `This vacancy waits for your careers service's approval before your students can see it. In your vacancy approvals, ${REJECT_WITH_REASON}.`,
        `/approvals/vacancies#${p.vacancyId}`,
      ),
  }),
  // In-app only: alert emails are composed by vacancies (grouped, capped) and sent by AlertEmailListener.
  notice({
    name: 'notifications.vacancy-alerts',
    event: 'vacancies.alerts-matched',
    kind: 'vacancy-alert',
    channels: ['IN_APP'],
    deliveries: (p) =>
      p.recipients.map((r) => ({
        userId: r.userId,
        title: `New vacancy: ${p.title} at ${p.employerName}`,
        body: `Why: ${r.reasons}`,
        link: `/vacancies/${p.vacancyId}`,
      })),
  }),
  notice({
    name: 'notifications.webhook-disabled',
    event: 'vacancies.webhook-disabled',
    kind: 'alert-webhook-disabled',
    deliveries: (p) =>
      everyone(
        [p.userId],
        `Webhook turned off for your alert "${p.subscriptionName}"`,
        `Deliveries to ${p.host} kept failing (last: ${p.lastError}). Fix the receiver, then set the webhook address again to turn it back on.`,
        `/alerts/${p.subscriptionId}`,
      ),
  }),
  notice({
    name: 'notifications.live-chat-decided',
    event: 'live-chats.event-decided',
    kind: 'live-chat-decided',
    deliveries: (p) =>
      everyone(
        p.hostIds,
        p.approved ? `Your live chat "${p.title}" was approved` : `Your live chat "${p.title}" was not approved`,
        p.approved
          ? "Careers staff approved it for their institution's students, who can now register."
          : `Careers staff of an institution rejected it. Their reason: ${p.reason ?? 'none given'}.`,
        liveChat(p.eventId),
      ),
  }),
  notice({
    name: 'notifications.live-chat-awaiting-approval',
    event: 'live-chats.event-submitted',
    kind: 'live-chat-awaiting-approval',
    deliveries: (p) =>
      everyone(
        deciders(p.awaiting),
        `Awaiting your decision: live chat "${p.title}" from ${p.employerName}`,
        `${p.employerName} asks to hold this live chat with your students on ${when(p.startsAt)}; they can register once you approve it. In your live chat approvals, ${REJECT_WITH_REASON}.`,
        `/approvals/live-chats#${p.eventId}`,
      ),
  }),
  notice({
    name: 'notifications.live-chat-cancelled',
    event: 'live-chats.event-cancelled',
    kind: 'live-chat-cancelled',
    deliveries: (p) =>
      everyone(
        p.recipientIds,
        `Cancelled: "${p.title}" (${when(p.startsAt)})`,
        `The employer cancelled this live chat. Their reason: ${p.reason}`,
        liveChat(p.eventId),
      ),
  }),
  notice({
    name: 'notifications.live-chat-rescheduled',
    event: 'live-chats.event-rescheduled',
    kind: 'live-chat-rescheduled',
    deliveries: (p) =>
      everyone(
        p.recipientIds,
        `New time: "${p.title}" now starts ${when(p.startsAt)}`,
        `The live chat was moved from ${when(p.previousStartsAt)} to ${when(p.startsAt)} – ${when(p.endsAt)}. Your registration stands; cancel it if the new time does not suit you.`,
        liveChat(p.eventId),
      ),
  }),
  notice({
    name: 'notifications.live-chat-promoted',
    event: 'live-chats.registration-promoted',
    kind: 'live-chat-promoted',
    deliveries: (p) =>
      everyone(
        [p.userId],
        `You have a place: "${p.title}"`,
        `A place came free and you moved up from the waitlist. The live chat starts ${when(p.startsAt)}.`,
        liveChat(p.eventId),
      ),
  }),
  notice({
    name: 'notifications.live-chat-reminders',
    event: 'live-chats.reminders-due',
    kind: 'live-chat-reminder',
    deliveries: (p) =>
      everyone(
        p.userIds,
        p.which === 'DAY_BEFORE' ? `Tomorrow: "${p.title}"` : `In an hour: "${p.title}"`,
        `The live chat starts ${when(p.startsAt)}. Can no longer make it? Cancel your registration so someone on the waitlist gets your place.`,
        liveChat(p.eventId),
      ),
  }),
  notice({
    name: 'notifications.live-chat-follow-up-asked',
    event: 'live-chats.follow-up-asked',
    kind: 'live-chat-follow-up-asked',
    deliveries: (p) =>
      everyone(
        p.hostIds,
        `A follow-up question on "${p.title}"`,
        'A student asked a question on the Q&A page of your live chat. Answer it there: they will be told.',
        `${liveChat(p.eventId)}/qa#${p.questionId}`,
      ),
  }),
  notice({
    name: 'notifications.live-chat-follow-up-answered',
    event: 'live-chats.follow-up-answered',
    kind: 'live-chat-follow-up-answered',
    deliveries: (p) =>
      everyone(
        [p.askerId],
        `Your question on "${p.title}" was answered`,
        'A host answered your follow-up question on the live chat Q&A page.',
        `${liveChat(p.eventId)}/qa#${p.questionId}`,
      ),
  }),
  // Mentoring: questions and answers. A private question's title reaches only the people who may see it.
  notice({
    name: 'notifications.question-for-you',
    event: 'mentoring.question-asked',
    kind: 'question-for-you',
    deliveries: (p) =>
      p.visibility === 'PRIVATE' && p.mentorId && p.mentorId !== p.askerId
        ? everyone([p.mentorId], `A student asked you privately: ${p.title}`, 'Only you, the student and their careers staff can see it. Answer it on its page.', question(p.questionId))
        : [],
  }),
  notice({
    name: 'notifications.question-in-followed-tag',
    event: 'mentoring.question-asked',
    kind: 'question-in-followed-tag',
    deliveries: (p) =>
      p.visibility === 'COMMUNITY'
        ? everyone(
            p.followerIds.filter((id) => id !== p.askerId),
            `New question in a tag you follow: ${p.title}`,
            'A student asked the alumni community. Answer it if you can help.',
            question(p.questionId),
          )
        : [],
  }),
  notice({
    name: 'notifications.question-answered',
    event: 'mentoring.question-answered',
    kind: 'question-answered',
    deliveries: (p) =>
      p.answererId === p.askerId ? [] : everyone([p.askerId], `New answer to your question: ${p.title}`, 'Read it, vote on it, and accept it if it answers you.', question(p.questionId, p.answerId)),
  }),
  notice({
    name: 'notifications.answer-accepted',
    event: 'mentoring.answer-accepted',
    kind: 'answer-accepted',
    deliveries: (p) =>
      p.answererId === p.askerId ? [] : everyone([p.answererId], `Your answer was accepted: ${p.title}`, 'The student who asked marked your answer as the one that answered them.', question(p.questionId, p.answerId)),
  }),
];

/** Registers every notice as an event listener of this process. */
@Injectable()
export class NoticeListeners {
  constructor(listeners: EventListeners, deliveries: DeliveriesService) {
    for (const n of NOTICES as Notice<DomainEventType>[]) {
      listeners.register({
        name: n.name,
        event: n.event,
        handle: (event, tx) => deliveries.deliver(tx, event.id, n.kind, n.deliveries(event.payload), n.channels),
      });
    }
  }
}
