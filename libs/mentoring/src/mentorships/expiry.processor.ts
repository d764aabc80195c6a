import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, JobHandler, type JobQueue, scheduleEvery } from '@careers/platform';
import { MentorshipsService } from './mentorships.service.js';

/** Every MENTORSHIP_EXPIRY_INTERVAL seconds: requests past their expiry become EXPIRED, and their students hear of it. */
@Injectable()
export class MentorshipExpiryProcessor {
  constructor(private readonly mentorships: MentorshipsService) {}

  @JobHandler(QueueName.MENTORING, 'expire-mentorship-requests')
  async process(): Promise<{ expired: number }> {
    return { expired: await this.mentorships.expireDue() };
  }
}

/** A BullMQ job scheduler: every worker declares it, it runs once per interval. */
@Injectable()
export class MentorshipExpirySchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.MENTORING) private readonly queue: JobQueue<typeof QueueName.MENTORING>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await scheduleEvery(this.queue, 'expire-mentorship-requests', this.config.MENTORSHIP_EXPIRY_INTERVAL * 1000);
  }
}
