import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL operations for the web app.
 * Run from the repository root: `npm run codegen` (or `npx graphql-codegen --config apps/web/codegen.ts`).
 * The schema is the one the code-first API writes (`npm run schema`).
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string', Decimal: 'string', JSON: 'unknown' },
        avoidOptionals: { field: true, inputValue: false },
        nonOptionalTypename: false,
        skipTypename: true,
        dedupeFragments: true,
      },
    },
  },
};

export default config;
