import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DomainEvent, type JobMap, QueueName } from '@careers/contracts';
import type { Queue } from 'bullmq';
import pg from 'pg';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ROOT_LOGGER } from '../logging/logging.module.js';
import { EventListeners } from './event-listeners.js';
import { OUTBOX_CHANNEL } from './outbox.js';

const LEADER_LOCK = 727_274_002;
const BATCH = 500;

interface Row {
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: never;
  created_at: Date;
}

/**
 * Moves outbox rows into the `events` queue: one job per (event, listener),
 * with `${eventId}.${listener}` as the job id, so a replay adds nothing twice.
 * Woken by NOTIFY at each commit, and polls as a fallback. One relay leads at a
 * time (a PostgreSQL advisory lock on its LISTEN connection), so events are
 * published in commit order; the others take over when its connection drops.
 *
 * Recovery: an event whose listeners have not all delivered is published again
 * when a relay becomes leader (a restart, perhaps after Redis lost its queues)
 * and whenever it has waited longer than OUTBOX_REPUBLISH_AFTER.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private client: pg.Client | undefined;
  private leader = false;
  private stopped = false;
  private pumping: Promise<void> | undefined;
  private again = false;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.EVENTS) private readonly queue: Queue<JobMap[typeof QueueName.EVENTS][string]>,
    private readonly listeners: EventListeners,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.OUTBOX_RELAY) return;
    await this.connect();
    this.timers.push(
      setInterval(() => void this.tick(), this.config.OUTBOX_POLL_INTERVAL * 1000),
      setInterval(() => void this.prune(), 3600_000),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    await this.pumping;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL, application_name: 'careers-outbox-relay' });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'Outbox relay lost its connection; reconnecting');
      this.leader = false;
      this.client = undefined;
    });
    client.on('notification', () => this.pump());
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.client = client;
    await this.tryLead();
  }

  private async tryLead(): Promise<void> {
    if (this.leader || !this.client) return;
    const { rows } = await this.client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LEADER_LOCK]);
    this.leader = rows[0]!.ok;
    if (this.leader) {
      this.logger.info('Outbox relay leads: republishing unfinished events');
      await this.republish(0);
      this.pump();
    }
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      if (!this.client) await this.connect();
      else await this.tryLead();
      if (this.leader) {
        await this.republish(this.config.OUTBOX_REPUBLISH_AFTER);
        this.pump();
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'Outbox relay tick failed; retrying at the next one');
    }
  }

  private pump(): void {
    if (!this.leader || this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = (async () => {
      try {
        do {
          this.again = false;
          while ((await this.publishBatch()) === BATCH && !this.stopped);
        } while (this.again && !this.stopped);
      } catch (error) {
        this.logger.warn({ err: error }, 'Outbox relay could not publish; retrying at the next tick');
      } finally {
        this.pumping = undefined;
      }
    })();
  }

  private async publishBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: Row[] = await tx.query(
        `SELECT id, type, aggregate_type, aggregate_id, payload, created_at FROM outbox_event
         WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR NO KEY UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const published = rows.map((r) => ({ id: r.id, listeners: this.listeners.namesFor(r.type) }));
      await this.enqueue(rows.map((r, i) => ({ row: r, listeners: published[i]!.listeners })));
      await tx.query(
        `UPDATE outbox_event e SET published_at = now(), listeners = v.listeners,
           completed_at = CASE WHEN cardinality(v.listeners) = 0 THEN now() END
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, listeners text[]) WHERE e.id = v.id`,
        [JSON.stringify(published)],
      );
      return rows.length;
    });
  }

  /** Publishes again the deliveries still missing of events published more than `olderThan` seconds ago. */
  private async republish(olderThan: number): Promise<void> {
    const rows: (Row & { missing: string[] })[] = await this.db.query(
      `SELECT e.id, e.type, e.aggregate_type, e.aggregate_id, e.payload, e.created_at,
         ARRAY(SELECT l FROM unnest(e.listeners) AS l
               WHERE NOT EXISTS (SELECT 1 FROM event_delivery d WHERE d.event_id = e.id AND d.listener = l)) AS missing
       FROM outbox_event e
       WHERE e.completed_at IS NULL AND e.published_at IS NOT NULL AND e.published_at <= now() - make_interval(secs => $1)
       ORDER BY e.seq LIMIT 10000`,
      [olderThan],
    );
    if (rows.length > 0) await this.enqueue(rows.map((r) => ({ row: r, listeners: r.missing })));
  }

  private async enqueue(items: { row: Row; listeners: string[] }[]): Promise<void> {
    const jobs = items.flatMap(({ row, listeners }) => {
      const event: DomainEvent = {
        id: row.id,
        type: row.type as DomainEvent['type'],
        aggregateType: row.aggregate_type,
        aggregateId: row.aggregate_id,
        payload: row.payload,
        occurredAt: new Date(row.created_at).toISOString(),
      };
      return listeners.map((name) => ({ name, data: event, opts: { jobId: `${row.id}.${name}` } }));
    });
    for (let i = 0; i < jobs.length; i += 1000) await this.queue.addBulk(jobs.slice(i, i + 1000));
  }

  /** Completed events are kept a week for inspection, then deleted (with their deliveries). */
  private async prune(): Promise<void> {
    if (!this.leader) return;
    await this.db
      .query(`DELETE FROM outbox_event WHERE completed_at < now() - interval '7 days'`)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Outbox pruning failed'));
  }
}
