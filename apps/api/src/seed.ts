import 'reflect-metadata';
import { seedAdmin } from '@careers/identity';
import { migrate } from '@careers/platform';
import { seedDemoData } from './demo-data.js';
import { openDatabase } from './local-database.js';

/**
 * `npm run seed`: the demo institution, its people, vacancies, alerts, live chats and notifications (skipped
 * if present; see demo-data.ts).
 * `npm run seed -- --admin someone@example.org`: the first admin of a real
 * installation, with ADMIN_PASSWORD or a generated password printed once.
 */
async function main(): Promise<void> {
  const db = await openDatabase('careers-seed');
  try {
    await migrate(db);
    const adminAt = process.argv.indexOf('--admin');
    if (adminAt !== -1) {
      const email = process.argv[adminAt + 1];
      if (!email?.includes('@')) throw new Error('Give the admin email: npm run seed -- --admin someone@example.org');
      const password = process.env['ADMIN_PASSWORD'] || undefined;
      const admin = await seedAdmin(db, email, password).catch((error: unknown) => {
        throw new Error(`The admin was not created: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      });
      console.log(`Admin created: ${admin.email}${password ? '' : ` with password ${admin.password}`}`);
      return;
    }
    const accounts = await seedDemoData(db);
    if (accounts.length === 0) {
      console.log('The demo institution is already there.');
      return;
    }
    console.log('Demo sign-ins (password for all: ' + accounts[0]!.password + '):');
    for (const a of accounts) console.log(`  ${a.role.padEnd(9)} ${a.email}`);
    console.log('  EMPLOYER  employer@northwind.example (its organisation waits for staff approval)');
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  // Configuration, an unreachable database, an admin's email or password: the message says what to do.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
