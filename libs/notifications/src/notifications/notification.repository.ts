import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@careers/contracts';
import type { EntityManager } from 'typeorm';

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
 * The in-app notifications' SQL (`notification`) that the entity's repository cannot say (a set inserted from one
 * JSON parameter, at most once per event and person). Dialect: every repository's (CONTRIBUTING, "Repositories hold
 * the SQL"): raw parameterised SQL through the EntityManager the caller passes in.
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
}
