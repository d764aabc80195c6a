import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@careers/contracts';
import type { EntityManager } from 'typeorm';
import { Notification } from './notification.entity.js';

/** An in-app notification as stored. */
export interface StoredNotification {
  id: string;
  userId: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
}

/**
 * The in-app notifications' reads and writes (`notification`), through the EntityManager the caller passes in.
 * Dialect (CONTRIBUTING, "Repositories hold the SQL"): what returns the `Notification` entity GraphQL serves, and
 * its write by key, go through that manager's entity calls; the rest (a count; marking all read; the set inserted
 * from one JSON parameter, at most once per event and person, which returns rows of its own) is raw parameterised SQL.
 */
@Injectable()
export class NotificationRepository {
  /** Stores one notification of `eventId` per person among `items`; returns those new (a replay's are not). */
  async insert(
    m: EntityManager,
    eventId: string,
    kind: NotificationKind,
    items: { userId: string; title: string; body: string; link: string | null }[],
  ): Promise<StoredNotification[]> {
    if (items.length === 0) return [];
    const rows: StoredNotification[] = await m.query(
      `INSERT INTO notification (user_id, kind, title, body, link, event_id)
       SELECT n.user_id, $2, n.title, n.body, n.link, $3 FROM jsonb_to_recordset($1::jsonb)
         AS n(user_id uuid, title text, body text, link text)
       ON CONFLICT (event_id, user_id) DO NOTHING
       RETURNING id, user_id AS "userId", title, body, link, created_at AS "createdAt"`,
      [JSON.stringify(items.map((i) => ({ user_id: i.userId, title: i.title, body: i.body, link: i.link }))), kind, eventId],
    );
    return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
  }

  /** At most `limit` of a person's notifications (only unread ones when `unreadOnly`), newest first, from after (createdAt, id). */
  page(m: EntityManager, userId: string, unreadOnly: boolean, limit: number, after?: [createdAt: unknown, id: string]): Promise<Notification[]> {
    const qb = m
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(limit);
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    if (after) {
      const [createdAt, id] = after;
      qb.andWhere('(n.created_at, n.id) < (:createdAt, :id)', { createdAt, id });
    }
    return qb.getMany();
  }

  async unreadCount(m: EntityManager, userId: string): Promise<number> {
    const [row]: { count: number }[] = await m.query(`SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return row!.count;
  }

  /** The notification `id` if it is `userId`'s; null otherwise. */
  find(m: EntityManager, userId: string, id: string): Promise<Notification | null> {
    return m.findOneBy(Notification, { id, userId });
  }

  /** Marks `userId`'s notification `id` read at `readAt`. */
  async markRead(m: EntityManager, userId: string, id: string, readAt: Date): Promise<void> {
    await m.update(Notification, { id, userId }, { readAt });
  }

  /** Marks all of a person's unread notifications read at `readAt`; returns how many. */
  async markAllRead(m: EntityManager, userId: string, readAt: Date): Promise<number> {
    // (A SELECT around the UPDATE: TypeORM returns [rows, count] for a bare UPDATE.)
    const [row]: { n: number }[] = await m.query(
      `WITH marked AS (UPDATE notification SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING 1)
       SELECT count(*)::int AS n FROM marked`,
      [userId, readAt],
    );
    return row!.n;
  }
}
