import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueName, type LiveChatsJobs } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, scheduleEvery } from '@careers/platform';
import type { Job, Queue } from 'bullmq';
import { RemindersService } from './reminders.service.js';

const JOB: keyof LiveChatsJobs = 'send-reminders';

/** Every LIVE_CHAT_REMINDER_INTERVAL seconds: the reminders that fell due. */
@Processor(QueueName.LIVE_CHATS)
export class RemindersProcessor extends WorkerHost {
  constructor(private readonly reminders: RemindersService) {
    super();
  }

  async process(job: Job): Promise<{ sent: number }> {
    if (job.name !== JOB) throw new Error(`No handler for ${QueueName.LIVE_CHATS} job "${job.name}"`);
    return { sent: await this.reminders.sendDue() };
  }
}

/** A BullMQ job scheduler: every worker declares it, it runs once per interval. */
@Injectable()
export class RemindersSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.LIVE_CHATS) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await scheduleEvery(this.queue, JOB, this.config.LIVE_CHAT_REMINDER_INTERVAL * 1000);
  }
}
