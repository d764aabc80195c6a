import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { BULL_PREFIX } from './bull-prefix.js';
import { QueuesResolver } from './queues.resolver.js';

/** Defaults every queue shares: retries with exponential backoff, failed jobs kept for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/** BullMQ on the platform's Redis, with keys under `${REDIS_PREFIX}:bull`. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: `${config.REDIS_PREFIX}:${BULL_PREFIX}`,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
  ],
})
export class QueueModule {}

/** The api's view of every queue: producers, and the admin queries of QueuesResolver. */
@Module({
  imports: [QueueModule, ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name }))],
  providers: [QueuesResolver],
})
export class QueuesAdminModule {}
