// Parses an .xlsx off the main thread with exceljs's streaming reader and posts every visible
// sheet's rows in batches as plain values. Plain JavaScript so it runs the same under tsx,
// vitest and node. The main thread starts it with a capped heap (resourceLimits): a file that
// needs more memory than that ends this worker, never the server.
//
// A zip can expand a thousandfold (10 MB → 12 million rows), so before exceljs sees the file the
// worker inflates every entry once, counting bytes and throwing the output away, and refuses a
// file whose parts add up to more than `maxXmlBytes`: exceljs would otherwise copy a sheet that
// comes before the shared strings to a temporary file of any size. While parsing it counts rows
// and stops past `maxRows`.
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
// exceljs's own unzipper, so the count sees the parts exactly as exceljs will.
const unzip = createRequire(require.resolve('exceljs'))('unzipper');

const BATCH = 2000;

class Limit extends Error {
  constructor(kind) {
    super(kind);
    this.kind = kind;
  }
}

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

/** Inflates every entry, counting; throws Limit('bytes') as soon as the total passes the limit. */
async function countUncompressed(file, max) {
  let total = 0;
  const zip = Readable.from([file]).pipe(unzip.Parse({ forceStream: true }));
  for await (const entry of zip) {
    for await (const chunk of entry) {
      total += chunk.length;
      if (total > max) {
        zip.destroy();
        throw new Limit('bytes');
      }
    }
  }
  return total;
}

try {
  const { file, maxRows, maxXmlBytes } = workerData;
  const xmlBytes = await countUncompressed(file, maxXmlBytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  });
  let batch = [];
  let rows = 0;
  let sheet = -1;
  for await (const ws of reader) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') {
      for await (const _row of ws) { /* drained: a hidden sheet holds lists, not people */ }
      continue;
    }
    sheet++;
    parentPort.postMessage({ rows: batch, sheet: { index: sheet, name: String(ws.name ?? `Sheet${sheet + 1}`) } });
    batch = [];
    for await (const row of ws) {
      if (++rows > maxRows) throw new Limit('rows');
      const values = row.values ?? [];
      const cells = [];
      for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
      batch.push({ row: row.number, sheet, cells });
      if (batch.length >= BATCH) {
        parentPort.postMessage({ rows: batch });
        batch = [];
      }
    }
  }
  parentPort.postMessage({ rows: batch, done: true, xmlBytes });
} catch (err) {
  parentPort.postMessage(err instanceof Limit ? { limit: err.kind } : { error: String(err?.message ?? err) });
}
// Stay alive until the main thread, having read the last message, terminates us: the only 'exit'
// it then sees is a crash. (Node delivers messages before 'exit' anyway; this keeps it explicit.)
parentPort.on('message', () => {});
