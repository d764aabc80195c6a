import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The first page's JavaScript budget, gzipped (docs/web.md, "Bundle budget"). */
export const FIRST_PAGE_BUDGET = 250 * 1024;

interface Chunk {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  facadeModuleId?: string | null;
  moduleIds?: string[];
}

/**
 * Prints, at build, the gzipped JavaScript a browser downloads for the first page (the entry and what it
 * imports statically, plus the largest page chunk it loads lazily:
 * whatever page someone opens first, it costs no more), and fails the build over the budget.
 */
const isPage = (fileName: string) => /Page-[\w-]+\.js$/.test(fileName);

export function bundleSize(): Plugin {
  return {
    name: 'careers-bundle-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, Chunk>();
      for (const [name, item] of Object.entries(bundle)) if (item.type === 'chunk') chunks.set(name, item as unknown as Chunk);
      const gz = (name: string) => gzipSync(chunks.get(name)?.code ?? '').length;
      const entry = [...chunks.values()].find((c) => c.isEntry);
      if (!entry) return;
      const eager = new Set<string>();
      const walk = (name: string) => {
        if (eager.has(name)) return;
        eager.add(name);
        for (const next of chunks.get(name)?.imports ?? []) walk(next);
      };
      walk(entry.fileName);
      // Lazy chunks that are no page (the socket client, loaded by the shell once signed in) count as the shell's.
      for (const name of entry.dynamicImports) if (!isPage(name)) walk(name);
      const eagerBytes = [...eager].reduce((sum, name) => sum + gz(name), 0);
      const pages = entry.dynamicImports.filter((name) => isPage(name) && !eager.has(name));
      const pageBytes = (name: string) => {
        const own = new Set<string>();
        const visit = (n: string) => {
          if (own.has(n) || eager.has(n)) return;
          own.add(n);
          for (const next of chunks.get(n)?.imports ?? []) visit(next);
        };
        visit(name);
        return [...own].reduce((sum, n) => sum + gz(n), 0);
      };
      const sizes = pages.map((name) => ({ name, bytes: pageBytes(name) })).sort((a, b) => b.bytes - a.bytes);
      const largest = sizes[0] ?? { name: '-', bytes: 0 };
      const total = eagerBytes + largest.bytes;
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      const home = sizes.find((s) => s.name.includes('HomePage'));
      this.info(
        `first page JS, gzipped: ${kb(total)} at most (shell ${kb(eagerBytes)} + largest page ${largest.name} ${kb(largest.bytes)})` +
          (home ? `; home ${kb(eagerBytes + home.bytes)}` : '') +
          `; budget ${kb(FIRST_PAGE_BUDGET)}`,
      );
      if (total > FIRST_PAGE_BUDGET) this.error(`The first page's JavaScript is ${kb(total)} gzipped, over the ${kb(FIRST_PAGE_BUDGET)} budget (docs/web.md).`);
    },
  };
}
