import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
import { EmailSender } from './emails/email-sender.js';
import { ScheduledEmailsProcessor, ScheduledEmailsSchedule } from './emails/scheduled-emails.processor.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnsubscribeController } from './emails/unsubscribe.controller.js';
import { SendEmailsListener } from './emails/send-emails.listener.js';
import { NoticeListeners } from './listeners/notices.js';
import { AlertEmailListener } from './emails/alert-email.listener.js';
import { MentorInvitationEmailListener } from './emails/mentor-invitation-email.listener.js';
import { DeliveriesService } from './notifications/deliveries.service.js';
import { Notification } from './notifications/notification.entity.js';
import { NotificationsResolver } from './notifications/notifications.resolver.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { PreferencesResolver } from './preferences/preferences.resolver.js';
import { PreferenceRepository } from './preferences/preference.repository.js';
import { PreferencesService } from './preferences/preferences.service.js';
import { NotificationEmailRepository } from './emails/notification-email.repository.js';
import { NotificationRepository } from './notifications/notification.repository.js';

export const notificationsEntities = [Notification];

/** Notifications for the api: the inbox and preferences over GraphQL, and the unsubscribe page. */
@Module({
  imports: [TypeOrmModule.forFeature(notificationsEntities)],
  providers: [NotificationsService, NotificationRepository, NotificationsResolver, PreferenceRepository, PreferencesService, PreferencesResolver],
  controllers: [UnsubscribeController],
})
export class NotificationsModule {}

/** Notifications for the worker: listeners that turn domain events into deliveries, and send email. */
@Module({
  imports: [TypeOrmModule.forFeature(notificationsEntities), BullModule.registerQueue({ name: QueueName.NOTIFICATIONS })],
  providers: [
    PreferenceRepository,
    NotificationRepository,
    NotificationEmailRepository,
    PreferencesService,
    DeliveriesService,
    EmailSender,
    NoticeListeners,
    AlertEmailListener,
    MentorInvitationEmailListener,
    SendEmailsListener,
    ScheduledEmailsProcessor,
    ScheduledEmailsSchedule,
  ],
})
export class NotificationsWorkerModule {}
