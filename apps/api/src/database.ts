import { identityEntities, identityMigrations } from '@careers/identity';
import type { SchemaParts } from '@careers/platform';

/** Every entity and migration of the installation; the api owns the schema. */
export const schemaParts: SchemaParts = {
  entities: [...identityEntities],
  migrations: [...identityMigrations],
};
