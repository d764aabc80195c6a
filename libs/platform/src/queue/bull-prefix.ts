/** BullMQ's keys are under `${REDIS_PREFIX}:${BULL_PREFIX}`. */
export const BULL_PREFIX = 'bull';
