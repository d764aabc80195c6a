import { getQueueToken } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { QueueName, Role } from '@careers/contracts';
import type { Queue } from 'bullmq';
import { Roles } from '../auth/decorators.js';
import { badInput, notFound } from '../errors/app-error.js';

@ObjectType()
export class QueueState {
  @Field()
  name: string;

  @Field(() => Int)
  waiting: number;

  @Field(() => Int)
  active: number;

  @Field(() => Int)
  delayed: number;

  @Field(() => Int)
  completed: number;

  @Field(() => Int)
  failed: number;
}

@ObjectType()
export class FailedJob {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The error of its last attempt.' })
  failedReason: string;

  @Field(() => Int)
  attemptsMade: number;

  @Field()
  failedAt: Date;
}

const NAMES: string[] = Object.values(QueueName);

/**
 * What the queues hold, for the people who run the installation: admins only,
 * since queues span every institution and a failed job's error can quote the
 * personal data it was carrying.
 */
@Resolver()
export class QueuesResolver {
  constructor(private readonly modules: ModuleRef) {}

  private queue(name: string): Queue {
    if (!NAMES.includes(name)) throw badInput(`There is no queue named ${name}; there are: ${NAMES.join(', ')}.`);
    return this.modules.get<Queue>(getQueueToken(name), { strict: false });
  }

  @Roles(Role.ADMIN)
  @Query(() => [QueueState], { description: 'Job counts of every queue.' })
  async queues(): Promise<QueueState[]> {
    return Promise.all(
      NAMES.map(async (name) => {
        const c = await this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
        return { name, waiting: c['waiting'] ?? 0, active: c['active'] ?? 0, delayed: c['delayed'] ?? 0, completed: c['completed'] ?? 0, failed: c['failed'] ?? 0 };
      }),
    );
  }

  @Roles(Role.ADMIN)
  @Query(() => [FailedJob], { description: 'The newest failed jobs of a queue (kept a week), with their errors.' })
  async failedJobs(@Args('queue') queue: string, @Args('first', { type: () => Int, defaultValue: 20 }) first: number): Promise<FailedJob[]> {
    if (first < 1 || first > 100) throw badInput('first must be 1 to 100.');
    const jobs = await this.queue(queue).getFailed(0, first - 1);
    return jobs.map((j) => ({
      id: j.id ?? '',
      name: j.name,
      failedReason: j.failedReason ?? '',
      attemptsMade: j.attemptsMade,
      failedAt: new Date(j.finishedOn ?? j.timestamp),
    }));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Runs a failed job again.' })
  async retryJob(@Args('queue') queue: string, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    if (id.length > 200) throw badInput('That is not a job id.');
    const job = await this.queue(queue).getJob(id);
    if (!job || !(await job.isFailed())) throw notFound('A failed job with that id');
    await job.retry('failed');
    return true;
  }
}
