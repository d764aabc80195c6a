import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LiveChatAccess } from './access/live-chat-access.repository.js';
import { CalendarRepository } from './calendar/calendar.repository.js';
import { CalendarsController } from './calendar/calendars.controller.js';
import { CalendarsResolver } from './calendar/calendars.resolver.js';
import { CalendarsService } from './calendar/calendars.service.js';
import { LiveChatApprovalsService } from './events/live-chat-approvals.service.js';
import { LiveChatAudienceRepository } from './events/live-chat-audience.repository.js';
import { LiveChatAudience, LiveChatEvent, LiveChatHost } from './events/live-chat-event.entity.js';
import { LiveChatEventRepository } from './events/live-chat-event.repository.js';
import { LiveChatAudienceResolver, LiveChatsResolver } from './events/live-chats.resolver.js';
import { LiveChatsService } from './events/live-chats.service.js';
import { LiveChatsLoaders } from './live-chats.loaders.js';
import { LiveChatRegistration } from './registrations/live-chat-registration.entity.js';
import { LiveChatFollowUp, LiveChatPublication, LiveChatQaItem } from './qa/qa.entity.js';
import { LiveChatFollowUpResolver, LiveChatQaItemResolver, LiveChatQaResolver } from './qa/qa.resolver.js';
import { QaRepository } from './qa/qa.repository.js';
import { LIVE_CHAT_ANSWERED_QUESTIONS, LiveChatQaService } from './qa/qa.service.js';
import { RoomAnsweredQuestions } from './rooms/room-answered-questions.repository.js';
import { RegistrationsResolver } from './registrations/registrations.resolver.js';
import { RegistrationsRepository } from './registrations/registrations.repository.js';
import { RegistrationsService } from './registrations/registrations.service.js';
import { RemindersProcessor, RemindersSchedule } from './reminders/reminders.processor.js';
import { ReminderRepository } from './reminders/reminder.repository.js';
import { RemindersService } from './reminders/reminders.service.js';

export const liveChatsEntities = [LiveChatEvent, LiveChatHost, LiveChatAudience, LiveChatRegistration, LiveChatPublication, LiveChatQaItem, LiveChatFollowUp];

const repositories = [LiveChatEventRepository, LiveChatAudienceRepository, RegistrationsRepository, QaRepository];
const services = [LiveChatAccess, LiveChatsService, LiveChatApprovalsService, RegistrationsService, LiveChatQaService];

// The live room's answered questions feed the Q&A page.
const answeredQuestions = { provide: LIVE_CHAT_ANSWERED_QUESTIONS, useClass: RoomAnsweredQuestions };

/** The services of live chats (no GraphQL), for the api and the worker; the live room imports it for LiveChatAccess. */
@Module({
  imports: [TypeOrmModule.forFeature(liveChatsEntities)],
  providers: [...repositories, ...services, answeredQuestions],
  exports: services,
})
export class LiveChatsCoreModule {}

/** Live chats for the api: events, approval and registration over GraphQL; calendar files over HTTP. */
@Module({
  imports: [LiveChatsCoreModule],
  exports: [LiveChatsCoreModule],
  providers: [LiveChatsLoaders, LiveChatsResolver, LiveChatAudienceResolver, RegistrationsResolver, CalendarRepository, CalendarsService, CalendarsResolver,
    LiveChatQaResolver, LiveChatQaItemResolver, LiveChatFollowUpResolver],
  controllers: [CalendarsController],
})
export class LiveChatsModule {}

/** Live chats for the worker: reminders on a schedule. */
@Module({
  imports: [LiveChatsCoreModule, BullModule.registerQueue({ name: QueueName.LIVE_CHATS })],
  providers: [ReminderRepository, RemindersService, RemindersProcessor, RemindersSchedule],
})
export class LiveChatsWorkerModule {}
