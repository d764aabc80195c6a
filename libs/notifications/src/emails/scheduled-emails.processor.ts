import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, JobHandler, type JobQueue, scheduleEvery } from '@careers/platform';
import { EmailSender } from './email-sender.js';

/** Every EMAIL_SCHEDULE_INTERVAL seconds: emails held by quiet hours that ended, and digests that are due. */
@Injectable()
export class ScheduledEmailsProcessor {
  constructor(private readonly sender: EmailSender) {}

  @JobHandler(QueueName.NOTIFICATIONS, 'send-scheduled-emails')
  async process(): Promise<{ held: number; digests: number }> {
    return { held: await this.sender.sendHeld(), digests: await this.sender.sendDigests() };
  }
}

@Injectable()
export class ScheduledEmailsSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.NOTIFICATIONS) private readonly queue: JobQueue<typeof QueueName.NOTIFICATIONS>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await scheduleEvery(this.queue, 'send-scheduled-emails', this.config.EMAIL_SCHEDULE_INTERVAL * 1000);
  }
}
