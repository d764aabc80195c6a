// The test run's database and Redis prefix, kept by a process of its own.
// Jest's global setup runs in Jest's own realm, where loading our decorated
// classes would register GraphQL metadata that tests then trip over; so the
// setup lives here, prints the environment as one JSON line, and tears down
// when its stdin closes.
import { createTestEnvironment } from '@careers/testing';
import { schemaParts } from '../apps/api/dist/database.js';

const environment = await createTestEnvironment(schemaParts, new URL('../.data', import.meta.url).pathname);
process.stdout.write(`${JSON.stringify(environment.env)}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await environment.teardown().catch((error) => console.error('Test teardown failed:', error));
  process.exit(0);
});
