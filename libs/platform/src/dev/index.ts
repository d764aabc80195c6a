export * from './embedded-postgres.js';
export * from './local-redis.js';
