// Parses an .xlsx off the main thread (exceljs's full reader) and posts its first sheet's
// rows in batches as plain values. Plain JavaScript so it runs the same under tsx, vitest
// and node. Not the exceljs streaming reader: it decodes each chunk of XML on its own and
// so breaks Chinese characters that straddle two chunks (measured: “批量偱” → “批���偱”).
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

const BATCH = 2000;

function toCell(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    if (v.formula || v.sharedFormula) return { formula: String(v.formula ?? v.sharedFormula) };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (typeof v.text === 'string') return v.text;
    if (v.error) return String(v.error);
  }
  return String(v);
}

try {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(workerData.file);
  const ws = wb.worksheets[0];
  let batch = [];
  ws?.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values;
    const cells = [];
    for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
    batch.push({ row: number, cells });
    if (batch.length >= BATCH) {
      parentPort.postMessage({ rows: batch });
      batch = [];
    }
  });
  parentPort.postMessage({ rows: batch, done: true });
} catch (err) {
  parentPort.postMessage({ error: String(err?.message ?? err) });
}
