import { type DemoPerson, type NotificationKind, Role } from '@careers/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Notification } from './notifications/notification.entity.js';

/**
 * A few in-app notifications for the demo people, so the bell and the inbox show something on the first start:
 * the student's reminder of the live chat on now and an alert match, one of them read; staff's employer waiting
 * for approval. Run once, after the other domains' demo seeds; written directly (no events behind them).
 */
export async function seedDemoNotifications(db: DataSource, people: DemoPerson[]): Promise<void> {
  const student = people.find((p) => p.role === Role.STUDENT);
  const staff = people.find((p) => p.role === Role.STAFF);
  const rows: { userId: string; kind: NotificationKind; title: string; body: string; link: string; read: boolean }[] = [];
  if (student) {
    rows.push(
      { userId: student.id, kind: 'live-chat-reminder', title: 'Starting now: Ask Acme Analytics anything', body: 'The live chat you registered for has started: join the room to ask your questions.', link: '/live-chats', read: false },
      { userId: student.id, kind: 'vacancy-alert', title: 'New vacancy for your alert "policy"', body: 'A vacancy matching your alert was published: have a look before it closes.', link: '/vacancies', read: true },
    );
  }
  if (staff) {
    rows.push({ userId: staff.id, kind: 'organisation-awaiting-approval', title: 'Northwind Energy waits for your approval', body: 'An employer signed up to reach your students: approve or decline it.', link: '/notifications', read: false });
  }
  if (rows.length === 0) return;
  await db
    .createQueryBuilder()
    .insert()
    .into(Notification)
    .values(rows.map(({ read, ...row }) => ({ ...row, eventId: randomUUID(), readAt: read ? new Date() : null })))
    .execute();
}
