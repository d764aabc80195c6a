import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type ConnectionArgs,
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  notFound,
  pageSize,
  toConnection,
} from '@careers/platform';
import { IsNull, Repository } from 'typeorm';
import { Notification } from './notification.entity.js';

@Injectable()
export class NotificationsService {
  constructor(@InjectRepository(Notification) private readonly notifications: Repository<Notification>) {}

  /** A person's notifications, newest first. */
  async list(userId: string, args: ConnectionArgs & { unreadOnly?: boolean }): Promise<ConnectionShape<Notification>> {
    const first = pageSize(args);
    const qb = this.notifications
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(first + 1);
    if (args.unreadOnly) qb.andWhere('n.read_at IS NULL');
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after);
      qb.andWhere('(n.created_at, n.id) < (:createdAt, :id)', { createdAt, id });
    }
    return toConnection(await qb.getMany(), first, (n) => encodeCursor(n.createdAt.toISOString(), n.id));
  }

  unreadCount(userId: string): Promise<number> {
    return this.notifications.countBy({ userId, readAt: IsNull() });
  }

  async markRead(userId: string, id: string): Promise<Notification> {
    const notification = await this.notifications.findOneBy({ id, userId });
    if (!notification) throw notFound('The notification');
    if (!notification.readAt) {
      notification.readAt = new Date();
      await this.notifications.update({ id, userId }, { readAt: notification.readAt });
    }
    return notification;
  }

  async markAllRead(userId: string): Promise<number> {
    const result = await this.notifications.update({ userId, readAt: IsNull() }, { readAt: new Date() });
    return result.affected ?? 0;
  }
}
