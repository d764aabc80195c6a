import { getQueueToken } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Args, ArgsType, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { QueueName, Role } from '@careers/contracts';
import type { Queue } from 'bullmq';
import { MaxLength } from 'class-validator';
import type { Redis } from 'ioredis';
import { Roles } from '../auth/decorators.js';
import { badInput, notFound } from '../errors/app-error.js';
import { Connection, ConnectionArgs, decodeCursor, encodeCursor, pageSize, toConnection } from '../graphql/connection.js';
import { REDIS } from '../redis/redis.token.js';
import { BULL_PREFIX } from './bull-prefix.js';

@ObjectType({ description: 'How many jobs one background queue holds, by state, right now.' })
export class QueueState {
  @Field({ description: 'The queue; pass it to `failedJobs(queue:)` and `retryJob(queue:)`.' })
  name: string;

  @Field(() => Int, { description: 'Jobs waiting for a worker.' })
  waiting: number;

  @Field(() => Int, { description: 'Jobs a worker is running now.' })
  active: number;

  @Field(() => Int, { description: 'Jobs waiting for their time to come, such as a retry after a back-off.' })
  delayed: number;

  @Field(() => Int, { description: 'Finished jobs still kept (the last hour, at most 1,000).' })
  completed: number;

  @Field(() => Int, { description: 'Jobs that failed every attempt and are kept (a week) for a retry.' })
  failed: number;
}

@ObjectType({ description: 'A job that failed every attempt, as BullMQ keeps it.' })
export class FailedJob {
  @Field(() => ID, { description: 'Job id within its queue; pass it to `retryJob(id:)`.' })
  id: string;

  @Field({ description: 'What kind of job it is, as its queue names it.' })
  name: string;

  @Field({ description: 'The error of its last attempt.' })
  failedReason: string;

  @Field(() => Int, { description: 'How many times it was run before it was given up on.' })
  attemptsMade: number;

  @Field({ description: 'When its last attempt failed.' })
  failedAt: Date;
}

@ObjectType()
export class FailedJobConnection extends Connection(FailedJob) {}

@ArgsType()
export class FailedJobsArgs extends ConnectionArgs {
  @Field({ description: 'A queue named by `queues`.' })
  @MaxLength(100)
  queue: string;
}

const NAMES: string[] = Object.values(QueueName);

/**
 * What the queues hold, for the people who run the installation: admins only,
 * since queues span every institution and a failed job's error can quote the
 * personal data it was carrying.
 */
@Resolver()
export class QueuesResolver {
  constructor(
    private readonly modules: ModuleRef,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  private queue(name: string): Queue {
    if (!NAMES.includes(name)) throw badInput(`There is no queue named ${name}; there are: ${NAMES.join(', ')}.`);
    return this.modules.get<Queue>(getQueueToken(name), { strict: false });
  }

  @Roles(Role.ADMIN)
  @Query(() => [QueueState], { description: 'Job counts of every queue: a list as long as the queues the code defines, so not a connection.' })
  async queues(): Promise<QueueState[]> {
    return Promise.all(
      NAMES.map(async (name) => {
        const c = await this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
        return { name, waiting: c['waiting'] ?? 0, active: c['active'] ?? 0, delayed: c['delayed'] ?? 0, completed: c['completed'] ?? 0, failed: c['failed'] ?? 0 };
      }),
    );
  }

  @Roles(Role.ADMIN)
  @Query(() => FailedJobConnection, { description: 'The failed jobs of a queue (kept a week), newest first, with their errors.' })
  async failedJobs(@Args() args: FailedJobsArgs) {
    const queue = this.queue(args.queue);
    const first = pageSize(args);
    const failed = await this.failedAfter(args.queue, first + 1, args.after);
    const jobs = await Promise.all(failed.map(async ({ id, failedAt }) => ({ job: await queue.getJob(id), failedAt })));
    // A job retried or removed since its id was read is left out of the page.
    const rows = jobs.flatMap(({ job, failedAt }) =>
      job ? [{ id: job.id ?? '', name: job.name, failedReason: job.failedReason ?? '', attemptsMade: job.attemptsMade, failedAt }] : [],
    );
    return toConnection(rows, first, (r) => encodeCursor(r.failedAt.getTime(), r.id));
  }

  /**
   * `limit` ids of BullMQ's failed set after the cursor, newest first: the
   * set is scored by the time each job failed, ties in reverse order of id
   * (as BullMQ itself lists them). A keyset, so pages stay put while jobs
   * fail or are retried.
   */
  private async failedAfter(name: string, limit: number, after: string | undefined): Promise<{ id: string; failedAt: Date }[]> {
    // The REDIS client adds `${REDIS_PREFIX}:` itself, as BullMQ's prefix does (queue.module.ts).
    const key = `${BULL_PREFIX}:${name}:failed`;
    const pairs = (flat: string[]) => Array.from({ length: flat.length / 2 }, (_, i) => ({ id: flat[2 * i]!, failedAt: new Date(Number(flat[2 * i + 1])) }));
    if (!after) return pairs(await this.redis.zrevrange(key, 0, limit - 1, 'WITHSCORES'));
    const [score, id] = decodeCursor(after);
    if (typeof score !== 'number') throw badInput('The cursor is not valid: pass the endCursor of a previous page.', { field: 'after' });
    const ties = pairs(await this.redis.zrevrangebyscore(key, score, score, 'WITHSCORES')).filter((p) => p.id < id);
    if (ties.length >= limit) return ties.slice(0, limit);
    return [...ties, ...pairs(await this.redis.zrevrangebyscore(key, `(${score}`, '-inf', 'WITHSCORES', 'LIMIT', 0, limit - ties.length))];
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Runs a failed job again.' })
  async retryJob(
    @Args('queue', { description: 'The queue it failed in, as named by `queues`.' }) queue: string,
    @Args('id', { type: () => ID, description: 'The failed job, as listed by `failedJobs`.' }) id: string,
  ): Promise<boolean> {
    if (id.length > 200) throw badInput('That is not a job id.');
    const job = await this.queue(queue).getJob(id);
    if (!job || !(await job.isFailed())) throw notFound('A failed job with that id');
    await job.retry('failed');
    return true;
  }
}
