import { BullModule, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { type HandledQueue, JOB_NAMES, QueueName } from '@careers/contracts';
import type { Job, WorkerOptions } from 'bullmq';
import { JobHandlers } from './job-handlers.js';

/** What a queue's worker runs with, beyond the defaults: webhook deliveries wait on the network, so eight at a time. */
const WORKER_OPTIONS: { [Q in HandledQueue]?: Partial<WorkerOptions> } = {
  [QueueName.VACANCIES]: { concurrency: 8 },
};

/**
 * The one BullMQ processor of a queue: it hands each job to the `@JobHandler`
 * of its name. Its worker is created paused and starts at application
 * bootstrap, once JobHandlers has found and checked every handler (at module
 * init), so no job is taken before its handler is known.
 */
function queueProcessor(queue: HandledQueue): Type<WorkerHost> {
  @Processor(queue, { ...WORKER_OPTIONS[queue], autorun: false })
  @Injectable()
  class QueueProcessor extends WorkerHost implements OnApplicationBootstrap {
    constructor(private readonly handlers: JobHandlers) {
      super();
    }

    process(job: Job): Promise<unknown> {
      return this.handlers.run(queue, job);
    }

    onApplicationBootstrap(): void {
      // run() settles when the worker closes; a failure to start is BullMQ's 'error' event, logged as any other.
      this.worker.run().catch(() => undefined);
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue}QueueProcessor` });
  return QueueProcessor;
}

const HANDLED = Object.keys(JOB_NAMES) as HandledQueue[];

/** For the worker: a processor per queue of the job map, running the handlers that domains' worker modules provide. */
@Module({
  imports: [DiscoveryModule, ...HANDLED.map((name) => BullModule.registerQueue({ name }))],
  providers: [JobHandlers, ...HANDLED.map(queueProcessor)],
})
export class JobsWorkerModule {}
