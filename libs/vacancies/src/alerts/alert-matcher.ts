import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { VacancyRepository } from '../vacancies/vacancy.repository.js';
import { AlertMatchRepository, type NewMatch } from './alert-match.repository.js';
import { WebhookDeliveryRepository } from './webhook-delivery.repository.js';

export type { NewMatch };

/** Which subscriptions a published vacancy alerts, and their webhook deliveries. The SQL is the repositories'. */
@Injectable()
export class AlertMatcher {
  // Repositories hold no state (each call takes its manager), so they are built here, not injected: tests and the
  // benchmarks build AlertMatcher by hand.
  private readonly vacancies = new VacancyRepository();
  private readonly matches = new AlertMatchRepository();
  private readonly deliveries = new WebhookDeliveryRepository();

  /**
   * Stores the vacancy's new matches: one per person (their oldest matching
   * subscription), never a second for a person it already reached, so an
   * edited and re-published vacancy alerts nobody twice. Returns the new ones.
   * Only the students of `institutionIds` that approve it now: an edit may
   * have sent it back to one since the event was written.
   */
  async match(tx: EntityManager, vacancyId: string, institutionIds: string[]): Promise<NewMatch[]> {
    // FOR SHARE: an edit that sends a target back to pending waits for this match, or this match sees it.
    const approved = await this.vacancies.lockApprovedAmong(tx, vacancyId, institutionIds);
    if (approved.length === 0) return [];
    return this.matches.insertNew(tx, vacancyId, approved);
  }

  /** Webhook deliveries for new matches whose subscription has a working webhook. */
  async webhookDeliveries(tx: EntityManager, vacancyId: string, subscriptionIds: string[]): Promise<string[]> {
    if (subscriptionIds.length === 0) return [];
    return this.deliveries.createFor(tx, vacancyId, subscriptionIds);
  }
}
