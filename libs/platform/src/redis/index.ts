export * from './redis.module.js';
export * from './redis.token.js';
export * from './rate-limiter.js';
export * from './close-redis.js';
