import type { HandledQueue, JobName, JobPayload } from '@careers/contracts';
import type { Queue } from 'bullmq';
import type { JobQueue } from './job-handlers.js';

/** The schedules declared on each queue, declared again whenever its connection to Redis is ready again. */
const declared = new WeakMap<Queue, Map<string, () => Promise<void>>>();

/**
 * Declares a BullMQ job scheduler that runs job `id` every `ms`: every worker
 * replica may declare it, it runs once per interval. When the interval changed
 * (another setting, a test), the old scheduler is removed first: BullMQ keeps
 * the old schedule's offset otherwise, which delays the next run by up to the
 * old interval (a 60 s schedule turned into 1 s first ran up to 59 s later).
 *
 * A scheduler lives in Redis, which holds only what can be lost: a Redis
 * restarted empty (or a failover to an empty replica) forgot it, and no
 * scheduled job ran again until the worker restarted. So the declaration is
 * repeated each time the queue's connection is ready again after a reconnect;
 * upserting is idempotent when the scheduler survived.
 *
 * The scheduler's id is the job's name: one schedule per job of the `JobMap`.
 */
export async function scheduleEvery<Q extends HandledQueue, N extends JobName<Q>>(
  typed: JobQueue<Q>,
  id: N,
  ms: number,
  data: JobPayload<Q, N> = {} as JobPayload<Q, N>,
): Promise<void> {
  const queue = typed as unknown as Queue;
  const declare = async () => {
    const existing = await queue.getJobScheduler(id);
    if (existing && Number(existing.every) !== ms) await queue.removeJobScheduler(id);
    await queue.upsertJobScheduler(id, { every: ms }, { name: id, data });
  };
  await declare();
  let schedules = declared.get(queue);
  if (!schedules) {
    schedules = new Map();
    declared.set(queue, schedules);
    const again = schedules;
    queue.getBackend().on('ready', () => {
      // Should Redis go away again before this succeeds, the next 'ready' declares again.
      for (const redeclare of again.values()) redeclare().catch(() => undefined);
    });
  }
  schedules.set(id, declare);
}
