import { Worker } from 'node:worker_threads';
import { fieldError } from '../../shared/app-error';
import type { ColumnMapping } from './imports.contract';
import { importLimits, type ImportLimits } from './roster-limits';
import { findHeader, headerKey, isSkipRow, type FoundHeader } from './roster-header';
import type { RosterField } from './roster-columns';

/** A cell as the validator sees it: text, a number, a date, or a formula (never trusted). */
export type Cell = string | number | Date | { formula: string } | null;
/** One row of one sheet (`sheet` indexes RosterBook.sheets). */
export type SheetRow = { row: number; sheet: number; cells: Cell[] };
export type RosterSheet = FoundHeader & {
  index: number;
  name: string;
  /** The Excel row number of the (last) header row. */
  headerRow: number;
  /** The normalised header set, for the remembered mapping. */
  key: string;
  /** Where the columns came from: recognised, a mapping remembered for these headers, or chosen for this file. */
  source: 'auto' | 'remembered' | 'chosen';
};
/** A totals, signature or note row: not a person, named in the preview. */
export type SkippedRow = { sheet: string; row: number; text: string };
export type RosterBook = {
  sheets: RosterSheet[];
  rows: SheetRow[];
  skipped: SkippedRow[];
  /** Visible sheets without a header row (a notes sheet, an empty one). */
  unread: string[];
};

export type ReadOptions = {
  /** Chosen for this file: normalised header → field (null: ignore the column). */
  mapping?: ColumnMapping | null;
  /** The county's remembered mappings, by header set. */
  remembered?: Map<string, ColumnMapping>;
  /** Sees each batch of data rows as it arrives (to check them while the rest is parsed). */
  onRows?: (book: RosterBook, rows: SheetRow[]) => void;
  limits?: ImportLimits;
};

const HEADER_SCAN_ROWS = 30;

export const cellText = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'object') return `=${c.formula}`;
  return String(c);
};

/** A merged block of cells: [top row, left column, bottom row, right column], rows as in Excel, columns from 0. */
type Merge = [number, number, number, number];
type WorkerMessage = {
  rows?: SheetRow[];
  sheet?: { index: number; name: string; merges: Merge[] };
  done?: boolean;
  limit?: 'rows' | 'bytes';
  error?: string;
};
/** The merged blocks of one sheet, passed in row order: `next` is the first not yet reached, `open` those over the current row with their top-left value. */
type Merges = { all: Merge[]; next: number; open: { m: Merge; value: Cell }[] };

/**
 * Fills a data row's cells that lie in a merged block below its top row with the top-left
 * cell's value: a village (or household) column merged down over its rows reads as that village
 * on every row. Only blocks that start below the header count (the header rows are joined by
 * their own logic), and a block fills down, not across: a total or note merged across a row
 * keeps its one cell, as before. Rows arrive in order, so the top-left value is remembered as
 * its row passes; a block whose top row was empty fills nothing.
 */
function fillMerged(merges: Merges, headerRow: number, r: SheetRow) {
  while (merges.next < merges.all.length && merges.all[merges.next][0] <= r.row) {
    const m = merges.all[merges.next++];
    if (m[0] > headerRow && m[2] >= r.row)
      merges.open.push({ m, value: m[0] === r.row ? (r.cells[m[1]] ?? null) : null });
  }
  if (merges.open.some((o) => o.m[2] < r.row)) merges.open = merges.open.filter((o) => o.m[2] >= r.row);
  for (const { m, value } of merges.open) {
    if (m[0] === r.row || value === null || cellText(value).trim() === '') continue;
    while (r.cells.length <= m[3]) r.cells.push(null);
    for (let c = m[1]; c <= m[3]; c++) r.cells[c] = value;
  }
}

class ReadLimit extends Error {
  constructor(readonly kind: 'rows' | 'bytes' | 'memory') {
    super(kind);
  }
}

/** Every visible sheet's rows, parsed in a worker thread with a capped heap, so a big or hostile file never stalls or ends the server. */
function readRows(file: Buffer, limits: ImportLimits, onMessage: (m: WorkerMessage) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./roster-read.worker.mjs', import.meta.url), {
      workerData: { file, maxRows: limits.maxRows, maxXmlBytes: limits.maxXmlBytes },
      resourceLimits: {
        maxOldGenerationSizeMb: limits.heapMb,
        maxYoungGenerationSizeMb: Math.min(32, Math.max(4, limits.heapMb / 8)),
      },
    });
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (err) reject(err);
      else resolve();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.limit) return finish(new ReadLimit(m.limit));
      if (m.error) return finish(new Error(m.error));
      try {
        onMessage(m);
      } catch (err) {
        return finish(err as Error);
      }
      if (m.done) finish();
    });
    worker.on('error', (err: Error & { code?: string }) =>
      finish(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ReadLimit('memory') : err),
    );
    worker.on('exit', (code) => finish(new Error(`worker exited with ${code} before finishing`)));
  });
}

function limitError(kind: ReadLimit['kind'], limits: ImportLimits) {
  const mb = Math.round(limits.maxXmlBytes / 1048576);
  if (kind === 'rows')
    return fieldError(
      'contentBase64',
      `表格超过 ${limits.maxRows} 行，请分成几个文件导入`,
      `The file has more than ${limits.maxRows} rows; split it into several files`,
    );
  if (kind === 'bytes')
    return fieldError(
      'contentBase64',
      `文件解压后超过 ${mb} MB，不像是一份名册（可能有大量空行或格式），请只保留名册内容后再上传`,
      `The file expands to more than ${mb} MB, which no roster needs (empty formatted rows?); keep only the roster and upload again`,
    );
  return fieldError(
    'contentBase64',
    '文件太复杂，读取时超出了内存限制，请只保留名册内容、分成几个文件后再上传',
    'The file is too complex: reading it went past the memory limit. Keep only the roster, split it and upload again',
  );
}

