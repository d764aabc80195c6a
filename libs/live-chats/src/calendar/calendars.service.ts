import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, type PeopleDirectory, type Principal } from '@careers/contracts';
import { APP_CONFIG, type AppConfig } from '@careers/platform';
import { DataSource } from 'typeorm';
import { type LiveChatEvent, LiveChatStatus } from '../events/live-chat-event.entity.js';
import { CalendarRepository, type CalendarEventRow } from './calendar.repository.js';
import { icsCalendar, type IcsEvent } from './ics.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Calendar files. An event's .ics is reached by a link signed for that event
 * (HMAC with JWT_SECRET): it needs no sign-in, cannot be guessed, and is shown
 * only to people who may see the event. A person's feed is reached by a secret
 * token of their own (an HMAC of them and a stored nonce, so it can be shown
 * again but not read from the database); its hash finds it, and a new one
 * replaces it.
 */
@Injectable()
export class CalendarsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    private readonly calendars: CalendarRepository,
  ) {}

  /** The signed link of an event's .ics; null while it is not approved (nothing to put in a calendar). */
  eventIcsUrl(event: Pick<LiveChatEvent, 'id' | 'status'>): string | null {
    if (event.status !== LiveChatStatus.APPROVED && event.status !== LiveChatStatus.CANCELLED) return null;
    return `${this.config.PUBLIC_URL}/live-chats/${event.id}/event.ics?token=${this.sign(event.id)}`;
  }

  /** The .ics of one event, or null when the token does not match (answered as 404: nothing to probe). */
  async eventIcs(eventId: string, token: string): Promise<string | null> {
    if (!this.verify(eventId, token)) return null;
    const events = await this.toIcs(await this.calendars.published(this.db.manager, eventId));
    if (events.length === 0) return null;
    return icsCalendar(events, { name: events[0]!.title, host: this.host });
  }

  /** Makes a new secret feed URL for the caller; the previous one stops working. */
  async regenerateFeed(caller: Principal): Promise<{ url: string; createdAt: Date }> {
    const nonce = randomBytes(16).toString('base64url');
    const token = this.feedToken(caller.id, nonce);
    const createdAt = await this.calendars.replaceFeedToken(this.db.manager, caller.id, sha256(token), nonce);
    return { url: this.feedUrl(token), createdAt };
  }

  /**
   * The caller's current feed URL, or null when they have none (or made it before feed addresses could be shown
   * again: only its hash was kept, so they make a new one).
   */
  async currentFeed(caller: Principal): Promise<{ url: string; createdAt: Date } | null> {
    const feed = await this.calendars.feedOf(this.db.manager, caller.id);
    if (!feed?.nonce) return null;
    return { url: this.feedUrl(this.feedToken(caller.id, feed.nonce)), createdAt: feed.createdAt };
  }

  /** A feed's secret token: an HMAC of its owner and a stored random nonce, so the database alone does not give it away. */
  private feedToken(userId: string, nonce: string): string {
    return createHmac('sha256', `live-chat-feed:${this.config.JWT_SECRET}`).update(`${userId}:${nonce}`).digest('base64url');
  }

  private feedUrl(token: string): string {
    return `${this.config.PUBLIC_URL}/calendar/${token}.ics`;
  }

  /**
   * The feed of the token's owner: chats they are registered for or host, from
   * a month ago on (cancelled ones as STATUS:CANCELLED, so calendars drop them).
   * Null for an unknown token.
   */
  async feed(token: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const owner = await this.calendars.feedOwner(this.db.manager, sha256(token));
    if (!owner) return null;
    const events = await this.toIcs(await this.calendars.ofPerson(this.db.manager, owner));
    return icsCalendar(events, { name: 'My live chats', host: this.host });
  }

  private async toIcs(rows: CalendarEventRow[]): Promise<IcsEvent[]> {
    const organisations = new Map((await this.people.organisationsOf([...new Set(rows.map((r) => r.organisationId))])).map((o) => [o.id, o.name]));
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      sequence: r.sequence,
      cancelled: r.status === LiveChatStatus.CANCELLED,
      updatedAt: r.updatedAt,
      url: `${this.config.PUBLIC_URL}/live-chats/${r.id}`,
      organiser: organisations.get(r.organisationId) ?? null,
    }));
  }

  private get host(): string {
    return new URL(this.config.PUBLIC_URL).host;
  }

  private sign(eventId: string): string {
    return createHmac('sha256', `live-chat-ics:${this.config.JWT_SECRET}`).update(eventId).digest('base64url');
  }

  private verify(eventId: string, token: string): boolean {
    const expected = Buffer.from(this.sign(eventId));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
