import { seedDemo, type SeededAccount } from '@careers/identity';
import { seedDemoLiveChats } from '@careers/live-chats';
import { seedDemoMentors } from '@careers/mentoring';
import { seedDemoNotifications } from '@careers/notifications';
import { seedDemoVacancies } from '@careers/vacancies';
import type { DataSource } from 'typeorm';

/**
 * The demo data of `npm run seed` (and of `npm start`'s first start): identity's institution and people, then
 * each domain's demo data around them, then the notifications that go with it. Times are relative to now (the
 * live chat on now is on for four hours from the seeding). Returns the accounts, or none when the demo
 * institution was there already (nothing is written then).
 */
export async function seedDemoData(db: DataSource): Promise<SeededAccount[]> {
  const accounts = await seedDemo(db);
  if (accounts.length === 0) return [];
  const notices = [...(await seedDemoVacancies(db, accounts)), ...(await seedDemoLiveChats(db, accounts))];
  await seedDemoMentors(db, accounts);
  await seedDemoNotifications(db, accounts, notices);
  return accounts;
}
