import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkModules, formatReport, importsOf } from '../scripts/check-modules.mjs';

// scripts/check-modules.mjs on small module trees written into a temp dir: every rule of
// docs/ARCHITECTURE.md "Module map" once allowed and once broken, and the cycles.
const SCRIPT = path.resolve(import.meta.dirname, '..', 'scripts', 'check-modules.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-check-modules-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let trees = 0;
/** Writes files (path → text) under a fresh root and returns it. */
function tree(files: Record<string, string>): string {
  const root = path.join(tmp, `t${++trees}`);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** The private imports as 'file:line spec'. */
const privateOf = (root: string) => checkModules(root).privateImports.map((p) => `${p.file}:${p.line} ${p.spec}`);

const A = {
  'src/modules/a/index.ts': "export { aThing } from './a.service';\n",
  'src/modules/a/a.service.ts': 'export const aThing = 1;\n',
  'src/modules/a/a.contract.ts': 'export const ZA = 1;\nexport type A = { id: string };\n',
  'src/modules/a/a.policy.ts': 'export const canReadA = () => true;\n',
  'src/modules/a/a.table.ts': 'export const aTable = { id: 1 };\nexport type ATable = typeof aTable;\n',
  'src/modules/a/web/index.ts': "export const APage = 'page';\n",
  'src/modules/a/web/a-page.tsx': 'export const APageInner = 1;\n',
};

describe('private imports', () => {
  it("finds a server import of another module's service, with file and line", () => {
    const root = tree({
      ...A,
      'src/modules/b/b.service.ts':
        "// a comment\nimport { aThing } from '../a/a.service';\nexport const b = aThing;\n",
    });
    expect(privateOf(root)).toEqual(['src/modules/b/b.service.ts:2 ../a/a.service']);
    const lines = formatReport(checkModules(root));
    expect(lines.at(-1)).toBe(
      'module check: 1 private imports, 0 cycles, 0 tables handed out, 0 tree writes elsewhere (2 modules, 1 cross-module imports)',
    );
    expect(lines.join('\n')).toContain("src/modules/b/b.service.ts:2  '../a/a.service'");
  });

  it('allows the index (both spellings), contracts and policies; a type import of a service is still private', () => {
    const root = tree({
      ...A,
      'src/modules/b/b.service.ts': [
        "import { aThing } from '../a';",
        "import { aThing as again } from '../a/index';",
        "import { ZA, type A } from '../a/a.contract';",
        "import { canReadA } from '../a/a.policy';",
        "import type { aThing as T } from '../a/a.service';",
        'export { aThing, again, ZA, canReadA, type A, type T };',
      ].join('\n'),
    });
    expect(privateOf(root)).toEqual(['src/modules/b/b.service.ts:5 ../a/a.service']);
  });

  it('allows a table only as `import type`, or from a table (foreign keys)', () => {
    const root = tree({
      ...A,
      'src/modules/b/b.routes.ts': "import type { ATable } from '../a/a.table';\nexport type R = ATable;\n",
      'src/modules/b/b.table.ts': "import { aTable } from '../a/a.table';\nexport const bTable = { a: aTable.id };\n",
      'src/modules/b/b.service.ts': "import { aTable } from '../a/a.table';\nexport const rows = aTable;\n",
      'src/modules/b/b.query.ts': "import { type ATable } from '../a/a.table';\nexport type Q = ATable;\n",
    });
    // `import { type X }` still loads the file under verbatimModuleSyntax: only `import type` is type-only.
    expect(privateOf(root)).toEqual([
      'src/modules/b/b.query.ts:1 ../a/a.table',
      'src/modules/b/b.service.ts:1 ../a/a.table',
    ]);
  });

  it('finds re-exports and dynamic imports, and reaches across folders spelt through modules/', () => {
    const root = tree({
      ...A,
      'src/modules/b/b.service.ts': "export { aThing } from '../a/a.service';\n",
      'src/modules/b/b.lazy.ts': "export const load = () => import('../../modules/a/a.service');\n",
    });
    expect(privateOf(root)).toEqual([
      'src/modules/b/b.lazy.ts:1 ../../modules/a/a.service',
      'src/modules/b/b.service.ts:1 ../a/a.service',
    ]);
  });

  it("web code imports another module's contract, policy and web/index only", () => {
    const root = tree({
      ...A,
      'src/modules/b/web/b-page.tsx': [
        "import { ZA } from '../../a/a.contract';",
        "import { canReadA } from '../../a/a.policy';",
        "import { APage } from '../../a/web';",
        "import { APage as P2 } from '../../a/web/index';",
        "import { aThing } from '../../a';",
        "import { APageInner } from '../../a/web/a-page';",
        "import type { ATable } from '../../a/a.table';",
        'export { ZA, canReadA, APage, P2, aThing, APageInner, type ATable };',
      ].join('\n'),
    });
    expect(privateOf(root)).toEqual([
      'src/modules/b/web/b-page.tsx:5 ../../a',
      'src/modules/b/web/b-page.tsx:6 ../../a/web/a-page',
      'src/modules/b/web/b-page.tsx:7 ../../a/a.table',
    ]);
  });

  it('exempts tests, demo files, the drizzle schema list and code outside src/; a module may use its own files', () => {
    const root = tree({
      ...A,
      'src/modules/b/b.test.ts': "import { aThing } from '../a/a.service';\n",
      'src/modules/b/b.demo.ts': "import { aTable } from '../a/a.table';\n",
      'src/modules/b/b.service.ts': "import { x } from './b.helper';\nexport const y = x;\n",
      'src/modules/b/b.helper.ts': 'export const x = 1;\n',
      'src/db/schema.ts': "export * from '../modules/a/a.table';\n",
      'src/db/demo.ts': "import { aTable } from '../modules/a/a.table';\n",
      'test/factories.ts': "import { aTable } from '../src/modules/a/a.table';\n",
    });
    const result = checkModules(root);
    expect(result.privateImports).toEqual([]);
    expect(result.imports).toEqual([]);
  });
});

describe('the app around the modules', () => {
  it('src/server, src/db and src/shared reach a module through its index.ts; src/web through web/index.ts', () => {
    const root = tree({
      ...A,
      'src/server/modules.ts':
        "import { aThing } from '../modules/a';\nimport { ZA } from '../modules/a/a.contract';\n",
      'src/server/main.ts': "import { aThing } from '../modules/a/a.service';\n",
      'src/server/audit.ts':
        "import { aTable } from '../modules/a/a.table';\nimport type { ATable } from '../modules/a/a.table';\n",
      'src/shared/x.ts': "import { canReadA } from '../modules/a/a.policy';\n",
      'src/web/router.tsx':
        "import { APage } from '../modules/a/web';\nimport { APageInner } from '../modules/a/web/a-page';\n",
      'src/web/menu.tsx': "import { ZA } from '../modules/a/a.contract';\n",
    });
    expect(privateOf(root)).toEqual([
      'src/server/audit.ts:1 ../modules/a/a.table',
      'src/server/main.ts:1 ../modules/a/a.service',
      'src/web/router.tsx:2 ../modules/a/web/a-page',
    ]);
  });

  it('is no node of the cycle graph: it registers every module, and modules use it', () => {
    const root = tree({
      ...A,
      'src/modules/a/a.service.ts': "import { route } from '../../server/route';\nexport const aThing = route;\n",
      'src/server/route.ts': 'export const route = 1;\n',
      'src/server/modules.ts': "import { aThing } from '../modules/a';\n",
    });
    expect(checkModules(root).cycles).toEqual([]);
  });
});

describe('cycles', () => {
  it('finds a → b → a and prints it with one import per edge', () => {
    const root = tree({
      ...A,
      'src/modules/a/a.service.ts': "import { b } from '../b';\nexport const aThing = b;\n",
      'src/modules/b/index.ts': "export { b } from './b.service';\n",
      'src/modules/b/b.service.ts': "\n\nimport { ZA } from '../a/a.contract';\nexport const b = ZA;\n",
    });
    const result = checkModules(root);
    expect(result.privateImports).toEqual([]);
    expect(result.cycles.map((c) => c.modules.join(' → '))).toEqual(['a → b → a']);
    const text = formatReport(result).join('\n');
    expect(text).toContain('  a → b → a\n');
    expect(text).toContain("a → b: src/modules/a/a.service.ts:1 '../b'");
    expect(text).toContain("b → a: src/modules/b/b.service.ts:3 '../a/a.contract'");
    expect(text).toMatch(
      /module check: 0 private imports, 1 cycles, 0 tables handed out, 0 tree writes elsewhere \(2 modules, 2 cross-module imports\)$/,
    );
  });

  it('finds a longer cycle once, whatever module it starts from', () => {
    const root = tree({
      'src/modules/a/index.ts': "import { c } from '../c';\nexport const a = c;\n",
      'src/modules/b/index.ts': "import { a } from '../a';\nexport const b = a;\n",
      'src/modules/c/index.ts': "import { b } from '../b';\nexport const c = b;\n",
      'src/modules/d/index.ts': "import { a } from '../a';\nexport const d = a;\n",
    });
    expect(checkModules(root).cycles.map((c) => c.modules.join(' → '))).toEqual(['a → c → b → a']);
  });

  it('ignores type-only imports and re-exports (they vanish at runtime), and tests', () => {
    const root = tree({
      ...A,
      'src/modules/a/a.service.ts': "import type { B } from '../b';\nexport type { BRow } from '../b/b.contract';\n",
      'src/modules/b/index.ts': "export type B = 1;\nexport { bThing } from './b.service';\n",
      'src/modules/b/b.contract.ts': 'export type BRow = { id: string };\n',
      'src/modules/b/b.service.ts': "import { ZA } from '../a/a.contract';\nexport const bThing = ZA;\n",
      'src/modules/a/a.test.ts': "import { bThing } from '../b';\n",
    });
    const result = checkModules(root);
    expect(result.cycles).toEqual([]);
    expect(result.imports.map((i) => `${i.file}:${i.line} ${i.typeOnly ? 'type' : 'value'}`)).toEqual([
      'src/modules/a/a.service.ts:1 type',
      'src/modules/a/a.service.ts:2 type',
      'src/modules/b/b.service.ts:1 value',
    ]);
  });

  it('counts server code only: a web page importing a module that imports back is no cycle', () => {
    const files = {
      ...A,
      'src/modules/b/index.ts': "export { bThing } from './b.service';\n",
      'src/modules/b/b.service.ts': "import { aThing } from '../a';\nexport const bThing = aThing;\n",
      'src/modules/a/web/a-page.tsx': "import { ZB } from '../../b/b.contract';\nexport const page = ZB;\n",
      'src/modules/b/b.contract.ts': 'export const ZB = 1;\n',
    };
    expect(checkModules(tree(files)).cycles).toEqual([]);
    // The same import from a's server code closes the circle.
    const server = {
      ...files,
      'src/modules/a/a.service.ts': "import { ZB } from '../b/b.contract';\nexport const aThing = ZB;\n",
    };
    expect(checkModules(tree(server)).cycles.map((c) => c.modules.join(' → '))).toEqual(['a → b → a']);
  });
});

describe('tables handed out', () => {
  it('finds an index.ts that re-exports a value of its own table; a type re-export is fine', () => {
    const ok = tree({
      ...A,
      'src/modules/a/index.ts':
        "export type { ATable } from './a.table';\nexport { type ATable as T } from './a.table';\n",
    });
    expect(checkModules(ok).handedOut).toEqual([]);
    const bad = tree({
      ...A,
      'src/modules/a/index.ts':
        "export { aThing } from './a.service';\nexport { aTable, type ATable as X } from './a.table';\nexport * from './a.table';\n",
    });
    const result = checkModules(bad);
    expect(result.handedOut.map((h) => `${h.file}:${h.line} ${h.name}`)).toEqual([
      'src/modules/a/index.ts:2 aTable',
      'src/modules/a/index.ts:3 *',
    ]);
    expect(formatReport(result).join('\n')).toContain('tables handed out by an index.ts (2)');
  });
});

describe('tree writes', () => {
  it('allows org_nodes writes in the organisations module only (and in tests)', () => {
    const root = tree({
      ...A,
      'src/modules/organisations/org.service.ts':
        'await tx.insert(orgNodes);\nawait tx.execute(sql`update org_nodes set path = 1`);\n',
      'src/modules/a/a.test.ts': 'await tx.delete(orgNodes);\n',
      'src/modules/a/a.service.ts':
        'const r = await db.select().from(orgNodes);\nawait tx\n  .update( orgNodes )\n  .set({});\n',
      'src/server/x.ts': 'await db.execute(sql`DELETE FROM org_nodes where id = 1`);\n',
    });
    const result = checkModules(root);
    expect(result.treeWrites.map((w) => `${w.file}:${w.line} ${w.text}`)).toEqual([
      'src/modules/a/a.service.ts:3 .update( orgNodes )',
      'src/server/x.ts:1 DELETE FROM org_nodes',
    ]);
  });
});

describe('the script', () => {
  const run = (root: string) => spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });

  it('exits 0 on a clean tree and 1 on a private import or a cycle', () => {
    const clean = run(tree({ ...A, 'src/modules/b/b.service.ts': "import { aThing } from '../a';\n" }));
    expect(clean.stdout).toBe(
      'module check: 0 private imports, 0 cycles, 0 tables handed out, 0 tree writes elsewhere (2 modules, 1 cross-module imports)\n',
    );
    expect(clean.status).toBe(0);

    const hidden = run(tree({ ...A, 'src/modules/b/b.service.ts': "import { aThing } from '../a/a.service';\n" }));
    expect(hidden.stdout).toMatch(/module check: 1 private imports, 0 cycles/);
    expect(hidden.status).toBe(1);

    const circle = run(
      tree({
        ...A,
        'src/modules/a/a.service.ts': "import { b } from '../b';\nexport const aThing = b;\n",
        'src/modules/b/index.ts': "import { aThing } from '../a';\nexport const b = aThing;\n",
      }),
    );
    expect(circle.stdout).toMatch(/module check: 0 private imports, 1 cycles/);
    expect(circle.status).toBe(1);

    const handed = run(tree({ ...A, 'src/modules/a/index.ts': "export { aTable } from './a.table';\n" }));
    expect(handed.stdout).toMatch(/module check: 0 private imports, 0 cycles, 1 tables handed out/);
    expect(handed.status).toBe(1);

    const writes = run(tree({ ...A, 'src/modules/a/a.service.ts': 'await tx.insert(orgNodes);\n' }));
    expect(writes.stdout).toMatch(/1 tree writes elsewhere/);
    expect(writes.status).toBe(1);
  });

  it('reads every kind of import the parser knows', () => {
    const text = [
      "import a from './a';",
      "import type { B } from './b';",
      "import './c';",
      "export * from './d';",
      "export type { E } from './e';",
      "const f = await import('./f');",
      "type G = import('./g').G;",
      "import h = require('./h');",
      "const i = require('./i');",
    ].join('\n');
    expect(importsOf(text).map((i) => `${i.line} ${i.spec} ${i.typeOnly ? 'type' : 'value'}`)).toEqual([
      '1 ./a value',
      '2 ./b type',
      '3 ./c value',
      '4 ./d value',
      '5 ./e type',
      '6 ./f value',
      '7 ./g type',
      '8 ./h value',
      '9 ./i value',
    ]);
  });
});
