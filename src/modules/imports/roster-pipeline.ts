import { and, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { ensureTagDefs } from '../people/resident-write';
import { orgNodes } from '../organisations/org.table';
import type { ImportCounts, ImportIssue } from './imports.contract';
import { matchRows, classify, type Plan } from './roster-writer';
import { readRosterSheet, type RosterSheet, type SheetRow } from './roster-read';
import { normalizeCentreName, validateRow, type RosterRow, type ValidateContext } from './roster-validate';

type Scope = { id: string; path: string; level: string; name: string };

export const countyOf = (path: string) => path.split('/')[1];

/** The centres of the scope and of the rest of the county, and the county's tags. */
export async function loadContext(db: DbOrTx, scope: Scope, digest: (s: string) => string): Promise<ValidateContext> {
  const countyId = countyOf(scope.path);
  const nodes = await db.select({ id: orgNodes.id, path: orgNodes.path, name: orgNodes.name }).from(orgNodes)
    .where(and(like(orgNodes.path, `/${countyId}/%`), eq(orgNodes.level, 'centre')));
  const centres = new Map<string, ValidateContext['scope']>();
  const outside = new Map<string, ValidateContext['scope']>();
  for (const n of nodes) {
    const target = n.path.startsWith(scope.path) ? centres : outside;
    const c = { ...n, level: 'centre' };
    target.set(normalizeCentreName(n.name), c);
    target.set(n.name.normalize('NFKC').replace(/\s+/g, ''), c);
  }
  const tags = await ensureTagDefs(db, countyId);
  return {
    scope, centres, outside, digest, today: new Date(),
    tagsByLabel: new Map(tags.map((t) => [t.label, t.code])),
    tagLabels: tags.map((t) => t.label),
  };
}

type Checked = { good: RosterRow[]; issues: ImportIssue[]; bad: Set<number> };

/** Checks rows as they come (a turn of the event loop every 250 rows), and duplicates within the file. */
export function rowChecker(sheet: Omit<RosterSheet, 'rows'>, ctx: ValidateContext) {
  const out: Checked = { good: [], issues: [], bad: new Set<number>() };
  const seen = new Map<string, number>();
  const idHeader = sheet.columns.idNumber === undefined ? '身份证号' : sheet.headers[sheet.columns.idNumber];
  const nameHeader = sheet.headers[sheet.columns.name!];
  const full = { ...sheet, rows: [] as SheetRow[] };
  let queue: Promise<void> = Promise.resolve();
  const check = async (rows: SheetRow[]) => {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const res = validateRow(full, r, ctx);
      if ('issues' in res) {
        out.issues.push(...res.issues);
        out.bad.add(r.row);
      } else {
        const row = res.ok;
        const key = row.idHash ? `id:${row.idHash}` : row.phone ? `p:${row.centre.id}|${row.name}|${row.phone}` : row.birthDate ? `b:${row.centre.id}|${row.name}|${row.birthDate}` : null;
        const first = key ? seen.get(key) : undefined;
        if (first !== undefined) {
          out.issues.push(row.idHash
            ? { row: r.row, column: idHeader, message: `与第 ${first} 行的身份证号重复`, messageEn: `Same ID number as row ${first}` }
            : { row: r.row, column: nameHeader, message: `与第 ${first} 行是同一个人（姓名和电话或出生日期相同）`, messageEn: `Same person as row ${first} (same name and phone or birth date)` });
          out.bad.add(r.row);
        } else {
          if (key) seen.set(key, r.row);
          out.good.push(row);
        }
      }
      if (i % 250 === 249) await new Promise(setImmediate);
    }
  };
  return {
    /** Queues rows to check, in order. */
    add(rows: SheetRow[]) {
      queue = queue.then(() => check(rows));
    },
    async done(): Promise<Checked> {
      await queue;
      return out;
    },
  };
}

/** Checks every row of a sheet already read. */
export async function validateSheet(sheet: RosterSheet, ctx: ValidateContext): Promise<Checked> {
  const checker = rowChecker(sheet, ctx);
  checker.add(sheet.rows);
  return checker.done();
}

/** Reads the file and checks its rows while the worker parses the rest. */
export async function readAndValidate(file: Buffer, ctx: ValidateContext): Promise<{ sheet: RosterSheet; checked: Checked }> {
  let checker: ReturnType<typeof rowChecker> | undefined;
  const sheet = await readRosterSheet(file, (found, rows) => (checker ??= rowChecker(found, ctx)).add(rows));
  return { sheet, checked: await (checker ?? rowChecker(sheet, ctx)).done() };
}

/**
 * Matches the good rows with stored residents and decides new / update / unchanged. A match
 * that lives outside the scope cannot be changed from here: that row becomes an error.
 */
export async function planRows(db: DbOrTx, sheet: RosterSheet, scope: Scope, checked: Awaited<ReturnType<typeof validateSheet>>) {
  const matches = await matchRows(db, countyOf(scope.path), checked.good);
  const plans: Plan[] = [];
  const issues = [...checked.issues];
  let badCount = checked.bad.size;
  const idHeader = sheet.columns.idNumber === undefined ? '身份证号' : sheet.headers[sheet.columns.idNumber];
  for (let i = 0; i < checked.good.length; i++) {
    const row = checked.good[i];
    if (i % 1000 === 999) await new Promise(setImmediate);
    const e = matches.get(row) ?? null;
    if (e && !e.nodePath.startsWith(scope.path)) {
      issues.push({ row: row.row, column: idHeader, message: `此人已登记在“${e.nodeName}”，不在本次导入范围内，不能在这里修改`, messageEn: `This person is registered at “${e.nodeName}”, outside the scope of this import` });
      badCount++;
      continue;
    }
    plans.push({ row, existing: e, action: classify(row, e) });
  }
  issues.sort((a, b) => a.row - b.row);
  const counts: ImportCounts = {
    total: sheet.rows.length, good: plans.length, bad: badCount,
    new: plans.filter((p) => p.action === 'new').length,
    update: plans.filter((p) => p.action === 'update').length,
    unchanged: plans.filter((p) => p.action === 'unchanged').length,
  };
  return { plans, issues, counts };
}
