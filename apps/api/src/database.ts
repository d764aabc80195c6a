import { identityEntities, identityMigrations } from '@careers/identity';
import { liveChatsEntities, liveChatsMigrations } from '@careers/live-chats';
import { mentoringMigrations } from '@careers/mentoring';
import { notificationsEntities, notificationsMigrations } from '@careers/notifications';
import { Outbox1763769700000, type SchemaParts } from '@careers/platform';
import { vacanciesMigrations } from '@careers/vacancies';

/** Every entity and migration of the installation; the api owns the schema. */
export const schemaParts: SchemaParts = {
  entities: [...identityEntities, ...notificationsEntities, ...liveChatsEntities],
  migrations: [...identityMigrations, Outbox1763769700000, ...notificationsMigrations, ...vacanciesMigrations, ...liveChatsMigrations, ...mentoringMigrations],
};
