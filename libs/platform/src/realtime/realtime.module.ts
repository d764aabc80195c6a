import { Global, Module } from '@nestjs/common';
import { RealtimePublisher } from './realtime-publisher.js';

/** Pushing to users' sockets, from the api or the worker. */
@Global()
@Module({ providers: [RealtimePublisher], exports: [RealtimePublisher] })
export class RealtimeModule {}
