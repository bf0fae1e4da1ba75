// Parses an .xlsx off the main thread with exceljs's streaming reader and posts the first
// sheet's rows in batches as plain values. Plain JavaScript so it runs the same under tsx,
// vitest and node.
//
// The streaming reader decodes each chunk of XML on its own (lib/utils/browser-buffer-decode),
// which breaks a Chinese character that straddles two chunks (measured: “批量偱” came back as
// “批���偱”). Its parser takes the decoder when it loads, so it is replaced here first by one
// that carries an unfinished character over to the next chunk. The reader parses one zip entry
// at a time and every XML part ends on a whole character, so one decoder serves them all.
// (The full reader, wb.xlsx.load, has no such bug but took 6–9 s against 3 s for 100,000 rows.)
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const decoding = require('exceljs/lib/utils/browser-buffer-decode');
const decoder = new TextDecoder('utf-8');
decoding.bufferToString = (chunk) => (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
const ExcelJS = require('exceljs');

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
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([workerData.file]), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  });
  let batch = [];
  for await (const ws of reader) {
    for await (const row of ws) {
      const values = row.values ?? [];
      const cells = [];
      for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
      batch.push({ row: row.number, cells });
      if (batch.length >= BATCH) {
        parentPort.postMessage({ rows: batch });
        batch = [];
      }
    }
    break; // the first sheet only
  }
  parentPort.postMessage({ rows: batch, done: true });
} catch (err) {
  parentPort.postMessage({ error: String(err?.message ?? err) });
}
// Stay alive until the main thread, having read the last message, terminates us: the only 'exit'
// it then sees is a crash. (Node delivers messages before 'exit' anyway; this keeps it explicit.)
parentPort.on('message', () => {});
