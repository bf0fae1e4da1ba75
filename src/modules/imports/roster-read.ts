import { Worker } from 'node:worker_threads';
import { fieldError } from '../../shared/app-error';
import { fieldOfHeader, type RosterField } from './roster-columns';

/** A cell as the validator sees it: text, a number, a date, or a formula (never trusted). */
export type Cell = string | number | Date | { formula: string } | null;
export type SheetRow = { row: number; cells: Cell[] };
export type RosterSheet = {
  headerRow: number;
  /** Header text per column index (0-based), as written in the file. */
  headers: string[];
  columns: Partial<Record<RosterField, number>>;
  rows: SheetRow[];
};

const HEADER_SCAN_ROWS = 30;

export const cellText = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'object') return `=${c.formula}`;
  return String(c);
};

/** Rows of the first sheet, parsed in a worker thread so a big file never stalls the server. */
function readRows(file: Buffer, onRows: (rows: SheetRow[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./roster-read.worker.mjs', import.meta.url), { workerData: { file } });
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (err) reject(err);
      else resolve();
    };
    worker.on('message', (m: { rows?: SheetRow[]; done?: boolean; error?: string }) => {
      if (m.error) return finish(new Error(m.error));
      if (m.rows) onRows(m.rows);
      if (m.done) finish();
    });
    worker.on('error', finish);
    worker.on('exit', (code) => finish(new Error(`worker exited with ${code} before finishing`)));
  });
}

/**
 * Reads the first sheet of an .xlsx; `onRows` sees each batch of data rows as it arrives. The header row is the first of the top rows that names
 * at least three roster columns, one of them 姓名; title rows above it are skipped.
 */
export async function readRosterSheet(file: Buffer, onRows?: (sheet: RosterSheet, rows: SheetRow[]) => void): Promise<RosterSheet> {
  let sheet: RosterSheet | null = null;
  const rows: SheetRow[] = [];
  try {
    await readRows(file, (batch) => {
      const from = rows.length;
      for (const r of batch) {
        for (let i = 0; i < r.cells.length; i++) if (r.cells[i] === undefined) r.cells[i] = null;
        if (!sheet) {
          if (r.row <= HEADER_SCAN_ROWS) {
            const found = headerOf(r.row, r.cells);
            if (found) sheet = { ...found, rows };
          }
        } else if (r.cells.some((c) => cellText(c).trim() !== '')) {
          rows.push(r);
        }
      }
      // The rows of this batch, while the worker goes on parsing the next.
      if (sheet && onRows && rows.length > from) onRows(sheet, rows.slice(from));
    });
  } catch {
    throw fieldError('contentBase64', '文件无法读取，请上传 .xlsx 格式的 Excel 文件（.xls 请先在 Excel 中另存为 .xlsx）', 'The file cannot be read; upload an .xlsx Excel file (save an .xls as .xlsx first)');
  }
  if (!sheet) {
    throw fieldError('contentBase64', `在第一个工作表的前 ${HEADER_SCAN_ROWS} 行中找不到表头（至少要有“姓名”等三列），请使用导入模板`, `No header row (with “姓名” and at least two other roster columns) in the first ${HEADER_SCAN_ROWS} rows of the first sheet; use the template`);
  }
  return sheet;
}

function headerOf(rowNumber: number, cells: Cell[]): Omit<RosterSheet, 'rows'> | null {
  const columns: Partial<Record<RosterField, number>> = {};
  const headers = cells.map((c) => cellText(c).trim());
  headers.forEach((h, i) => {
    const f = h ? fieldOfHeader(h) : null;
    if (f && columns[f] === undefined) columns[f] = i;
  });
  if (columns.name === undefined || Object.keys(columns).length < 3) return null;
  return { headerRow: rowNumber, headers, columns };
}
