import { Module } from '@nestjs/common';
import { identityEntities, IdentityWorkerModule } from '@careers/identity';
import { liveChatsEntities, LiveChatsWorkerModule } from '@careers/live-chats';
import { MentoringWorkerModule } from '@careers/mentoring';
import { notificationsEntities, NotificationsWorkerModule } from '@careers/notifications';
import { VacanciesWorkerModule } from '@careers/vacancies';
import {
  ConfigModule,
  DatabaseModule,
  JobsWorkerModule,
  LoggingModule,
  MailModule,
  OutboxModule,
  OutboxWorkerModule,
  QueueModule,
  RealtimeModule,
  RedisModule,
  TokensModule,
} from '@careers/platform';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('worker'),
    DatabaseModule.forRoot(
      { entities: [...identityEntities, ...notificationsEntities, ...liveChatsEntities], migrations: [] },
      { applicationName: 'careers-worker', runMigrations: false },
    ),
    RedisModule,
    TokensModule,
    QueueModule,
    OutboxModule,
    OutboxWorkerModule,
    JobsWorkerModule,
    RealtimeModule,
    MailModule,
    IdentityWorkerModule,
    NotificationsWorkerModule,
    VacanciesWorkerModule,
    LiveChatsWorkerModule,
    MentoringWorkerModule,
  ],
})
export class WorkerModule {}
