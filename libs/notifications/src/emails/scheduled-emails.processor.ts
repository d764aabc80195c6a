import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, scheduleEvery } from '@careers/platform';
import type { Job, Queue } from 'bullmq';
import { EmailSender } from './email-sender.js';

const JOB = 'send-scheduled-emails';

/** Every EMAIL_SCHEDULE_INTERVAL seconds: emails held by quiet hours that ended, and digests that are due. */
@Processor(QueueName.NOTIFICATIONS)
export class ScheduledEmailsProcessor extends WorkerHost {
  constructor(private readonly sender: EmailSender) {
    super();
  }

  async process(job: Job): Promise<{ held: number; digests: number }> {
    if (job.name !== JOB) throw new Error(`No handler for ${QueueName.NOTIFICATIONS} job "${job.name}"`);
    return { held: await this.sender.sendHeld(), digests: await this.sender.sendDigests() };
  }
}

@Injectable()
export class ScheduledEmailsSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.NOTIFICATIONS) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await scheduleEvery(this.queue, JOB, this.config.EMAIL_SCHEDULE_INTERVAL * 1000);
  }
}
