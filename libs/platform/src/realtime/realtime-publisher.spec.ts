import { spawnSync } from 'node:child_process';
import { expect, it } from '@jest/globals';

// A push after the publisher's Redis client has closed (a job still running at shutdown) is dropped; before,
// the emitter's unhandled PUBLISH rejection ended the worker process with exit code 1. A process of its own,
// because an unhandled rejection is what ends a process, and Jest's would hide it.
it('drops a push it cannot publish instead of ending the process', () => {
  const script = `
    import { RealtimePublisher } from './libs/platform/dist/realtime/realtime-publisher.js';
    const publisher = new RealtimePublisher({ REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: 'publisher-test' });
    await publisher.onApplicationShutdown();
    publisher.toUser('00000000-0000-0000-0000-000000000000', 'notification', {});
    // Nothing to wait for: the test is that nothing happens (no unhandled rejection ends the process) in this window.
    await new Promise((resolve) => setTimeout(resolve, 300));
    console.log('still running');`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('../../../../', import.meta.url).pathname, encoding: 'utf8', timeout: 20_000 });
  expect(run.stderr).not.toContain('Connection is closed');
  expect(run.stdout).toContain('still running');
  expect(run.status).toBe(0);
});
