// `npm run dev`: the platform (scripts/start.mjs: database, Redis, api, worker) and the web client's Vite
// dev server with hot reload, which proxies the api's paths (apps/web/vite.config.ts). Open the Vite address;
// links in emails point there too (PUBLIC_URL). Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const webPort = process.env.WEB_PORT ?? '5173';
const apiPort = process.env.PORT ?? '3000';
const env = { ...process.env, PORT: apiPort, WEB_PORT: webPort, PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${webPort}` };

// The api and worker run from their builds; the client is served by Vite from source.
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--exclude', '@careers/web'], { cwd: root, stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [
  spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, stdio: 'inherit', env }),
  spawn(resolve(root, 'node_modules/.bin/vite'), [], { cwd: resolve(root, 'apps/web'), stdio: 'inherit', env: { ...env, API_URL: `http://127.0.0.1:${apiPort}` } }),
];
console.log(`\nOpen ${env.PUBLIC_URL} in a browser (Vite, with hot reload; the api listens on ${apiPort}).\n`);

let stopping = false;
const stop = (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() => process.exit(code));
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
for (const child of children) child.once('exit', (code) => stop(code ?? 1));
