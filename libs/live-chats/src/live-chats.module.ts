import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LiveChatAccess } from './access/live-chat-access.js';
import { LiveChatAudience, LiveChatEvent, LiveChatHost } from './events/live-chat-event.entity.js';
import { LiveChatRegistration } from './registrations/live-chat-registration.entity.js';

export const liveChatsEntities = [LiveChatEvent, LiveChatHost, LiveChatAudience, LiveChatRegistration];

const services = [LiveChatAccess];

/** The services of live chats (no GraphQL), for the api and the worker; the live room imports it for LiveChatAccess. */
@Module({
  imports: [TypeOrmModule.forFeature(liveChatsEntities)],
  providers: services,
  exports: services,
})
export class LiveChatsCoreModule {}

/** Live chats for the api: events, approval and registration over GraphQL. */
@Module({
  imports: [LiveChatsCoreModule],
  exports: [LiveChatsCoreModule],
})
export class LiveChatsModule {}

/** Live chats for the worker. */
@Module({
  imports: [LiveChatsCoreModule],
})
export class LiveChatsWorkerModule {}
