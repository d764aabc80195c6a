import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, JobHandler, type JobQueue, scheduleEvery } from '@careers/platform';
import { RemindersService } from './reminders.service.js';

/** Every LIVE_CHAT_REMINDER_INTERVAL seconds: the reminders that fell due. */
@Injectable()
export class RemindersProcessor {
  constructor(private readonly reminders: RemindersService) {}

  @JobHandler(QueueName.LIVE_CHATS, 'send-reminders')
  async process(): Promise<{ sent: number }> {
    return { sent: await this.reminders.sendDue() };
  }
}

/** A BullMQ job scheduler: every worker declares it, it runs once per interval. */
@Injectable()
export class RemindersSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.LIVE_CHATS) private readonly queue: JobQueue<typeof QueueName.LIVE_CHATS>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await scheduleEvery(this.queue, 'send-reminders', this.config.LIVE_CHAT_REMINDER_INTERVAL * 1000);
  }
}
