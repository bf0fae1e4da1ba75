import { and, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import type { Actor } from '../../shared/actor';
import { classifyRow, ensureTagDefs, matchRoster, type RosterPlan } from '../people';
import { orgNodes } from '../../server/db/tree.table';
import type { ImportCounts, ImportIssue } from './imports.contract';
import { canImportInto } from './imports.policy';
import { readRoster, type ReadOptions, type RosterBook, type SheetRow } from './roster-read';
import { normalizeCentreName, validateRow, type RosterRow, type ValidateContext } from './roster-validate';

type Scope = { id: string; path: string; level: string; name: string };

export const countyOf = (path: string) => path.split('/')[1];

/** The centres of the scope and of the rest of the county, and the county's tags. */
export async function loadContext(db: DbOrTx, scope: Scope, digest: (s: string) => string): Promise<ValidateContext> {
  const countyId = countyOf(scope.path);
  const nodes = await db
    .select({ id: orgNodes.id, path: orgNodes.path, name: orgNodes.name })
    .from(orgNodes)
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
    scope,
    centres,
    outside,
    digest,
    today: new Date(),
    tagsByLabel: new Map(tags.map((t) => [t.label, t.code])),
    tagLabels: tags.map((t) => t.label),
  };
}

type Checked = { good: RosterRow[]; issues: ImportIssue[]; bad: Set<string> };

/** A row's key among all sheets of the file. */
export const rowKey = (sheet: number, row: number) => `${sheet}:${row}`;

/** Checks rows as they come (a turn of the event loop every 250 rows), and duplicates within the file. */
export function rowChecker(book: RosterBook, ctx: ValidateContext) {
  const out: Checked = { good: [], issues: [], bad: new Set<string>() };
  const seen = new Map<string, SheetRow>();
  const where = (first: SheetRow, r: SheetRow) =>
    first.sheet === r.sheet
      ? { zh: `第 ${first.row} 行`, en: `row ${first.row}` }
      : {
          zh: `“${book.sheets[first.sheet].name}”表第 ${first.row} 行`,
          en: `row ${first.row} of sheet “${book.sheets[first.sheet].name}”`,
        };
  let queue: Promise<void> = Promise.resolve();
  const check = async (rows: SheetRow[]) => {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const sheet = book.sheets[r.sheet];
      const res = validateRow(sheet, r, ctx);
      if ('issues' in res) {
        out.issues.push(...res.issues);
        out.bad.add(rowKey(r.sheet, r.row));
      } else {
        const row = res.ok;
        const key = row.idHash
          ? `id:${row.idHash}`
          : row.phone
            ? `p:${row.centre.id}|${row.name}|${row.phone}`
            : row.birthDate
              ? `b:${row.centre.id}|${row.name}|${row.birthDate}`
              : null;
        const first = key ? seen.get(key) : undefined;
        if (first !== undefined) {
          const at = where(first, r);
          const column = (f: 'idNumber' | 'name') =>
            sheet.columns[f] === undefined
              ? f === 'idNumber'
                ? '身份证号'
                : '姓名'
              : sheet.headers[sheet.columns[f]!];
          out.issues.push(
            row.idHash
              ? {
                  sheet: sheet.name,
                  row: r.row,
                  column: column('idNumber'),
                  message: `与${at.zh}身份证号相同`,
                  messageEn: `The same ID number as ${at.en}`,
                }
              : {
                  sheet: sheet.name,
                  row: r.row,
                  column: column('name'),
                  message: `与${at.zh}是同一个人（姓名和电话或出生日期相同）`,
                  messageEn: `The same person as ${at.en} (same name and phone or birth date)`,
                },
          );
          out.bad.add(rowKey(r.sheet, r.row));
        } else {
          if (key) seen.set(key, r);
          row.sheet = r.sheet;
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

/** Reads the file and checks its rows while the worker parses the rest. */
export async function readAndValidate(
  file: Buffer,
  ctx: ValidateContext,
  opts: Omit<ReadOptions, 'onRows'> = {},
): Promise<{ book: RosterBook; checked: Checked }> {
  let checker: ReturnType<typeof rowChecker> | undefined;
  const book = await readRoster(file, {
    ...opts,
    onRows: (found, rows) => (checker ??= rowChecker(found, ctx)).add(rows),
  });
  return { book, checked: await (checker ?? rowChecker(book, ctx)).done() };
}

/**
 * Matches the good rows with stored residents and decides new / update / unchanged. A match
 * that lives outside the scope cannot be changed from here: that row becomes an error.
 */
export async function planRows(db: DbOrTx, book: RosterBook, scope: Scope, checked: Checked, actor: Actor) {
  const matches = await matchRoster(db, countyOf(scope.path), checked.good);
  const plans: RosterPlan<RosterRow>[] = [];
  const issues = [...checked.issues];
  let badCount = checked.bad.size;
  for (let i = 0; i < checked.good.length; i++) {
    const row = checked.good[i];
    if (i % 1000 === 999) await new Promise(setImmediate);
    const e = matches.get(row) ?? null;
    if (e && !e.nodePath.startsWith(scope.path)) {
      const sheet = book.sheets[row.sheet ?? 0];
      const idHeader = sheet.columns.idNumber === undefined ? '身份证号' : sheet.headers[sheet.columns.idNumber];
      // Someone the importing user may not see is neither named nor placed: only that the row cannot go in here.
      issues.push(
        canImportInto(actor, { path: e.nodePath })
          ? {
              sheet: sheet.name,
              row: row.row,
              column: idHeader,
              message: `此人已登记在“${e.nodeName}”，不在本次导入范围内，不能在这里修改`,
              messageEn: `This person is registered at “${e.nodeName}”, outside the scope of this import`,
            }
          : {
              sheet: sheet.name,
              row: row.row,
              column: idHeader,
              message: '与其他地方已有的记录冲突，不能在这里导入',
              messageEn: 'This conflicts with an existing record elsewhere and cannot be imported here',
            },
      );
      badCount++;
      continue;
    }
    plans.push({ row, existing: e, action: classifyRow(row, e) });
  }
  const order = new Map(book.sheets.map((x) => [x.name, x.index]));
  issues.sort((a, b) => (order.get(a.sheet ?? '') ?? 0) - (order.get(b.sheet ?? '') ?? 0) || a.row - b.row);
  const counts: ImportCounts = {
    total: book.rows.length,
    skipped: book.skipped.length,
    good: plans.length,
    bad: badCount,
    new: plans.filter((p) => p.action === 'new').length,
    update: plans.filter((p) => p.action === 'update').length,
    unchanged: plans.filter((p) => p.action === 'unchanged').length,
  };
  return { plans, issues, counts };
}
