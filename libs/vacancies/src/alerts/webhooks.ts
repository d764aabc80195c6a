import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DomainEvent, QueueName } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, type EventListener, EventListeners, type JobQueue, Outbox } from '@careers/platform';
import { DataSource } from 'typeorm';
import { type DeliveryRow, WebhookDeliveryRepository } from './webhook-delivery.repository.js';
import { guardedLookup } from './webhook-guard.js';

const TIMEOUT_MS = 10_000;
/** Bytes of a receiver's error answer kept for its owner to read. */
const ERROR_SNIPPET = 200;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: receivers recompute it with their secret and compare. */
export function signWebhook(secret: string, body: string, at = Math.floor(Date.now() / 1000)): string {
  return `t=${at},v1=${createHmac('sha256', secret).update(`${at}.${body}`).digest('hex')}`;
}

/**
 * POSTs one match to a subscription's webhook, signed with its secret. No
 * redirects are followed, and the connection refuses internal addresses
 * whatever DNS answers. A failed attempt throws, so BullMQ retries it with
 * exponential backoff; when the last attempt fails the delivery is recorded
 * as failed, and after WEBHOOK_DISABLE_AFTER failed deliveries in a row the
 * webhook is turned off and its owner told.
 */
@Injectable()
export class WebhookSender {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Stateless (each call takes its manager), so built here, not injected: tests build WebhookSender by hand.
  private readonly deliveries = new WebhookDeliveryRepository();

  async deliver(deliveryId: string, finalAttempt: boolean): Promise<'delivered' | 'skipped'> {
    const d = await this.deliveries.load(this.db.manager, deliveryId);
    if (!d || d.delivered_at || d.failed_at) return 'skipped';
    if (!d.webhook_url || !d.webhook_secret || d.webhook_disabled_at) {
      await this.deliveries.fail(this.db.manager, d.id, 'the webhook was turned off');
      return 'skipped';
    }
    if (!d.visible) {
      // Matched while approved, but an edit sent it back to approval at the subscriber's institution, it was rejected
      // there, or the institution left its targets (or it closed): what would be sent now is not for this subscriber.
      await this.deliveries.fail(this.db.manager, d.id, 'the vacancy is no longer open to your institution');
      return 'skipped';
    }
    const body = JSON.stringify({
      id: d.id,
      type: 'vacancy.matched',
      subscription: { id: d.subscription_id, name: d.name },
      vacancy: {
        id: d.vacancy_id,
        title: d.title,
        employerName: d.employer_name,
        location: d.location,
        remote: d.remote,
        type: d.type,
        salary: d.salary_currency ? { min: d.salary_min, max: d.salary_max, currency: d.salary_currency } : null,
        closesAt: new Date(d.closes_at).toISOString(),
        url: `${this.config.PUBLIC_URL}/vacancies/${d.vacancy_id}`,
      },
      why: d.reasons,
      sentAt: new Date().toISOString(),
    });
    await this.deliveries.countAttempt(this.db.manager, d.id);
    try {
      await this.post(d.webhook_url, body, d.webhook_secret, d.id);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await this.deliveries.setLastError(this.db.manager, d.id, message.slice(0, 500));
      if (finalAttempt) await this.recordFailure(d, message);
      throw err;
    }
    await this.db.transaction((tx) => this.deliveries.delivered(tx, d));
    return 'delivered';
  }

  private async recordFailure(d: DeliveryRow, message: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.deliveries.fail(tx, d.id);
      const sub = await this.deliveries.countFailure(tx, d, this.config.WEBHOOK_DISABLE_AFTER);
      if (sub?.disabled && sub.webhook_failures === this.config.WEBHOOK_DISABLE_AFTER) {
        await this.outbox.append(tx, {
          type: 'vacancies.webhook-disabled',
          aggregateType: 'alert-subscription',
          aggregateId: d.subscription_id,
          payload: {
            userId: d.user_id,
            subscriptionId: d.subscription_id,
            subscriptionName: d.name,
            host: new URL(d.webhook_url!).host,
            lastError: message.slice(0, ERROR_SNIPPET),
          },
        });
      }
    });
  }

  private post(rawUrl: string, body: string, secret: string, deliveryId: string): Promise<void> {
    const url = new URL(rawUrl);
    const client = url.protocol === 'https:' ? https : http;
    if (client === http && !this.config.WEBHOOK_ALLOW_LOOPBACK) return Promise.reject(new Error('webhooks must use https'));
    return new Promise((resolve, reject) => {
      const req = client.request(
        url,
        {
          method: 'POST',
          lookup: guardedLookup(this.config.WEBHOOK_ALLOW_LOOPBACK),
          timeout: TIMEOUT_MS,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'careers-network-webhooks/1',
            'x-careers-delivery': deliveryId,
            'x-careers-signature': signWebhook(secret, body),
          },
        },
        (res) => {
          let answer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            if (answer.length < ERROR_SNIPPET) answer += chunk;
          });
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve();
            else reject(new Error(`the receiver answered ${status}${answer ? `: ${answer.slice(0, ERROR_SNIPPET)}` : ''}`));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
      req.on('error', reject);
      req.end(body);
    });
  }
}

/** Turns requested webhook deliveries into jobs (the job id is the delivery's, so a replay adds none). */
@Injectable()
export class QueueWebhooksListener implements EventListener<'vacancies.webhooks-requested'> {
  readonly name = 'vacancies.queue-webhooks';
  readonly event = 'vacancies.webhooks-requested' as const;

  constructor(
    listeners: EventListeners,
    @InjectQueue(QueueName.VACANCIES) private readonly queue: JobQueue<typeof QueueName.VACANCIES>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    listeners.register(this);
  }

  async handle(event: DomainEvent<'vacancies.webhooks-requested'>): Promise<void> {
    await this.queue.addBulk(
      event.payload.deliveryIds.map((deliveryId) => ({
        name: 'deliver-webhook',
        data: { deliveryId },
        opts: {
          jobId: `webhook.${deliveryId}`,
          attempts: this.config.WEBHOOK_ATTEMPTS,
          backoff: { type: 'exponential', delay: this.config.WEBHOOK_BACKOFF_MS },
        },
      })),
    );
  }
}
