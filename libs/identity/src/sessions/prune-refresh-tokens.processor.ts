import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type MaintenanceJobs, QueueName } from '@careers/contracts';
import { scheduleEvery } from '@careers/platform';
import type { Job, Queue } from 'bullmq';
import { SessionsService } from './sessions.service.js';

const JOB: keyof MaintenanceJobs = 'prune-refresh-tokens';

/** Hourly: deletes refresh tokens past their expiry (they can no longer be used). */
@Processor(QueueName.MAINTENANCE)
export class PruneRefreshTokensProcessor extends WorkerHost {
  constructor(private readonly sessions: SessionsService) {
    super();
  }

  async process(job: Job): Promise<{ deleted: number }> {
    if (job.name !== JOB) throw new Error(`No handler for ${QueueName.MAINTENANCE} job "${job.name}"`);
    return { deleted: await this.sessions.pruneExpired() };
  }
}

@Injectable()
export class PruneRefreshTokensSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.MAINTENANCE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    // A job scheduler is idempotent by id: every worker replica may upsert it.
    await scheduleEvery(this.queue, JOB, 3600_000);
  }
}
