import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** One database and Redis prefix for the whole run; test workers inherit them through the environment. */
export default async function globalSetup() {
  const child = spawn(process.execPath, [new URL('./environment-process.mjs', import.meta.url).pathname], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`The test environment could not be set up (exit code ${code}). Did \`npm run build\` run?`)));
  });
  Object.assign(process.env, JSON.parse(line));
  globalThis.careersTestEnvironment = child;
}
