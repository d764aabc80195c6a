import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
import { AlertEmails } from './alerts/alert-emails.js';
import { AlertFeedsController } from './alerts/alert-feeds.controller.js';
import { AlertMatcher } from './alerts/alert-matcher.js';
import { AlertUnsubscribeController } from './alerts/alert-unsubscribe.controller.js';
import { AlertsResolver } from './alerts/alerts.resolver.js';
import { AlertsService } from './alerts/alerts.service.js';
import { MatchAlertsListener } from './alerts/match-alerts.listener.js';
import { QueueWebhooksListener, WebhookSender } from './alerts/webhooks.js';
import { VacanciesProcessor, VacanciesSchedule } from './vacancies-schedule.processor.js';
import { VacanciesResolver, VacancyTargetsResolver } from './vacancies/vacancies.resolver.js';
import { VacanciesService } from './vacancies/vacancies.service.js';
import { VacancyApproval } from './vacancies/vacancy-approval.js';
import { VacancyListingsService } from './vacancies/vacancy-listings.service.js';
import { VacancySearchRepository } from './vacancies/vacancy-search.repository.js';
import { VacancyRepository } from './vacancies/vacancy.repository.js';
import { AlertMatchRepository } from './alerts/alert-match.repository.js';
import { AlertSubscriptionRepository } from './alerts/alert-subscription.repository.js';

/** Vacancies for the api: posting, approval, search and alert subscriptions over GraphQL; feeds and unsubscribe over HTTP. */
@Module({
  providers: [
    VacancyRepository,
    VacancySearchRepository,
    VacancyApproval,
    AlertSubscriptionRepository,
    AlertMatchRepository,
    VacanciesService,
    VacancyListingsService,
    VacanciesResolver,
    VacancyTargetsResolver,
    AlertsService,
    AlertsResolver,
  ],
  controllers: [AlertFeedsController, AlertUnsubscribeController],
})
export class VacanciesModule {}

/** Vacancies for the worker: alert matching, alert emails, webhooks, closing and expiry. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.VACANCIES })],
  providers: [
    VacancyRepository,
    VacancySearchRepository,
    VacancyApproval,
    VacanciesService,
    AlertMatcher,
    AlertEmails,
    WebhookSender,
    MatchAlertsListener,
    QueueWebhooksListener,
    VacanciesProcessor,
    VacanciesSchedule,
  ],
})
export class VacanciesWorkerModule {}
