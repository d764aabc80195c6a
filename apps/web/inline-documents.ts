import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';
import type { Plugin } from 'vite';

const generated = fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url));

/**
 * Replaces every `graphql(`…`)` call in the client's code, at build, by the finished document that codegen
 * wrote for it into src/gql/graphql.ts (the operation with the fragments it spreads), so each document
 * travels in the chunk of the page that uses it.
 *
 * Why not the client preset's own Babel/SWC plugin: it turns each call into an import from src/gql/graphql.ts,
 * and a module is never split across chunks, so every page's documents would still sit in the shell that the
 * first page downloads. Without a call left, nothing imports src/gql/gql.ts (the map keyed by each document's
 * source text) at run time either, and it drops out of the bundle. The types are unchanged: TypeScript still
 * reads the preset's `graphql()` overloads.
 */
export function inlineDocuments(): Plugin {
  let documents = new Map<string, string>();
  return {
    name: 'careers-inline-documents',
    apply: 'build',
    buildStart() {
      documents = new Map();
      this.addWatchFile(generated);
      // One line per document: `export const FooDocument = {…json…} as unknown as DocumentNode<…>;`
      const line = /^export const (\w+?)(Document|FragmentDoc) = (\{.*\}) as unknown as DocumentNode</gm;
      for (const [, name, suffix, json] of readFileSync(generated, 'utf8').matchAll(line)) {
        documents.set(`${suffix === 'FragmentDoc' ? 'fragment' : 'operation'}:${name}`, json!);
      }
    },
    transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(`')) return null;
      const replaced = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (_call, source: string) => {
        const definition = parse(source, { noLocation: true }).definitions[0];
        const fragment = definition?.kind === Kind.FRAGMENT_DEFINITION;
        const name = definition && 'name' in definition ? definition.name?.value : undefined;
        const json = name && documents.get(`${fragment ? 'fragment' : 'operation'}:${name}`);
        if (!json) this.error(`No generated document for ${name ?? 'an unnamed operation'} in ${id}: run \`npm run codegen\`.`);
        return `(${json})`;
      });
      // The import has no use left; dropping it keeps src/gql/gql.ts (and graphql.ts with it) out of the bundle.
      const code2 = /\bgraphql\(/.test(replaced) ? replaced : replaced.replace(/^import \{ graphql \} from '[./]+gql\/index\.js';\n/m, '');
      return { code: code2, map: null };
    },
  };
}
