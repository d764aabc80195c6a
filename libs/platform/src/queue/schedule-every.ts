import type { Queue } from 'bullmq';

/**
 * Declares a BullMQ job scheduler that runs job `id` every `ms`: every worker
 * replica may declare it, it runs once per interval. When the interval changed
 * (another setting, a test), the old scheduler is removed first: BullMQ keeps
 * the old schedule's offset otherwise, which delays the next run by up to the
 * old interval (a 60 s schedule turned into 1 s first ran up to 59 s later).
 */
export async function scheduleEvery(queue: Queue, id: string, ms: number, data: Record<string, unknown> = {}): Promise<void> {
  const existing = await queue.getJobScheduler(id);
  if (existing && Number(existing.every) !== ms) await queue.removeJobScheduler(id);
  await queue.upsertJobScheduler(id, { every: ms }, { name: id, data });
}
