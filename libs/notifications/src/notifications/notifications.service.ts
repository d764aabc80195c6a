import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type ConnectionArgs,
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  notFound,
  pageSize,
  RealtimePublisher,
  toConnection,
} from '@careers/platform';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { Notification } from './notification.entity.js';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly realtime: RealtimePublisher,
  ) {}

  /**
   * Stores one event's notifications in `tx` (a second delivery of the same
   * event stores nothing: unique per event and person) and returns the push to
   * run after commit.
   */
  async deliver(tx: EntityManager, eventId: string, items: NewNotification[]): Promise<() => Promise<void>> {
    if (items.length === 0) return async () => undefined;
    const rows: (Omit<Notification, 'createdAt'> & { createdAt: Date })[] = await tx.query(
      `INSERT INTO notification (user_id, kind, title, body, link, event_id)
       SELECT n.user_id, n.kind, n.title, n.body, n.link, $2 FROM jsonb_to_recordset($1::jsonb)
         AS n(user_id uuid, kind text, title text, body text, link text)
       ON CONFLICT (event_id, user_id) DO NOTHING
       RETURNING id, user_id AS "userId", kind, title, body, link, created_at AS "createdAt"`,
      [JSON.stringify(items.map((i) => ({ user_id: i.userId, kind: i.kind, title: i.title, body: i.body, link: i.link }))), eventId],
    );
    return async () => {
      for (const n of rows) {
        this.realtime.toUser(n.userId, 'notification', {
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          createdAt: new Date(n.createdAt).toISOString(),
        });
      }
    };
  }

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
