export * from './realtime-publisher.js';
export * from './realtime.gateway.js';
export * from './redis-io.adapter.js';
export * from './realtime.module.js';
