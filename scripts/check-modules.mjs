// `npm run check:modules`: the two checks that keep the modules under src/modules apart
// (docs/ARCHITECTURE.md, "Module map"). Plain Node so that scripts/test.mjs can run it; imports
// are read with the TypeScript parser (no type check), so only what is written counts.
//
//  1. Private imports. A module is a folder src/modules/<m>/. Its server code (everything outside
//     web/) may import from another module <n> only:
//       (a) src/modules/<n>/index.ts            ('../<n>' or '../<n>/index')
//       (b) src/modules/<n>/*.contract.ts       (schemas, types, endpoints shared with the web)
//       (c) src/modules/<n>/*.table.ts          only as `import type`, or from a *.table.ts file
//                                               (foreign-key references)
//       (d) src/modules/<n>/*.policy.ts         (role lists and pure canX functions)
//     Its web code (src/modules/<m>/web/**) may import another module's *.contract.ts, *.policy.ts
//     and web/index.ts only. The app around the modules follows the same rules: src/server, src/db
//     and src/shared as server code (a module's index.ts, contracts, policies, tables as types), and
//     src/web as web code. Tests (*.test.ts), *.demo.ts files, the drizzle schema list
//     (src/db/schema.ts), the demo seeding (src/db/demo*.ts) and everything outside src/ (test,
//     bench, scripts) are exempt.
//  2. Cycles. Every value import (not `import type` / `export type`, which vanish at runtime) from a
//     non-test, non-demo server file (outside web/) of one module into another module is an edge;
//     any cycle in that graph fails, printed as `a → b → a` with one example import per edge.
//  3. Tables handed out. A module's index.ts may not re-export a value from one of its *.table.ts
//     files (`export type` is fine): another module would then read the table through the front
//     door. What others need becomes a function of the owner.
//  4. Tree writes. The organisation tree (src/server/db/tree.table.ts) is infrastructure every module
//     reads to scope its rows; only src/modules/organisations inserts, updates or deletes org_nodes,
//     whether through Drizzle (`.insert(orgNodes)`) or in SQL text (`update org_nodes`).
//
// Prints one line per finding and a summary line; exits 1 if there is any private import or cycle.
//   node scripts/check-modules.mjs [root]      (root: the repository; by default this script's)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const RESOLVE_EXTS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SKIP_DIRS = new Set(['node_modules', 'dist']);

/** Tests and demo data may reach into any module. */
export const isExempt = (rel) => /\.test\.[cm]?[jt]sx?$/.test(rel) || /\.demo\.[cm]?[jt]sx?$/.test(rel);

/** `{ module, inner }` for a path relative to the repo root inside src/modules/<module>/, else null. */
export function moduleOf(rel) {
  const m = /^src\/modules\/([^/]+)\/(.+)$/.exec(rel.split(path.sep).join('/'));
  return m ? { module: m[1], inner: m[2] } : null;
}

/** Every import written in a source text: `{ spec, line, typeOnly }`; typeOnly only for `import type` / `export type`. */
export function importsOf(text, fileName = 'x.ts') {
  const kind = /\.tsx$/.test(fileName)
    ? ts.ScriptKind.TSX
    : /\.[cm]?jsx?$/.test(fileName)
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found = [];
  const add = (lit, typeOnly) => {
    if (!lit || !ts.isStringLiteralLike(lit)) return;
    found.push({ spec: lit.text, line: sf.getLineAndCharacterOfPosition(lit.getStart(sf)).line + 1, typeOnly });
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node)) {
      // Under verbatimModuleSyntax `import { type A } from 'x'` still loads 'x' (as `import {} from 'x'`),
      // so only the declaration-level `import type` is type-only.
      add(node.moduleSpecifier, !!node.importClause?.isTypeOnly);
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false); // import('x')
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'require' &&
      node.arguments.length === 1
    ) {
      add(node.arguments[0], false); // require('x') in a .cjs or createRequire
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg)) add(arg.literal, true); // type X = import('x').Y
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The file a relative import names (path relative to root), or null for packages and missing files. */
export function resolveImport(root, fromRel, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(root, path.dirname(fromRel), spec);
  const stripped = base.replace(/\.(js|jsx|mjs|cjs)$/, ''); // './x.js' may name x.ts
  const candidates = [
    base,
    ...RESOLVE_EXTS.map((e) => base + e),
    ...RESOLVE_EXTS.map((e) => stripped + e),
    ...RESOLVE_EXTS.map((e) => path.join(base, 'index' + e)),
  ];
  for (const c of candidates) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return path.relative(root, c).split(path.sep).join('/');
  }
  return null;
}

/**
 * Why an import from one module into another is not allowed, or null when it is.
 * `from`/`to` are `{ module, inner }` (inner = path inside the module folder).
 */
