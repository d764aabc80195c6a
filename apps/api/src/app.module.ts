import { Module } from '@nestjs/common';
import { IdentityModule } from '@careers/identity';
import {
  AuthModule,
  ConfigModule,
  DatabaseModule,
  GraphqlModule,
  HealthController,
  LoggingModule,
  RedisModule,
} from '@careers/platform';
import { schemaParts } from './database.js';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('api'),
    DatabaseModule.forRoot(schemaParts, { applicationName: 'careers-api', runMigrations: true }),
    RedisModule,
    AuthModule,
    GraphqlModule,
    IdentityModule,
  ],
  controllers: [HealthController],
})
export class AppModule {}
