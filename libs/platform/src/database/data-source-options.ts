import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// Classes, listed explicitly: globs of file names break between ts (tests) and js (dist).
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = Function[];

export interface SchemaParts {
  entities: ClassList;
  migrations: ClassList;
}

/** One place that says how the platform talks to PostgreSQL; the api, the worker, tests and scripts share it. */
export function dataSourceOptions(
  url: string,
  parts: SchemaParts,
  options: { poolSize?: number; migrationsRun?: boolean; applicationName?: string } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: parts.entities,
    migrations: parts.migrations,
    migrationsRun: options.migrationsRun ?? false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: options.applicationName ?? 'careers',
    extra: { max: options.poolSize ?? 10 },
  };
}