export function privateReason(from, to, typeOnly) {
  const top = !to.inner.includes('/');
  const name = to.inner;
  if (from.inner.startsWith('web/')) {
    if (top && /\.contract\.[cm]?[jt]sx?$/.test(name)) return null;
    if (top && /\.policy\.[cm]?[jt]sx?$/.test(name)) return null;
    if (/^web\/index\.[jt]sx?$/.test(name)) return null;
    return `web code imports another module's ${name}: only its *.contract.ts, *.policy.ts and web/index.ts`;
  }
  if (top && /^index\.[jt]sx?$/.test(name)) return null;
  if (top && /\.contract\.[cm]?[jt]sx?$/.test(name)) return null;
  if (top && /\.policy\.[cm]?[jt]sx?$/.test(name)) return null;
  if (top && /\.table\.[cm]?[jt]sx?$/.test(name)) {
    if (typeOnly || /\.table\.[cm]?[jt]sx?$/.test(from.inner)) return null;
    return `value import of another module's table ${name}: use \`import type\`, or reach it through that module's index.ts`;
  }
  return `import of another module's private file ${name}: only its index.ts, *.contract.ts, *.policy.ts (and *.table.ts as \`import type\`)`;
}

/** The source files under dir (relative to root), sorted. */
function walk(root, dir) {
  const out = [];
  const go = (rel) => {
    let entries;
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) go(r);
      } else if (SOURCE.test(e.name) && !e.name.endsWith('.d.ts')) out.push(r);
    }
  };
  go(dir);
  return out.sort();
}

/** The module folders under src/modules, sorted. */
export function listModules(root) {
  const dir = path.join(root, 'src', 'modules');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * The code outside src/modules that composes the modules (src/server, src/web, src/db, src/shared),
 * as a pseudo-module `{ module: '(app)', inner, app: true }`. Exempt besides tests: the drizzle
 * schema list (src/db/schema.ts, which must name every table) and the demo seeding (src/db/demo*.ts).
 */
export function appFileOf(rel) {
  if (!rel.startsWith('src/') || rel.startsWith('src/modules/')) return null;
  if (rel === 'src/db/schema.ts' || /^src\/db\/demo[^/]*\.ts$/.test(rel) || rel.startsWith('src/db/migrations/'))
    return null;
  const inner = rel.slice('src/'.length);
  return { module: '(app)', inner: inner.startsWith('web/') ? inner : `server/${inner}`, app: true };
}

/** Every import from a non-exempt file of one module (or of the app around them) into another module. */
export function crossModuleImports(root) {
  const found = [];
  for (const file of walk(root, 'src')) {
    if (isExempt(file)) continue;
    const from = moduleOf(file) ?? appFileOf(file);
    if (!from) continue;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const imp of importsOf(text, file)) {
      const target = resolveImport(root, file, imp.spec);
      const to = target && moduleOf(target);
      if (!to || to.module === from.module) continue;
      found.push({ file, line: imp.line, spec: imp.spec, typeOnly: imp.typeOnly, target, from, to });
    }
  }
  return found;
}

/**
 * The cycles of the module graph made of value imports. Each edge that lies on a cycle yields the
 * shortest cycle through it; rotations of the same cycle count once. Each cycle comes with one
 * example import per edge.
 */
export function findCycles(imports) {
  const edges = new Map(); // 'a b' → first example import
  for (const imp of imports) {
    // Web pages compose modules (a resident's drawer shows their credits): cycles count server code
    // only; the app around the modules (src/server…) registers them all, so it is no node of the graph.
    if (imp.typeOnly || imp.from.inner.startsWith('web/') || imp.from.app) continue;
    const key = `${imp.from.module} ${imp.to.module}`;
    if (!edges.has(key)) edges.set(key, imp);
  }
  const next = new Map();
  for (const key of [...edges.keys()].sort()) {
    const [a, b] = key.split(' ');
    if (!next.has(a)) next.set(a, []);
    next.get(a).push(b);
  }
  /** Shortest path start → … → goal (breadth first, neighbours in name order), or null. */
  const shortest = (start, goal) => {
    const prev = new Map([[start, null]]);
    const queue = [start];
    while (queue.length) {
      const n = queue.shift();
      if (n === goal) {
        const p = [];
        for (let x = goal; x !== null; x = prev.get(x)) p.unshift(x);
        return p;
      }
      for (const m of next.get(n) ?? []) {
        if (!prev.has(m)) {
          prev.set(m, n);
          queue.push(m);
        }
      }
    }
    return null;
  };
  const seen = new Set();
  const cycles = [];
  for (const key of [...edges.keys()].sort()) {
    const [a, b] = key.split(' ');
    const back = shortest(b, a);
    if (!back) continue;
    const ring = [a, ...back.slice(0, -1)]; // a → b → … (→ a)
    const i = ring.indexOf([...ring].sort()[0]);
    const canon = [...ring.slice(i), ...ring.slice(0, i)];
    const id = canon.join(' ');
    if (seen.has(id)) continue;
    seen.add(id);
    const modules = [...canon, canon[0]];
    const via = modules.slice(0, -1).map((m, j) => edges.get(`${m} ${modules[j + 1]}`));
    cycles.push({ modules, via });
  }
  return cycles.sort((x, y) => x.modules.length - y.modules.length || x.modules.join().localeCompare(y.modules.join()));
}

