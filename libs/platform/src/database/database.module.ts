import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { dataSourceOptions, type SchemaParts } from './data-source-options.js';
import { migrate } from './migrate.js';

@Module({})
export class DatabaseModule {
  /**
   * The TypeORM connection. With `runMigrations` (the api, unless
   * MIGRATIONS_RUN=false) pending migrations run before anything else queries.
   */
  static forRoot(parts: SchemaParts, opts: { applicationName: string; runMigrations: boolean }): DynamicModule {
    let shouldMigrate = false;
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            shouldMigrate = opts.runMigrations && config.MIGRATIONS_RUN;
            return dataSourceOptions(config.DATABASE_URL, parts, {
              poolSize: config.DATABASE_POOL_SIZE,
              applicationName: opts.applicationName,
            });
          },
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            if (shouldMigrate) await migrate(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
