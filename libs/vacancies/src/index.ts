export * from './vacancies.module.js';
export { VacanciesService } from './vacancies/vacancies.service.js';
export { AlertMatcher } from './alerts/alert-matcher.js';
export { MATCHING_SUBSCRIPTIONS } from './alerts/alert-subscription.repository.js';
export { AlertEmails } from './alerts/alert-emails.js';
export { WebhookSender } from './alerts/webhooks.js';
export { isAllowedAddress } from './alerts/webhook-guard.js';
export { MAX_SUBSCRIPTIONS } from './alerts/alerts.service.js';
export { seedDemoVacancies } from './seed.js';

import { Vacancies1763770100000 } from './migrations/1763770100000-vacancies.js';
import { AlertKeywordKeys1763770400000 } from './migrations/1763770400000-alert-keyword-keys.js';
import { VacancyPosterInstitution1764000300000 } from './migrations/1764000300000-vacancy-poster-institution.js';
export const vacanciesMigrations = [Vacancies1763770100000, AlertKeywordKeys1763770400000, VacancyPosterInstitution1764000300000];
