// Flat config: the recommended rules of ESLint and typescript-eslint (no type-aware rules,
// to stay fast), plus the one architectural line of STYLE.md: web code imports only
// contracts, src/shared and src/web — never server code, tables, services, policies or routes.
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const WEB = ['src/web/**/*.{ts,tsx}', 'src/modules/*/web/**/*.{ts,tsx}'];

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'src/db/migrations/**',
      'test-results/**',
      'coverage/**',
      '.tmp/**',
      'backups/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      // A few boundaries (drivers, test doubles) need `any`; say so, but do not fail on it.
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // `a && b()` / `c ? d() : e()` as statements are used on purpose in places.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: WEB,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/server/**',
                '**/server',
                '**/*.table',
                '**/*.table.ts',
                '**/*.service',
                '**/*.service.ts',
                '**/*.routes',
                '**/*.routes.ts',
                '**/*.policy',
                '**/*.policy.ts',
                '**/*.query',
                '**/*.query.ts',
                '**/db/**',
                '**/db',
                'drizzle-orm',
                'drizzle-orm/*',
                'pg',
                '@electric-sql/*',
                'fastify',
                '@fastify/*',
              ],
              message:
                'Web code imports only *.contract.ts, src/shared and src/web (STYLE.md §1): not server code, tables, services, policies, routes or the database.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'test/**', 'bench/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
