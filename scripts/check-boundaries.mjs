// The dependency rule of ARCHITECTURE.md, checked on every import and every
// package.json: apps → domains, platform, contracts; domain → platform,
// contracts (never another domain); platform → contracts; contracts → nothing.
// testing (test-only) → platform, contracts, domains; only test code imports it.
// Exits non-zero, naming each file and import that breaks it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const allowed = {
  'type:app': ['type:domain', 'type:platform', 'type:contracts'],
  'type:domain': ['type:platform', 'type:contracts'],
  'type:platform': ['type:contracts'],
  'type:contracts': [],
  'type:testing': ['type:domain', 'type:platform', 'type:contracts'],
};

const projects = ['apps', 'libs'].flatMap((group) =>
  readdirSync(join(root, group))
    .map((name) => join(root, group, name))
    .filter((dir) => statSync(join(dir, 'package.json'), { throwIfNoEntry: false }))
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const tag = pkg.nx?.tags?.find((t) => t.startsWith('type:'));
      return { dir, name: pkg.name, tag, deps: Object.keys(pkg.dependencies ?? {}) };
    }),
);
const byName = new Map(projects.map((p) => [p.name, p]));
const problems = [];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : files(path);
    return /\.(ts|mjs|js)$/.test(e.name) ? [path] : [];
  });
}

for (const project of projects) {
  const label = relative(root, project.dir);
  if (!allowed[project.tag]) {
    problems.push(`${label}/package.json: needs an nx tag among ${Object.keys(allowed).join(', ')}`);
    continue;
  }
  const check = (target, where, isTest) => {
    const other = byName.get(target);
    if (!other || other === project) return;
    if (other.tag === 'type:testing' && isTest) return;
    if (!allowed[project.tag].includes(other.tag)) {
      problems.push(`${where}: ${project.name} (${project.tag}) may not depend on ${other.name} (${other.tag})`);
    }
  };
  for (const dep of project.deps) check(dep, `${label}/package.json`, false);
  for (const file of files(project.dir)) {
    const isTest = /\.spec\.ts$/.test(file) || relative(project.dir, file).startsWith('test/');
    const source = readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      const where = relative(root, file);
      if (spec.startsWith('@careers/')) {
        const name = spec.split('/').slice(0, 2).join('/');
        check(name, `${where} imports ${spec}`, isTest);
        if (!isTest && !project.deps.includes(name) && byName.has(name)) {
          problems.push(`${where} imports ${name}, which ${label}/package.json does not list`);
        }
      } else if (spec.startsWith('.') && !resolve(dirname(file), spec).startsWith(project.dir + '/')) {
        problems.push(`${where} imports ${spec}, outside its project: go through the other project's public door`);
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`The dependency rule is broken:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Dependency rule holds across ${projects.length} projects.`);
