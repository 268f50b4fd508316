import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents from the committed schema.gql: a schema change that breaks the client fails its type check. */
const config: CodegenConfig = {
  schema: '../schema.gql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: true },
        scalars: { DateTime: 'string', Date: 'string' },
      },
    },
  },
};
export default config;
