import 'reflect-metadata';
import { ConfigError, migrate } from '@careers/platform';
import { LocalDatabaseError, openDatabase } from './local-database.js';

/** `npm run migrate`: applies pending migrations, for deployments that run the api with MIGRATIONS_RUN=false. */
async function main(): Promise<void> {
  const db = await openDatabase('careers-migrate');
  try {
    const done = await migrate(db);
    console.log(done.length ? `Applied: ${done.map((m) => m.name).join(', ')}` : 'The schema is up to date.');
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof LocalDatabaseError ? error.message : error);
  process.exit(1);
});
