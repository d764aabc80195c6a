import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type DomainEvent, QueueName } from '@careers/contracts';
import type { Job } from 'bullmq';
import { EventListeners } from './event-listeners.js';

/**
 * Runs one listener per job of the `events` queue (job name = listener name).
 * Listener jobs take milliseconds, so their locks are short: a job whose worker
 * died is found stalled and run again within about 15 s (BullMQ's defaults
 * would take a minute).
 */
@Processor(QueueName.EVENTS, { concurrency: 8, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 3 })
export class EventsProcessor extends WorkerHost {
  constructor(private readonly listeners: EventListeners) {
    super();
  }

  async process(job: Job<DomainEvent>): Promise<{ delivered: boolean }> {
    return { delivered: await this.listeners.run(job.name, job.data) };
  }
}
