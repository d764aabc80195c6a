import { Field, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '@careers/contracts';
import { CurrentUser } from '@careers/platform';
import { LiveChatEvent } from '../events/live-chat-event.entity.js';
import { CalendarsService } from './calendars.service.js';

@ObjectType({ description: 'A secret calendar feed URL: anyone holding it sees your live chats. Keep it private.' })
export class LiveChatCalendarFeed {
  @Field({ description: 'The iCalendar (.ics) address to subscribe to; it needs no sign-in, so treat it like a password.' })
  url: string;

  @Field({ description: 'When this URL was made; it works until you regenerate it.' })
  createdAt: Date;
}

@Resolver(() => LiveChatEvent)
export class CalendarsResolver {
  constructor(private readonly calendars: CalendarsService) {}

  @Mutation(() => LiveChatCalendarFeed, {
    description:
      'A new secret URL of your calendar feed (live chats you are registered for or host), to subscribe to in a calendar app. The previous URL stops working.',
  })
  regenerateLiveChatCalendarFeed(@CurrentUser() caller: Principal): Promise<LiveChatCalendarFeed> {
    return this.calendars.regenerateFeed(caller);
  }

  @Query(() => LiveChatCalendarFeed, {
    nullable: true,
    description:
      'Your current calendar feed URL (live chats you are registered for or host); null until you make one with regenerateLiveChatCalendarFeed, or when yours was made before addresses could be shown again (make a new one).',
  })
  liveChatCalendarFeed(@CurrentUser() caller: Principal): Promise<LiveChatCalendarFeed | null> {
    return this.calendars.currentFeed(caller);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "A link to the event's iCalendar file, signed so that only people you share it with can open it; null while the chat is pending or rejected.",
  })
  icsUrl(@Parent() event: LiveChatEvent): string | null {
    return this.calendars.eventIcsUrl(event);
  }
}
