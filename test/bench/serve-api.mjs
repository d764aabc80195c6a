// The api, built as `main` builds it (createApiApp), in a process of its own so
// that the load generator does not share its event loop. Configuration comes
// from the environment run.mjs passes. Prints one JSON line {"port": N} once
// listening; stops when its stdin closes (the bench ended or died) or on SIGTERM.
import 'reflect-metadata';
import { createApiApp } from '../../apps/api/dist/app.js';

const app = await createApiApp();
await app.listen(0, '127.0.0.1');
const { port } = app.getHttpServer().address();
process.stdout.write(`${JSON.stringify({ port })}\n`);

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 3000).unref();
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

// The benchmark asks for memory figures that count only what is kept: collect first (node --expose-gc).
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  setTimeout(() => process.stdout.write(`${JSON.stringify({ memory: process.memoryUsage() })}\n`), 200);
});
