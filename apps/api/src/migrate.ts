import 'reflect-metadata';
import { ConfigError, dataSourceOptions, loadConfig, migrate } from '@careers/platform';
import { DataSource } from 'typeorm';
import { schemaParts } from './database.js';

/** `npm run migrate`: applies pending migrations, for deployments that run the api with MIGRATIONS_RUN=false. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await new DataSource(dataSourceOptions(config.DATABASE_URL, schemaParts, { applicationName: 'careers-migrate' })).initialize();
  try {
    const done = await migrate(db);
    console.log(done.length ? `Applied: ${done.map((m) => m.name).join(', ')}` : 'The schema is up to date.');
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
