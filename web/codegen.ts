import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every operation of the app, from the graph's public API schema
 * (`npm run compose` writes schema/api.graphql). `npm run web:codegen` regenerates
 * web/src/gql/; test/web-codegen.test.ts fails when it is stale.
 */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['web/src/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { LocalDate: 'string' },
        avoidOptionals: { field: true, inputValue: false },
      },
    },
  },
};
export default config;
