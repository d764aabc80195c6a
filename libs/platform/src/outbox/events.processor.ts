import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { type JobMap, QueueName } from '@careers/contracts';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '../logging/logging.module.js';
import type { Job } from 'bullmq';

type EventJob = Job<JobMap[typeof QueueName.EVENTS][string]>;
import { EventListeners } from './event-listeners.js';

/**
 * Runs one listener per job of the `events` queue (job name = listener name):
 * the queue's one processor, outside `@JobHandler`s, since its names are the
 * listeners of this process (EventListeners refuses two of one name).
 * Listener jobs take milliseconds, so their locks are short: a job whose worker
 * died is found stalled and run again within about 15 s (BullMQ's defaults
 * would take a minute).
 */
@Processor(QueueName.EVENTS, { concurrency: 8, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 3 })
export class EventsProcessor extends WorkerHost {
  constructor(
    private readonly listeners: EventListeners,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  @OnWorkerEvent('failed')
  onFailed(job: EventJob | undefined, error: Error): void {
    this.logger.warn({ err: error, job: job?.id, listener: job?.name, attempt: job?.attemptsMade }, 'Event listener failed');
  }

  async process(job: EventJob): Promise<{ delivered: boolean }> {
    return { delivered: await this.listeners.run(job.name, job.data) };
  }
}
