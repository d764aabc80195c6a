import type { DataSource, Migration } from 'typeorm';

/** An arbitrary constant: the advisory lock every process takes before migrating. */
const MIGRATION_LOCK = 727_274_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so that api
 * replicas (or test workers) starting together migrate once, one after another.
 * TypeORM itself takes no lock.
 */
export async function migrate(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
