// Parses an .xlsx off the main thread with exceljs's streaming reader and posts every visible
// sheet's rows in batches as plain values. Plain JavaScript so it runs the same under tsx,
// vitest and node. The main thread starts it with a capped heap (resourceLimits): a file that
// needs more memory than that ends this worker, never the server.
//
// A zip can expand a thousandfold (10 MB → 12 million rows), so before exceljs sees the file the
// worker inflates every part once, counting bytes and throwing the output away, and refuses a
// file whose parts add up to more than `maxXmlBytes`. While parsing it counts rows and stops
// past `maxRows`.
//
// The same pass collects each sheet's merged ranges (<mergeCell ref="B5:B12"/>, which come
// after <sheetData>, so exceljs's streaming reader has passed every row before it sees them):
// a village column merged down over its rows must read as the village on every row. At most
// MAX_MERGES ranges are kept over the file (ranges past it are ignored) so memory stays bounded.
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
const sheetNumber = (path) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path)?.[1] ?? NaN);

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

const MAX_MERGES = 50_000;
const MERGE = /<mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/g;
/** A column's letters as an index from 0 (A → 0), the index of the row's cells. */
const column = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/**
 * Inflates every part once, counting; throws Limit('bytes') as soon as the total passes the limit.
 * Sheets' merged ranges go into `merges` (path → [top row, left column, bottom row, right column]).
 * A chunk is read as latin1 (the refs are ASCII) and its last bytes carried over, so a ref cut
 * between two chunks is still found.
 */
async function countUncompressed(parts, max, merges) {
  let total = 0;
  let kept = 0;
  for (const part of parts) {
    const ranges = sheetNumber(part.path) >= 0 ? [] : null;
    let carry = '';
    for await (const chunk of part.stream()) {
      total += chunk.length;
      if (total > max) throw new Limit('bytes');
      if (!ranges) continue;
      const text = carry + chunk.toString('latin1');
      let end = 0;
      if (text.includes('<mergeCell')) {
        for (const m of text.matchAll(MERGE)) {
          end = m.index + m[0].length;
          if (kept >= MAX_MERGES) continue;
          const [top, left, bottom, right] = [Number(m[2]), column(m[1]), Number(m[4]), column(m[3])];
          if (bottom >= top && right >= left) {
            ranges.push([top, left, bottom, right]);
            kept++;
          }
        }
      }
      carry = text.slice(Math.max(end, text.length - 256));
    }
    if (ranges?.length) merges.set(part.path, ranges);
  }
  return total;
}

/**
 * The workbook's sheets as exceljs stream readers, its parts taken from the zip's central
 * directory in the order they are needed (relations, workbook, shared strings, styles, then
 * each sheet) whatever their order in the file. exceljs's own walk of the zip (WorkbookReader
 * .parse) relies on unzipper's entry stream, which now and then ended early (about one read in
 * 150: sheets without their names or shared strings, "reading 'sheets'", the "file cannot be
 * read" flake), and copies a sheet that comes before the shared strings to a temporary file.
 */
async function* worksheets(reader, byPath) {
  const part = (path) => byPath.get(path)?.stream();
  if (byPath.has('xl/_rels/workbook.xml.rels')) await reader._parseRels(part('xl/_rels/workbook.xml.rels'));
  if (byPath.has('xl/workbook.xml')) await reader._parseWorkbook(part('xl/workbook.xml'));
  reader.workbookRels ??= [];
  reader.model ??= { sheets: [] };
  if (byPath.has('xl/sharedStrings.xml'))
    for await (const _ of reader._parseSharedStrings(part('xl/sharedStrings.xml'))) {
      /* cached by exceljs */
    }
  reader.sharedStrings ??= [];
  if (byPath.has('xl/styles.xml')) await reader._parseStyles(part('xl/styles.xml'));
  const sheets = [...byPath.keys()].filter((p) => sheetNumber(p) >= 0).sort((x, y) => sheetNumber(x) - sheetNumber(y));
  for (const path of sheets) {
    for (const event of reader._parseWorksheet(part(path), String(sheetNumber(path)))) {
      if (event.eventType === 'worksheet') yield [event.value, path];
    }
  }
}

try {
  const { file, maxRows, maxXmlBytes } = workerData;
  const directory = await unzip.Open.buffer(file);
  const files = directory.files.filter((f) => f.type === 'File');
  const merges = new Map();
  const xmlBytes = await countUncompressed(files, maxXmlBytes, merges);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let batch = [];
  let rows = 0;
  let sheet = -1;
  for await (const [ws, path] of worksheets(reader, new Map(files.map((f) => [f.path, f])))) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') {
      for await (const _row of ws) {
        /* drained: a hidden sheet holds lists, not people */
      }
      continue;
    }
    sheet++;
    parentPort.postMessage({
      rows: batch,
      sheet: { index: sheet, name: String(ws.name ?? `Sheet${sheet + 1}`), merges: merges.get(path) ?? [] },
    });
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
