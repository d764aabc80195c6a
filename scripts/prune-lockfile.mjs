// After `npm install` on our build machines: their registry serves only some
// platform builds of native packages (swc, nx, unrs-resolver, msgpackr-extract),
// so the lockfile lists optional dependencies it has no entry for, and `npm ci`
// refuses such a lockfile. This drops those dangling optional names, making the
// lockfile whole for Linux x64. (On macOS or Windows, run `npm install`.)
import { readFileSync, writeFileSync } from 'node:fs';
const file = process.argv[2] ?? new URL('../package-lock.json', import.meta.url).pathname;
const lock = JSON.parse(readFileSync(file, 'utf8'));
const present = new Set(Object.keys(lock.packages).map((k) => k.replace(/^.*node_modules\//, '')));
let dropped = 0;
for (const entry of Object.values(lock.packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!present.has(name)) { delete entry.optionalDependencies[name]; dropped++; }
  }
}
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`Dropped ${dropped} optional dependencies the lockfile has no entry for.`);
