// Flat config: the recommended rules of ESLint and typescript-eslint (no type-aware rules,
// to stay fast), plus the architectural lines of STYLE.md: web code imports only
// contracts, src/shared and src/web — never server code, tables, services, policies or routes;
// and a module imports another module only through its public files (docs/ARCHITECTURE.md,
// "Module map"; scripts/check-modules.mjs checks the same rules and the cycles between modules).
import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const WEB = ['src/web/**/*.{ts,tsx}', 'src/modules/*/web/**/*.{ts,tsx}'];

const MODULES_DIR = path.join(import.meta.dirname, 'src', 'modules');
const SOURCES = '*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const EXT = String.raw`(?:\.[cm]?[jt]sx?)?`;
const SEE = 'docs/ARCHITECTURE.md, "Module map"';
const MODULE_MSG = `Module boundary (${SEE}): server code of a module imports another module only through its index.ts, *.contract.ts or *.policy.ts (its *.table.ts only as \`import type\`, or from a *.table.ts file for foreign keys).`;
const TABLE_MSG = `Module boundary (${SEE}): another module's *.table.ts is imported only as \`import type\` (or from a *.table.ts file, for foreign keys); for its data, call that module's index.ts.`;
const MODULE_WEB_MSG = `Module boundary (${SEE}): web code of a module imports another module only through its *.contract.ts, *.policy.ts or web/index.ts.`;

/**
 * One block per folder of each module: the import paths that name another module's private files,
 * written relative to that folder (`../<n>/…` from src/modules/<m>/, `../../<n>/…` from its web/).
 * Tests and *.demo.ts files are exempt. `@typescript-eslint/no-restricted-imports` (not the core rule
 * the web block above uses, whose options a second block would replace) for `allowTypeImports`.
 */
function moduleBoundaries() {
  const modules = fs
    .readdirSync(MODULES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const blocks = [];
  const folders = (rel) => [
    rel,
    ...fs
      .readdirSync(path.join(import.meta.dirname, rel), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) => folders(`${rel}/${e.name}`)),
  ];
  for (const m of modules) {
    const others = modules.filter((n) => n !== m).map(escape);
    if (!others.length) continue;
    for (const dir of folders(`src/modules/${m}`)) {
      const depth = dir.split('/').length - 2; // folders below src/modules
      // '../<n>' from depth 1, '../../<n>' from depth 2 …, also spelt '../../modules/<n>'.
      const other = String.raw`^(?:\.\./){${depth}}(?:\.\./modules/)?(?:${others.join('|')})`;
      const files = [`${dir}/${SOURCES}`];
      const ignores = ['**/*.test.*', '**/*.demo.*'];
      const rule = (patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });
      if (dir === `src/modules/${m}/web` || dir.startsWith(`src/modules/${m}/web/`)) {
        const web = String.raw`${other}(?!/(?:[^/]+\.(?:contract|policy)${EXT}|web/?|web/index${EXT})$)(?:/.*)?$`;
        blocks.push({ files, ignores, rules: rule([{ regex: web, caseSensitive: true, message: MODULE_WEB_MSG }]) });
        continue;
      }
      const hidden = {
        regex: String.raw`${other}/(?!(?:index|[^/]+\.(?:contract|policy|table))${EXT}$).+$`,
        caseSensitive: true,
        message: MODULE_MSG,
      };
      const table = {
        regex: String.raw`${other}/[^/]+\.table${EXT}$`,
        caseSensitive: true,
        allowTypeImports: true,
        message: TABLE_MSG,
      };
      blocks.push({ files, ignores: [...ignores, '**/*.table.*'], rules: rule([hidden, table]) });
      // A table may import another module's table for its foreign keys.
      blocks.push({ files: [`${dir}/*.table.*`], ignores, rules: rule([hidden]) });
    }
  }
  return blocks;
}

const APP_MSG = `Module boundary (${SEE}): the app around the modules (src/server, src/db, src/shared) reaches a module through its index.ts (its *.contract.ts and *.policy.ts too; its *.table.ts only as \`import type\`).`;
const APP_WEB_MSG = `Module boundary (${SEE}): the web app shell (src/web) reaches a module through its web/index.ts, *.contract.ts or *.policy.ts.`;

/**
 * The same boundaries for the code around the modules: one block per folder of src/server, src/db,
 * src/shared (server rules) and src/web (web rules). The drizzle schema list (src/db/schema.ts) and
 * the demo seeding (src/db/demo*.ts) are exempt, like tests; scripts/check-modules.mjs agrees.
 */
function appBoundaries() {
  const folders = (rel) => [
    rel,
    ...fs
      .readdirSync(path.join(import.meta.dirname, rel), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'migrations')
      .flatMap((e) => folders(`${rel}/${e.name}`)),
  ];
  const blocks = [];
  const rule = (patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });
  const ignores = ['**/*.test.*', 'src/db/schema.ts', 'src/db/demo*.ts'];
  for (const top of ['src/server', 'src/db', 'src/shared', 'src/web']) {
    for (const dir of folders(top)) {
      const depth = dir.split('/').length - 1; // folders below src
      const mod = String.raw`^(?:\.\./){${depth}}modules/[^/]+`;
      const files = [`${dir}/${SOURCES}`];
      if (top === 'src/web') {
        const web = String.raw`${mod}/(?!(?:[^/]+\.(?:contract|policy)${EXT}|web/?|web/index${EXT})$).+$`;
        blocks.push({ files, ignores, rules: rule([{ regex: web, caseSensitive: true, message: APP_WEB_MSG }]) });
        continue;
      }
      const hidden = {
        regex: String.raw`${mod}/(?!(?:index|[^/]+\.(?:contract|policy|table))${EXT}$).+$`,
        caseSensitive: true,
        message: APP_MSG,
      };
      const table = {
        regex: String.raw`${mod}/[^/]+\.table${EXT}$`,
        caseSensitive: true,
        allowTypeImports: true,
        message: APP_MSG,
      };
      blocks.push({ files, ignores, rules: rule([hidden, table]) });
    }
  }
  return blocks;
}

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
                'Web code imports only *.contract.ts, *.policy.ts, src/shared and src/web (STYLE.md §1): not server code, tables, services, routes or the database.',
            },
          ],
        },
      ],
    },
  },
  moduleBoundaries(),
  appBoundaries(),
  {
    files: WEB,
    ignores: ['**/*.test.*'],
    rules: {
      // Every endpoint is declared once in a contract: the web calls it with call()/useApi()/urlOf(),
      // never by writing its path (docs/ARCHITECTURE.md, "Endpoints").
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^\\/api\\//]',
          message:
            'No API path written by hand on the web: call the endpoint declared in the contract (call, useApi, urlOf).',
        },
        {
          selector: 'TemplateElement[value.raw=/^\\/api\\//]',
          message:
            'No API path written by hand on the web: call the endpoint declared in the contract (call, useApi, urlOf).',
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'test/**', 'bench/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
