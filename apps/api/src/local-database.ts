import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dataSourceOptions, loadConfig } from '@careers/platform';
import { DataSource } from 'typeorm';
import { schemaParts } from './database.js';

/** The database cannot be reached, with what to do about it. */
export class LocalDatabaseError extends Error {
  override name = 'LocalDatabaseError';
}

/**
 * The database of `npm run migrate` / `npm run seed`: DATABASE_URL, or else the
 * embedded PostgreSQL of `npm start`, whose URL scripts/start.mjs writes to
 * `<CAREERS_DATA_DIR>/database-url` (default `.data`, as `npm start` uses).
 */
export async function openDatabase(applicationName: string): Promise<DataSource> {
  const embedded = process.env['DATABASE_URL'] ? undefined : embeddedDatabase();
  // Migrations and seeds use no Redis: a placeholder keeps loadConfig from asking for one.
  const config = loadConfig({ REDIS_URL: 'redis://unused', ...process.env, ...(embedded && { DATABASE_URL: embedded.url }) });
  try {
    return await new DataSource(dataSourceOptions(config.DATABASE_URL, schemaParts, { applicationName })).initialize();
  } catch (error) {
    if (embedded && (error as { code?: string }).code === 'ECONNREFUSED') {
      throw new LocalDatabaseError(
        `The embedded PostgreSQL of npm start (${embedded.url}, data in ${embedded.dataDir}) is not running. ` +
          'Run `npm start` in another terminal and run this again while it runs, or set DATABASE_URL.',
      );
    }
    throw error;
  }
}

function embeddedDatabase(): { url: string; dataDir: string } {
  const dataDir = resolve(process.env['CAREERS_DATA_DIR'] ?? join(import.meta.dirname, '../../..', '.data'));
  const file = join(dataDir, 'database-url');
  if (!existsSync(file)) {
    throw new LocalDatabaseError(
      `DATABASE_URL is not set, and there is no embedded PostgreSQL of npm start in ${dataDir} (no ${file}). ` +
        'Run `npm start` (it makes one and keeps it running), or set DATABASE_URL to your PostgreSQL.',
    );
  }
  return { url: readFileSync(file, 'utf8').trim(), dataDir };
}
