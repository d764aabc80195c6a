import { type DemoPerson, Role } from '@careers/contracts';
import type { DataSource } from 'typeorm';

/**
 * Two demo live chats by the demo employer for the demo institution, so a
 * newcomer sees them at work: one on now, for four hours from the first start
 * (the demo student holds a place: sign in and join the room), and one
 * tomorrow, to register for. Run once, after identity's demo seed; written
 * directly (no events: nothing to notify yet).
 */
export async function seedDemoLiveChats(db: DataSource, people: DemoPerson[]): Promise<void> {
  const staff = people.find((p) => p.role === Role.STAFF);
  const student = people.find((p) => p.role === Role.STUDENT);
  const employer = people.find((p) => p.role === Role.EMPLOYER);
  if (!staff?.institutionId || !student || !employer?.organisationId) return;
  await db.transaction(async (tx) => {
    const chats = [
      { title: 'Ask Acme Analytics anything', startsIn: '-5 minutes', registered: [student.id] },
      { title: 'A day in data: graduate roles at Acme', startsIn: '1 day', registered: [] },
    ];
    for (const chat of chats) {
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO live_chat_event (organisation_id, created_by_id, title, description, starts_at, ends_at, capacity, status, registered_count)
         VALUES ($1, $2, $3, 'Our graduate analysts answer your questions about the work, the team and applying.',
                 now() + $4::interval, now() + $4::interval + interval '4 hours' - interval '5 minutes', 200, 'APPROVED', $5) RETURNING id`,
        [employer.organisationId, employer.id, chat.title, chat.startsIn, chat.registered.length],
      );
      await tx.query(`INSERT INTO live_chat_host (event_id, user_id) VALUES ($1, $2)`, [id, employer.id]);
      await tx.query(
        `INSERT INTO live_chat_audience (event_id, institution_id, status, decided_by_id, decided_at) VALUES ($1, $2, 'APPROVED', $3, now())`,
        [id, staff.institutionId, staff.id],
      );
      for (const userId of chat.registered) {
        await tx.query(`INSERT INTO live_chat_registration (event_id, user_id, status) VALUES ($1, $2, 'REGISTERED')`, [id, userId]);
      }
    }
  });
}
