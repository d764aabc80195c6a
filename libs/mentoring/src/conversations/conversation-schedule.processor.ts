import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, JobHandler, type JobQueue, scheduleEvery } from '@careers/platform';
import { ConversationScheduleService } from './conversation-schedule.service.js';

/** Every MENTORSHIP_SCAN_INTERVAL seconds: unread-message emails and check-in prompts that fell due. */
@Injectable()
export class ConversationScheduleProcessor {
  constructor(private readonly schedule: ConversationScheduleService) {}

  @JobHandler(QueueName.MENTORING, 'scan-conversations')
  process(): Promise<{ unread: number; checkIns: number }> {
    return this.schedule.sendDue();
  }
}

/** A BullMQ job scheduler: every worker declares it, it runs once per interval. */
@Injectable()
export class ConversationSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.MENTORING) private readonly queue: JobQueue<typeof QueueName.MENTORING>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await scheduleEvery(this.queue, 'scan-conversations', this.config.MENTORSHIP_SCAN_INTERVAL * 1000);
  }
}
