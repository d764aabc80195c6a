// Runs Jest in ESM mode (NestJS 12 is ESM-only), passing arguments through.
import { spawnSync } from 'node:child_process';

const jest = new URL('../node_modules/jest/bin/jest.js', import.meta.url).pathname;
const options = [process.env.NODE_OPTIONS, '--experimental-vm-modules', '--no-warnings=ExperimentalWarning'].filter(Boolean).join(' ');
const { status } = spawnSync(process.execPath, [jest, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: options },
});
process.exit(status ?? 1);
