import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { QueueName } from '@careers/contracts';
import { EventListeners } from './event-listeners.js';
import { EventsProcessor } from './events.processor.js';
import { Outbox } from './outbox.js';
import { OutboxRelay } from './outbox-relay.js';

/** Appending events, for every process that changes data. */
@Global()
@Module({ providers: [Outbox], exports: [Outbox] })
export class OutboxModule {}

/** The relay and the listeners' processor, for the worker. Domains register listeners with EventListeners. */
@Global()
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.EVENTS })],
  providers: [EventListeners, OutboxRelay, EventsProcessor],
  exports: [EventListeners, OutboxRelay],
})
export class OutboxWorkerModule {}
