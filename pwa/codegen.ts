import type { CodegenConfig } from '@graphql-codegen/cli';

// Client types for the operations in src/api/operations.ts and src/api/operations/*.ts, checked against the backend's
// exported contract. Run `npm run codegen` after either changes.
// typescript-operations 6 is standalone: it emits the enums and input types the operations use.
// Adding the `typescript` plugin to the same file would declare them twice (TS2300; upstream
// dotansimha/graphql-code-generator#10782), and the app needs no types beyond its operations.
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/api/operations.ts', 'src/api/operations/*.ts'],
  generates: {
    'src/api/generated.ts': {
      plugins: ['typescript-operations'],
      config: {
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        scalars: { ID: 'string', Date: 'string', DateTime: 'string' },
        useTypeImports: true,
        skipTypename: false,
        nonOptionalTypename: true,
      },
    },
  },
};

export default config;
