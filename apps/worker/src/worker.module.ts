import { Module } from '@nestjs/common';
import { identityEntities, IdentityWorkerModule } from '@careers/identity';
import { ConfigModule, DatabaseModule, LoggingModule, QueueModule, RedisModule, TokensModule } from '@careers/platform';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('worker'),
    DatabaseModule.forRoot({ entities: [...identityEntities], migrations: [] }, { applicationName: 'careers-worker', runMigrations: false }),
    RedisModule,
    TokensModule,
    QueueModule,
    IdentityWorkerModule,
  ],
})
export class WorkerModule {}
