import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { type HandledQueue, JOB_NAMES, type JobName, type JobPayload } from '@careers/contracts';
import type { Job, Queue } from 'bullmq';

/** A queue as producers hold it: `add` takes only the names and payloads of its jobs in the `JobMap`. */
export type JobQueue<Q extends HandledQueue> = Queue<JobPayload<Q, JobName<Q>>, unknown, JobName<Q>>;

/** The job a handler of (queue, name) is given: its payload typed by the `JobMap`. */
export type JobOf<Q extends HandledQueue, N extends JobName<Q>> = Job<JobPayload<Q, N>, unknown, N>;

const JOB_HANDLER = Symbol('job-handler');

interface JobHandlerKey {
  queue: HandledQueue;
  name: string;
}

/**
 * Marks a provider's method as the handler of one job of the `JobMap`. The
 * worker runs each queue through one processor that calls the handler by job
 * name; at boot, every (queue, name) of the map must have exactly one.
 */
export function JobHandler<Q extends HandledQueue, N extends JobName<Q>>(queue: Q, name: N) {
  return <M extends (job: JobOf<Q, N>) => Promise<unknown>>(_target: object, _key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    Reflect.defineMetadata(JOB_HANDLER, { queue, name } satisfies JobHandlerKey, descriptor.value as object);
  };
}

type Handler = (job: Job) => Promise<unknown>;

/**
 * The job handlers of this process, found among its providers at module init
 * and checked against `JOB_NAMES`: a job with no handler, or with two, stops
 * the boot with a message naming them (a missing one would otherwise fail its
 * jobs only when they come; two would run one of them silently).
 */
@Injectable()
export class JobHandlers implements OnModuleInit {
  private readonly byKey = new Map<string, Handler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const found = new Map<string, { handler: Handler; owners: string[] }>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = proto[method];
        const key = typeof fn === 'function' ? (Reflect.getMetadata(JOB_HANDLER, fn) as JobHandlerKey | undefined) : undefined;
        if (!key) continue;
        const id = `${key.queue}/${key.name}`;
        const owner = `${instance.constructor.name}.${method}`;
        const entry = found.get(id);
        if (entry) entry.owners.push(owner);
        else found.set(id, { handler: (fn as Handler).bind(instance), owners: [owner] });
      }
    }
    const expected = Object.entries(JOB_NAMES).flatMap(([queue, names]) => Object.keys(names).map((name) => `${queue}/${name}`));
    const problems = [
      ...expected.filter((id) => !found.has(id)).map((id) => `${id} has no @JobHandler`),
      ...[...found].filter(([, e]) => e.owners.length > 1).map(([id, e]) => `${id} has ${e.owners.length} handlers (${e.owners.join(', ')})`),
      ...[...found.keys()].filter((id) => !expected.includes(id)).map((id) => `${id} is handled but not in JOB_NAMES`),
    ];
    if (problems.length > 0) throw new Error(`Job handlers do not match the job map: ${problems.join('; ')}`);
    for (const [id, { handler }] of found) this.byKey.set(id, handler);
  }

  async run(queue: HandledQueue, job: Job): Promise<unknown> {
    const handler = this.byKey.get(`${queue}/${job.name}`);
    if (!handler) throw new Error(`No handler for ${queue} job "${job.name}"`);
    return handler(job);
  }
}
