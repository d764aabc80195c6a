// `npm run codegen:check`: regenerates the web client's typed operations (apps/web/src/gql/) into a
// temporary directory from the committed schema and the operations in the code, and fails when the
// committed files differ (run `npm run codegen` and commit apps/web/src/gql/).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const web = resolve(import.meta.dirname, '../apps/web');
const committed = join(web, 'src/gql');
const out = mkdtempSync(join(tmpdir(), 'careers-codegen-'));
const bin = resolve(import.meta.dirname, '../node_modules/.bin/graphql-codegen');
try {
  const run = spawnSync(bin, ['--config', 'codegen.ts', '--silent'], { cwd: web, stdio: 'inherit', env: { ...process.env, CODEGEN_OUT: `${out}/` } });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const list = (dir) => readdirSync(dir).sort();
  const names = new Set([...list(out), ...list(committed)]);
  const differ = [...names].filter((name) => {
    const read = (dir) => {
      try {
        return readFileSync(join(dir, name), 'utf8');
      } catch {
        return null;
      }
    };
    return read(out) !== read(committed);
  });
  if (differ.length) {
    console.error(`apps/web/src/gql/ is out of date (${differ.join(', ')}): run \`npm run codegen\` and commit it.`);
    process.exit(1);
  }
  console.log('apps/web/src/gql/ matches the schema and the operations.');
} finally {
  rmSync(out, { recursive: true, force: true });
}
