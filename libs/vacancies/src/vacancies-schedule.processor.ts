import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueName, type VacanciesJobs } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, scheduleEvery } from '@careers/platform';
import type { Job, Queue } from 'bullmq';
import { AlertEmails } from './alerts/alert-emails.js';
import { WebhookSender } from './alerts/webhooks.js';
import { VacanciesService } from './vacancies/vacancies.service.js';

type VacanciesJob = { [K in keyof VacanciesJobs]: Job<VacanciesJobs[K], unknown, K> }[keyof VacanciesJobs];

const SCHEDULE = 'vacancies-schedule';

/** The vacancies queue: the schedule (closing, expiry, alert emails) and webhook deliveries. */
@Processor(QueueName.VACANCIES, { concurrency: 8 })
export class VacanciesProcessor extends WorkerHost {
  constructor(
    private readonly vacancies: VacanciesService,
    private readonly emails: AlertEmails,
    private readonly webhooks: WebhookSender,
  ) {
    super();
  }

  async process(job: VacanciesJob): Promise<unknown> {
    switch (job.name) {
      case 'vacancies-schedule':
        return { ...(await this.vacancies.closeAndExpire()), emails: await this.emails.composeDue() };
      case 'deliver-webhook':
        return this.webhooks.deliver(job.data.deliveryId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
    }
  }
}

@Injectable()
export class VacanciesSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.VACANCIES) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await scheduleEvery(this.queue, SCHEDULE, this.config.VACANCY_SCHEDULE_INTERVAL * 1000);
  }
}
