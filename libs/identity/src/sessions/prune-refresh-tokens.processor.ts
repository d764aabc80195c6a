import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
import { JobHandler, type JobQueue, scheduleEvery } from '@careers/platform';
import { SessionsService } from './sessions.service.js';

/** Hourly: deletes refresh tokens past their expiry (they can no longer be used). */
@Injectable()
export class PruneRefreshTokensProcessor {
  constructor(private readonly sessions: SessionsService) {}

  @JobHandler(QueueName.MAINTENANCE, 'prune-refresh-tokens')
  async process(): Promise<{ deleted: number }> {
    return { deleted: await this.sessions.pruneExpired() };
  }
}

@Injectable()
export class PruneRefreshTokensSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.MAINTENANCE) private readonly queue: JobQueue<typeof QueueName.MAINTENANCE>) {}

  async onApplicationBootstrap(): Promise<void> {
    // A job scheduler is idempotent by id: every worker replica may upsert it.
    await scheduleEvery(this.queue, 'prune-refresh-tokens', 3600_000);
  }
}
