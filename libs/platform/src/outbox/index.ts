export * from './event-listeners.js';
export * from './outbox.js';
export * from './outbox.module.js';
export * from './outbox-relay.js';
export { Outbox1763769700000 } from './outbox.migration.js';
