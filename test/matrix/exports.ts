import { expect } from 'vitest';
import ExcelJS from 'exceljs';
import type { TestResponse } from '../server';
import { admits, expectDenied, expectOk, type MatrixCtx } from './context';

/** The first sheet of an .xlsx answer: its headings and each row's cells as text. */
export async function readSheet(r: TestResponse): Promise<{ headers: string[]; rows: string[][] }> {
  expect(r.statusCode, `${r.request.method} ${r.request.url} → ${r.statusCode} ${r.body.slice(0, 300)}`).toBe(200);
  expect(r.headers['content-type']).toContain('spreadsheetml');
  expect(String(r.headers['content-disposition'])).toMatch(/^attachment; .*\.xlsx/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const width = ws.getRow(1).cellCount;
  const texts = (n: number) => Array.from({ length: width }, (_, i) => ws.getRow(n).getCell(i + 1).text);
  const rows: string[][] = [];
  for (let n = 2; n <= ws.rowCount; n++) rows.push(texts(n));
  return { headers: texts(1), rows };
}

/** The cells of the named columns, row by row. */
export const columnsOf = (sheet: { headers: string[]; rows: string[][] }, names: string[]) => {
  const at = names.map((n) => {
    const i = sheet.headers.indexOf(n);
    expect(i, `column ${n} in ${sheet.headers.join(', ')}`).toBeGreaterThanOrEqual(0);
    return i;
  });
  return sheet.rows.map((r) => at.map((i) => r[i]));
};

/** Every item of a list, page after page (the largest page the list allows). */
export async function wholeList<T = any>(x: Pick<MatrixCtx, 'c'>, url: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const sep = url.includes('?') ? '&' : '?';
    const p = await expectOk<{ items: T[]; total: number }>(x.c.req('GET', `${url}${sep}page=${page}&pageSize=200`));
    items.push(...p.items);
    if (items.length >= p.total || p.items.length === 0) return items;
  }
}

/** Audit rows of an action by one user. */
export async function exportAudits(x: Pick<MatrixCtx, 's'>, action: string, userId: string) {
  return x.s.database.query<{ outcome: string; summary: { rows: number; filters: Record<string, unknown> } }>(
    'select outcome, summary from audit_log where action = $1 and actor_id = $2 order by id',
    [action, userId],
  );
}

export type ExportRow = {
  /** The export's route as registered ("GET /api/teachers/export.xlsx"). */
  route: string;
  /** The export's URL and its list's (same filters), for the actor's own reach; null: none in reach. */
  urls: (x: MatrixCtx) => Promise<{ exportUrl: string; listUrl: string } | null>;
  action: string;
  /** Headings of the columns compared with the list, and each list item's text in them. */
  columns: string[];
  cells: (item: any) => (string | number | null)[];
  /** Exports of another town's or county's rows (a filter naming their node or activity): refused. */
  refused: (x: MatrixCtx) => Promise<string[]>;
};

/**
 * A list export's matrix row: a role the policy refuses gets its 403 and no audit row; a role it
 * admits gets exactly the list's rows (all pages, same order, same masked cells), one audit row
 * with the row count, and a refusal (404, no audit row) for every filter outside its reach.
 */
export const exportRow =
  (o: ExportRow) =>
  async (x: MatrixCtx): Promise<void> => {
    const before = (await exportAudits(x, o.action, x.userId)).length;
    const urls = await o.urls(x);
    const refused = await o.refused(x);
    if (!admits(x, o.route) || !urls) {
      for (const url of [...(urls ? [urls.exportUrl] : []), ...refused]) await expectDenied(x.c.req('GET', url));
      expect(await exportAudits(x, o.action, x.userId)).toHaveLength(before);
      return;
    }
    const { exportUrl, listUrl } = urls;
    // The list first: reading it writes nothing, so the trail (itself a list) is the same for both.
    const items = await wholeList(x, listUrl);
    const r = await x.c.req('GET', exportUrl);
    const sheet = await readSheet(r);
    expect(columnsOf(sheet, o.columns)).toEqual(items.map((i) => o.cells(i).map((c) => (c === null ? '' : String(c)))));
    const audits = await exportAudits(x, o.action, x.userId);
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)).toMatchObject({ outcome: 'ok', summary: { rows: items.length } });
    for (const url of refused) await expectDenied(x.c.req('GET', url), 404);
    expect(await exportAudits(x, o.action, x.userId)).toHaveLength(before + 1);
  };
