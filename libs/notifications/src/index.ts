export * from './notifications.module.js';
export { Notification } from './notifications/notification.entity.js';
export { NotificationsService } from './notifications/notifications.service.js';

import { Notifications1763769800000 } from './migrations/1763769800000-notifications.js';
import { NotificationChannels1763769900000 } from './migrations/1763769900000-notification-channels.js';
import { EmailSchedule1763770000000 } from './migrations/1763770000000-email-schedule.js';
import { ComposedEmails1763770150000 } from './migrations/1763770150000-composed-emails.js';
export const notificationsMigrations = [
  Notifications1763769800000,
  NotificationChannels1763769900000,
  EmailSchedule1763770000000,
  ComposedEmails1763770150000,
];
export { seedDemoNotifications } from './seed.js';
