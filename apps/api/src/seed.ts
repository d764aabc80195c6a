import 'reflect-metadata';
import { seedAdmin, seedDemo } from '@careers/identity';
import { ConfigError, dataSourceOptions, loadConfig, migrate } from '@careers/platform';
import { seedDemoLiveChats } from '@careers/live-chats';
import { seedDemoVacancies } from '@careers/vacancies';
import { DataSource } from 'typeorm';
import { schemaParts } from './database.js';

/**
 * `npm run seed`: the demo institution, its people, vacancies and live chats (skipped if present).
 * `npm run seed -- --admin someone@example.org`: the first admin of a real
 * installation, with ADMIN_PASSWORD or a generated password printed once.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await new DataSource(dataSourceOptions(config.DATABASE_URL, schemaParts, { applicationName: 'careers-seed' })).initialize();
  try {
    await migrate(db);
    const adminAt = process.argv.indexOf('--admin');
    if (adminAt !== -1) {
      const email = process.argv[adminAt + 1];
      if (!email?.includes('@')) throw new Error('Give the admin email: npm run seed -- --admin someone@example.org');
      const admin = await seedAdmin(db, email, process.env['ADMIN_PASSWORD']);
      console.log(`Admin created: ${admin.email}${process.env['ADMIN_PASSWORD'] ? '' : ` with password ${admin.password}`}`);
      return;
    }
    const accounts = await seedDemo(db);
    if (accounts.length === 0) {
      console.log('The demo institution is already there.');
      return;
    }
    await seedDemoVacancies(db, accounts);
    await seedDemoLiveChats(db, accounts);
    console.log('Demo sign-ins (password for all: ' + accounts[0]!.password + '):');
    for (const a of accounts) console.log(`  ${a.role.padEnd(9)} ${a.email}`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
