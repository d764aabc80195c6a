import { type DemoNotice, type DemoPerson, Role } from '@careers/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Notification } from './notifications/notification.entity.js';

/**
 * The in-app notifications of the demo people, so the bell and the inbox show something on the first start:
 * the other domains' (`notices`: their seeds made what these are about and know the links) and staff's employer
 * waiting for approval (identity's Northwind Energy). Run once, after the other domains' demo seeds; written
 * directly (no events behind them).
 */
export async function seedDemoNotifications(db: DataSource, people: DemoPerson[], notices: DemoNotice[] = []): Promise<void> {
  const staff = people.find((p) => p.role === Role.STAFF);
  const rows = [...notices];
  if (staff) {
    rows.push({
      userId: staff.id,
      kind: 'organisation-awaiting-approval',
      title: 'Awaiting your decision: Northwind Energy asks to reach your students',
      body: 'An employer signed up with Northwind Energy (https://northwind.example). Until your careers service approves it, it cannot post vacancies or host live chats for your students. In your employer approvals, approve it for your students, or reject it with a reason the employer will see.',
      link: '/approvals/organisations',
      minutesAgo: 120,
    });
  }
  if (rows.length === 0) return;
  await db
    .createQueryBuilder()
    .insert()
    .into(Notification)
    .values(
      rows.map(({ read, minutesAgo = 0, ...row }) => {
        const createdAt = new Date(Date.now() - minutesAgo * 60_000);
        return { ...row, eventId: randomUUID(), createdAt, readAt: read ? createdAt : null };
      }),
    )
    .execute();
}