/**
 * Reads every visible sheet of an .xlsx. Per sheet, the header is found among the top rows
 * (title rows above it are skipped; a header over two rows is joined); its columns come from
 * the chosen mapping, else one remembered for the same headers, else recognition. Totals and
 * signature rows are set aside as skipped.
 */
export async function readRoster(file: Buffer, opts: ReadOptions = {}): Promise<RosterBook> {
  const limits = opts.limits ?? importLimits();
  const book: RosterBook = { sheets: [], rows: [], skipped: [], unread: [] };
  let current: { index: number; name: string; top: SheetRow[]; merges: Merges; sheet?: RosterSheet } | null = null;

  const endSheet = () => {
    if (current && !current.sheet) {
      if (!locate(current, true) && current.top.length) book.unread.push(current.name);
    }
  };
  /** Tries to find the header among the top rows; on success the rows below it are data. */
  const locate = (c: NonNullable<typeof current>, final: boolean): boolean => {
    const found = findHeader(
      c.top.map((r) => r.cells),
      final,
    );
    if (!found) return false;
    const key = headerKey(found.headers);
    const chosen = opts.mapping ? 'chosen' : opts.remembered?.has(key) ? 'remembered' : 'auto';
    const mapping = opts.mapping ?? opts.remembered?.get(key);
    const columns = mapping ? applyMapping(found, mapping) : found.columns;
    const sheet: RosterSheet = {
      ...found,
      headerRow: c.top[found.at].row + found.span - 1,
      columns,
      index: book.sheets.length,
      name: c.name,
      key,
      source: chosen,
    };
    c.sheet = sheet;
    book.sheets.push(sheet);
    const below = c.top.slice(found.at + found.span);
    c.top = [];
    take(sheet, below, c.merges);
    return true;
  };
  const take = (sheet: RosterSheet, rows: SheetRow[], merges: Merges) => {
    const from = book.rows.length;
    for (const r of rows) {
      if (!r.cells.some((x) => cellText(x).trim() !== '')) continue;
      fillMerged(merges, sheet.headerRow, r);
      const skip = isSkipRow(r.cells, sheet.columns.name);
      if (skip) book.skipped.push({ sheet: sheet.name, row: r.row, text: skip });
      else book.rows.push({ ...r, sheet: sheet.index });
    }
    if (opts.onRows && book.rows.length > from) opts.onRows(book, book.rows.slice(from));
  };

  try {
    await readRows(file, limits, (m) => {
      for (const r of m.rows ?? []) {
        for (let i = 0; i < r.cells.length; i++) if (r.cells[i] === undefined) r.cells[i] = null;
        if (!current) continue;
        if (current.sheet) {
          take(current.sheet, [r], current.merges);
        } else if (r.row <= HEADER_SCAN_ROWS + 1) {
          current.top.push(r);
          locate(current, false);
        }
      }
      if (m.sheet || m.done) endSheet();
      if (m.sheet)
        current = {
          index: m.sheet.index,
          name: m.sheet.name,
          top: [],
          merges: { all: m.sheet.merges.sort((a, b) => a[0] - b[0]), next: 0, open: [] },
        };
    });
  } catch (err) {
    if (err instanceof ReadLimit) throw limitError(err.kind, limits);
    if (err && typeof err === 'object' && 'code' in err && (err as { code: string }).code === 'VALIDATION_FAILED')
      throw err;
    throw Object.assign(
      fieldError(
        'contentBase64',
        '文件无法读取，请上传 .xlsx 格式的 Excel 文件（.xls 请先在 Excel 中另存为 .xlsx）',
        'The file cannot be read; upload an .xlsx Excel file (save an .xls as .xlsx first)',
      ),
      { cause: err },
    );
  }
  if (book.sheets.length === 0) {
    throw fieldError(
      'contentBase64',
      `在各工作表的前 ${HEADER_SCAN_ROWS} 行中找不到表头（至少要有“姓名”等三列），请使用导入模板`,
      `No header row (with “姓名” and at least two other roster columns) in the first ${HEADER_SCAN_ROWS} rows of any sheet; use the template`,
    );
  }
  const noName = book.sheets.find((s) => s.columns.name === undefined);
  if (noName)
    throw fieldError(
      'mapping',
      `工作表“${noName.name}”没有对应“姓名”的列，请为姓名选择一列`,
      `Sheet “${noName.name}” has no column for the name; choose one`,
    );
  return book;
}

/** The recognised columns with a mapping laid over them: a mapped header takes its field (or none). */
function applyMapping(found: FoundHeader, mapping: ColumnMapping): Partial<Record<RosterField, number>> {
  const columns: Partial<Record<RosterField, number>> = {};
  const decided = new Set<number>();
  found.normalized.forEach((h, i) => {
    if (!h || !(h in mapping)) return;
    decided.add(i);
    const f = mapping[h];
    if (f && columns[f] === undefined) columns[f] = i;
  });
  for (const [f, i] of Object.entries(found.columns) as [RosterField, number][])
    if (!decided.has(i) && columns[f] === undefined) columns[f] = i;
  return columns;
}
