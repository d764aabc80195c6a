import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type DomainEvent, QueueName } from '@careers/contracts';
import type { Job } from 'bullmq';
import { EventListeners } from './event-listeners.js';

/** Runs one listener per job of the `events` queue (job name = listener name). */
@Processor(QueueName.EVENTS, { concurrency: 8 })
export class EventsProcessor extends WorkerHost {
  constructor(private readonly listeners: EventListeners) {
    super();
  }

  async process(job: Job<DomainEvent>): Promise<{ delivered: boolean }> {
    return { delivered: await this.listeners.run(job.name, job.data) };
  }
}
