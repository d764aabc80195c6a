import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the committed schema (no server needed). `npm run codegen` writes src/gql/;
// `npm run codegen:check` fails when src/gql/ differs from what the schema and the operations give.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    [process.env['CODEGEN_OUT'] ?? 'src/gql/']: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
        strictScalars: false,
        avoidOptionals: false,
      },
    },
  },
};
export default config;
