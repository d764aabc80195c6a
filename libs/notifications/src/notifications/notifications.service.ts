import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ConnectionArgs,
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  notFound,
  pageSize,
  toConnection,
} from '@careers/platform';
import { DataSource } from 'typeorm';
import type { Notification } from './notification.entity.js';
import { NotificationRepository } from './notification.repository.js';

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationRepository,
  ) {}

  /** A person's notifications, newest first. */
  async list(userId: string, args: ConnectionArgs & { unreadOnly?: boolean }): Promise<ConnectionShape<Notification>> {
    const first = pageSize(args);
    const after = args.after ? decodeCursor(args.after) : undefined;
    const rows = await this.notifications.page(this.db.manager, userId, args.unreadOnly ?? false, first + 1, after);
    return toConnection(rows, first, (n) => encodeCursor(n.createdAt.toISOString(), n.id));
  }

  unreadCount(userId: string): Promise<number> {
    return this.notifications.unreadCount(this.db.manager, userId);
  }

  async markRead(userId: string, id: string): Promise<Notification> {
    const notification = await this.notifications.find(this.db.manager, userId, id);
    if (!notification) throw notFound('The notification');
    if (!notification.readAt) {
      notification.readAt = new Date();
      await this.notifications.markRead(this.db.manager, userId, id, notification.readAt);
    }
    return notification;
  }

  async markAllRead(userId: string): Promise<number> {
    return this.notifications.markAllRead(this.db.manager, userId, new Date());
  }
}
