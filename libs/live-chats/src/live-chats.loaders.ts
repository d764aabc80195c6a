import { Inject, Injectable } from '@nestjs/common';
import { PEOPLE_DIRECTORY, type OrganisationFacts, type PeopleDirectory, type PersonFacts } from '@careers/contracts';
import { byKeys, type GraphqlContext } from '@careers/platform';
import type { LiveChatAudience, LiveChatEvent } from './events/live-chat-event.entity.js';
import { LiveChatsService } from './events/live-chats.service.js';
import type { LiveChatRegistration } from './registrations/live-chat-registration.entity.js';
import type { LiveChatTurnout } from './registrations/live-chat-turnout.model.js';
import { RegistrationsService } from './registrations/registrations.service.js';

/** The per-request DataLoaders of live chats' field resolvers, named in one place. */
@Injectable()
export class LiveChatsLoaders {
  constructor(
    private readonly events: LiveChatsService,
    private readonly registrations: RegistrationsService,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
  ) {}

  event(ctx: GraphqlContext, id: string): Promise<LiveChatEvent | null> {
    return ctx.loaders.get<string, LiveChatEvent | null>('liveChats.event', (ids) => this.events.byIds(ids)).load(id);
  }

  hostIds(ctx: GraphqlContext, eventId: string): Promise<string[]> {
    return ctx.loaders.get<string, string[]>('liveChats.hosts', (ids) => this.events.hostsOf(ids)).load(eventId);
  }

  audience(ctx: GraphqlContext, eventId: string): Promise<LiveChatAudience[]> {
    return ctx.loaders.get<string, LiveChatAudience[]>('liveChats.audience', (ids) => this.events.audienceOf(ids)).load(eventId);
  }

  /** The signed-in caller's registration for an event. */
  myRegistration(ctx: GraphqlContext, userId: string, eventId: string): Promise<LiveChatRegistration | null> {
    return ctx.loaders
      .get<string, LiveChatRegistration | null>(`liveChats.registration:${userId}`, (ids) => this.registrations.ofUser(userId, ids))
      .load(eventId);
  }

  waitlistPlace(ctx: GraphqlContext, registrationId: string): Promise<number | null> {
    return ctx.loaders.get<string, number | null>('liveChats.waitlistPlace', (ids) => this.registrations.waitlistPlaces(ids)).load(registrationId);
  }

  turnout(ctx: GraphqlContext, eventId: string): Promise<LiveChatTurnout> {
    return ctx.loaders.get<string, LiveChatTurnout>('liveChats.turnout', (ids) => this.registrations.turnoutOf(ids)).load(eventId);
  }

  person(ctx: GraphqlContext, userId: string): Promise<PersonFacts | null> {
    return ctx.loaders
      .get<string, PersonFacts | null>('liveChats.person', async (ids) => byKeys(ids, await this.people.peopleOf(ids), (p) => p.userId))
      .load(userId);
  }

  organisation(ctx: GraphqlContext, id: string): Promise<OrganisationFacts | null> {
    return ctx.loaders
      .get<string, OrganisationFacts | null>('liveChats.organisation', async (ids) => byKeys(ids, await this.people.organisationsOf(ids), (o) => o.id))
      .load(id);
  }
}
