import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationDecidedListener } from './listeners/organisation-decided.listener.js';
import { Notification } from './notifications/notification.entity.js';
import { NotificationsResolver } from './notifications/notifications.resolver.js';
import { NotificationsService } from './notifications/notifications.service.js';

export const notificationsEntities = [Notification];

/** Notifications for the api: the inbox over GraphQL. */
@Module({
  imports: [TypeOrmModule.forFeature(notificationsEntities)],
  providers: [NotificationsService, NotificationsResolver],
})
export class NotificationsModule {}

/** Notifications for the worker: listeners that turn domain events into deliveries. */
@Module({
  imports: [TypeOrmModule.forFeature(notificationsEntities)],
  providers: [NotificationsService, OrganisationDecidedListener],
})
export class NotificationsWorkerModule {}
