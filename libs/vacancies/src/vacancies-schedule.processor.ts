import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, JobHandler, type JobOf, type JobQueue, scheduleEvery } from '@careers/platform';
import { AlertEmails } from './alerts/alert-emails.js';
import { WebhookSender } from './alerts/webhooks.js';
import { VacanciesService } from './vacancies/vacancies.service.js';

/** The vacancies queue: the schedule (closing, expiry, alert emails) and webhook deliveries. */
@Injectable()
export class VacanciesProcessor {
  constructor(
    private readonly vacancies: VacanciesService,
    private readonly emails: AlertEmails,
    private readonly webhooks: WebhookSender,
  ) {}

  @JobHandler(QueueName.VACANCIES, 'vacancies-schedule')
  async schedule(): Promise<unknown> {
    return { ...(await this.vacancies.closeAndExpire()), emails: await this.emails.composeDue() };
  }

  @JobHandler(QueueName.VACANCIES, 'deliver-webhook')
  async deliverWebhook(job: JobOf<typeof QueueName.VACANCIES, 'deliver-webhook'>): Promise<unknown> {
    return this.webhooks.deliver(job.data.deliveryId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }
}

@Injectable()
export class VacanciesSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.VACANCIES) private readonly queue: JobQueue<typeof QueueName.VACANCIES>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await scheduleEvery(this.queue, 'vacancies-schedule', this.config.VACANCY_SCHEDULE_INTERVAL * 1000);
  }
}