/** Value re-exports of a module's own *.table.ts from its index.ts: `{ file, line, name }`. */
export function tablesHandedOut(root) {
  const found = [];
  for (const module of listModules(root)) {
    const file = `src/modules/${module}/index.ts`;
    if (!fs.existsSync(path.join(root, file))) continue;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    for (const node of sf.statements) {
      if (!ts.isExportDeclaration(node) || node.isTypeOnly || !node.moduleSpecifier) continue;
      const target = resolveImport(root, file, node.moduleSpecifier.text);
      if (!target || !/\.table\.[cm]?[jt]sx?$/.test(target)) continue;
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      if (!node.exportClause) found.push({ file, line, name: '*' });
      else if (ts.isNamedExports(node.exportClause))
        for (const el of node.exportClause.elements) if (!el.isTypeOnly) found.push({ file, line, name: el.name.text });
    }
  }
  return found;
}

const TREE_WRITE = [
  /\.(insert|update|delete)\(\s*orgNodes\s*\)/g,
  /\b(insert\s+into|update|delete\s+from)\s+"?org_nodes\b/gi,
];

/** Writes of org_nodes outside src/modules/organisations (tests and demo data exempt): `{ file, line, text }`. */
export function treeWrites(root) {
  const found = [];
  for (const file of walk(root, 'src')) {
    if (isExempt(file) || file.startsWith('src/modules/organisations/') || file.startsWith('src/db/')) continue;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const re of TREE_WRITE) {
      for (const m of text.matchAll(re)) {
        found.push({ file, line: text.slice(0, m.index).split('\n').length, text: m[0] });
      }
    }
  }
  return found;
}

/** All four checks over the tree at root. */
export function checkModules(root) {
  const modules = listModules(root);
  const imports = crossModuleImports(root);
  const privateImports = [];
  for (const imp of imports) {
    const reason = privateReason(imp.from, imp.to, imp.typeOnly);
    if (reason) privateImports.push({ ...imp, reason });
  }
  return {
    modules,
    imports,
    privateImports,
    cycles: findCycles(imports),
    handedOut: tablesHandedOut(root),
    treeWrites: treeWrites(root),
  };
}

/** How many findings fail the check. */
export const failures = (r) => r.privateImports.length + r.cycles.length + r.handedOut.length + r.treeWrites.length;

/** The report as lines of text; the last is the summary. */
export function formatReport({ modules, imports, privateImports, cycles, handedOut = [], treeWrites = [] }) {
  const lines = [];
  if (handedOut.length) {
    lines.push(`tables handed out by an index.ts (${handedOut.length}) — give a function instead:`);
    for (const h of handedOut) lines.push(`  ${h.file}:${h.line}  ${h.name}`);
  }
  if (treeWrites.length) {
    lines.push(`org_nodes written outside src/modules/organisations (${treeWrites.length}):`);
    for (const w of treeWrites) lines.push(`  ${w.file}:${w.line}  ${w.text}`);
  }
  if (privateImports.length) {
    lines.push(`private imports (${privateImports.length}) — docs/ARCHITECTURE.md, "Module map":`);
    for (const p of privateImports) lines.push(`  ${p.file}:${p.line}  '${p.spec}'  — ${p.reason}`);
  }
  if (cycles.length) {
    lines.push(`module cycles (${cycles.length}), value imports only:`);
    for (const c of cycles) {
      lines.push(`  ${c.modules.join(' → ')}`);
      c.via.forEach((imp, j) =>
        lines.push(`      ${c.modules[j]} → ${c.modules[j + 1]}: ${imp.file}:${imp.line} '${imp.spec}'`),
      );
    }
  }
  lines.push(
    `module check: ${privateImports.length} private imports, ${cycles.length} cycles, ` +
      `${handedOut.length} tables handed out, ${treeWrites.length} tree writes elsewhere ` +
      `(${modules.length} modules, ${imports.length} cross-module imports)`,
  );
  return lines;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const result = checkModules(path.resolve(process.argv[2] ?? ROOT));
  for (const l of formatReport(result)) console.log(l);
  process.exit(failures(result) ? 1 : 0);
}
