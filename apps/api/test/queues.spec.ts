import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import { QueueName, Role } from '@careers/contracts';
import { errorCode, eventually, Factory, ok, startApi, startWorkerProcess, type TestApi, type TestUser } from '@careers/testing';
import type { Queue } from 'bullmq';
import { createApiApp } from '../src/app.js';

let api: TestApi;
let admin: TestUser;
let staff: TestUser;
let student: TestUser;

beforeAll(async () => {
  // A queue prefix of its own, so counts are this test's alone.
  const prefix = `${process.env['REDIS_PREFIX']}-queues`;
  api = await startApi(createApiApp, { REDIS_PREFIX: prefix });
  process.env['QUEUES_TEST_PREFIX'] = prefix;
  const factory = new Factory(api);
  const institution = await factory.institution();
  [admin, staff, student] = await Promise.all([
    factory.user(Role.ADMIN),
    factory.user(Role.STAFF, { institution }),
    factory.user(Role.STUDENT, { institution }),
  ]);
});
afterAll(() => api.close());

it('shows queue state and failed jobs, a page at a time, to admins only, and lets them retry one', async () => {
  const queue = api.app.get<Queue>(getQueueToken(QueueName.EVENTS));
  const FAILED = `query($after: String) { failedJobs(queue: "events", first: 2, after: $after) { edges { node { id name failedReason attemptsMade } } pageInfo { hasNextPage endCursor } } }`;
  const worker = startWorkerProcess({ REDIS_PREFIX: process.env['QUEUES_TEST_PREFIX']!, OUTBOX_RELAY: 'false' });
  try {
    await Promise.all([1, 2, 3].map((n) => queue.add('no-such-listener', {}, { jobId: `bad-job-${n}`, attempts: 1 })));
    await eventually('the jobs to fail', async () => (await queue.getFailedCount()) === 3);
  } finally {
    await worker.stop();
  }
  const first = ok(await api.gql(FAILED, {}, admin.token)).failedJobs;
  expect(first.pageInfo.hasNextPage).toBe(true);
  const second = ok(await api.gql(FAILED, { after: first.pageInfo.endCursor }, admin.token)).failedJobs;
  expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
  const nodes = [...first.edges, ...second.edges].map((e: { node: { id: string } }) => e.node);
  expect(nodes.map((n) => n.id).sort()).toEqual(['bad-job-1', 'bad-job-2', 'bad-job-3']);
  expect(nodes[0]).toEqual({ id: expect.any(String), name: 'no-such-listener', failedReason: 'No event listener named no-such-listener in this process', attemptsMade: 1 });

  // They span every institution and a failed job's error may quote personal data: not for careers staff.
  const QUEUES = `{ queues { name waiting failed } }`;
  expect(errorCode(await api.gql(FAILED, {}, staff.token))).toBe('FORBIDDEN');
  expect(errorCode(await api.gql(QUEUES, {}, staff.token))).toBe('FORBIDDEN');
  expect(errorCode(await api.gql(QUEUES, {}, student.token))).toBe('FORBIDDEN');
  expect(ok(await api.gql(QUEUES, {}, admin.token)).queues).toContainEqual({ name: 'events', waiting: 0, failed: 3 });

  const RETRY = `mutation($id: ID!) { retryJob(queue: "events", id: $id) }`;
  expect(errorCode(await api.gql(RETRY, { id: 'bad-job-1' }, staff.token))).toBe('FORBIDDEN');
  expect(errorCode(await api.gql(RETRY, { id: 'nope' }, admin.token))).toBe('NOT_FOUND');
  expect(ok(await api.gql(RETRY, { id: 'bad-job-1' }, admin.token)).retryJob).toBe(true);
  expect(ok(await api.gql(QUEUES, {}, admin.token)).queues).toContainEqual({ name: 'events', waiting: 1, failed: 2 });
  expect(errorCode(await api.gql(`{ failedJobs(queue: "nope") { edges { node { id } } } }`, {}, admin.token))).toBe('BAD_USER_INPUT');
  expect(errorCode(await api.gql(`{ failedJobs(queue: "events", first: 101) { edges { node { id } } } }`, {}, admin.token))).toBe('BAD_USER_INPUT');
});
