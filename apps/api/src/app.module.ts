import { Module } from '@nestjs/common';
import { IdentityModule } from '@careers/identity';
import { LiveChatRoomsModule, LiveChatsModule } from '@careers/live-chats';
import { MentoringModule } from '@careers/mentoring';
import { NotificationsModule } from '@careers/notifications';
import { VacanciesModule } from '@careers/vacancies';
import {
  AuthModule,
  ConfigModule,
  DatabaseModule,
  GraphqlModule,
  HealthController,
  LoggingModule,
  OutboxModule,
  QueuesAdminModule,
  RealtimeGateway,
  RealtimeModule,
  RedisModule,
} from '@careers/platform';
import { schemaParts } from './database.js';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('api'),
    DatabaseModule.forRoot(schemaParts, { applicationName: 'careers-api', runMigrations: true }),
    RedisModule,
    OutboxModule,
    RealtimeModule,
    AuthModule,
    GraphqlModule,
    IdentityModule,
    NotificationsModule,
    VacanciesModule,
    LiveChatsModule,
    LiveChatRoomsModule,
    MentoringModule,
    QueuesAdminModule,
  ],
  controllers: [HealthController],
  providers: [RealtimeGateway],
})
export class AppModule {}
