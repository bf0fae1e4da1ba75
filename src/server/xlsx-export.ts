import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { disposition } from './download';
import { AppError } from '../shared/app-error';
import { chinaToday } from '../shared/china-time';
import { XLSX } from '../shared/endpoint';
import { safeCellText } from '../shared/text';
import { recordAudit } from './audit';
import { pathsOf } from './tree-scope';
import type { Ctx } from './types';

export type ExportCell = string | number | null | undefined;

/** One column of an exported list: its heading and how a row of the list fills it. */
export type ExportColumn<T> = {
  header: string;
  /** Width in characters (default 16). */
  width?: number;
  /** Kept as text whatever it looks like (phones, ID numbers: Excel would make them numbers). */
  text?: boolean;
  /** An Excel number format for a number column, e.g. '#,##0.00' for yuan (the cells stay numbers: they sum). */
  numFmt?: string;
  value: (row: T) => ExportCell;
};

/** A list's export: how to read it (the list's own read) and what to write and audit. */
export type ListExport<T> = {
  /** The sheet's name and the file's, before the date: 师资库 → 师资库-2026-12-07.xlsx. */
  name: string;
  columns: ExportColumn<T>[];
  /**
   * One page of the list, read by the list's own service with the same filters: the same rows,
   * the same tree scope, the same masking as the screen shows.
   */
  readPage: (page: number, pageSize: number) => Promise<{ items: T[] }>;
  /** The audit row: `<module>.export`, the kind of rows, the filters as given. */
  action: string;
  entityType: string;
  entityId?: string;
  filters: Record<string, unknown>;
  /**
   * The node the export is filed under in the trail (the filter's node; asked after the first
   * page, so a list that names its node there can tell). Default: the user's widest scope.
   */
  nodeId?: () => string | null | undefined;
};

/** A list's query without its paging: the filters an export is asked with. */
export type ListFilters<Q> = Omit<Q, 'page' | 'pageSize'>;

/**
 * The export of a paged list read by its own find: every page with the filters as given, and
 * those filters in the audit row.
 */
export function pagedExport<Q extends { page: number; pageSize: number }, T>(
  ctx: Ctx,
  find: (c: Ctx & { query: Q }) => Promise<{ items: T[] }>,
  query: ListFilters<Q>,
  spec: Omit<ListExport<T>, 'filters' | 'readPage'>,
): ListExport<T> {
  return {
    ...spec,
    filters: query,
    readPage: (page, pageSize) => find({ ...ctx, query: { ...query, page, pageSize } as Q }),
  };
}

/** Rows read per page: memory holds one page and the zip's buffers, whatever the list's size. */
export const EXPORT_PAGE_SIZE = 500;
/** A sheet holds at most 1,048,576 rows, one of them the headings. */
const SHEET_ROWS_MAX = 1_048_575;
/** Bytes waiting for a slow download before reading the next page. */
const BUFFERED_MAX = 4 * 1024 * 1024;

const cell = (v: ExportCell) => (typeof v === 'string' ? safeCellText(v) : (v ?? ''));

/**
 * Sends a list as .xlsx, streamed (exceljs WorkbookWriter into the reply, a page of rows at a
 * time), and audits it once with its filters and row count. The first page is read before any
 * byte is sent, so a refused filter (another town's node) answers as the list would (404/403)
 * and writes no export row; a later failure cuts the download and is audited as failed.
 */
export async function sendListExport<T>(reply: FastifyReply, { db, actor }: Ctx, spec: ListExport<T>) {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c, i) => ({
    key: String(i),
    header: c.header,
    width: c.width ?? 16,
    style: c.text ? { numFmt: '@' } : c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();

  let written = 0;
  const write = async (items: T[]) => {
    for (const row of items) {
      if (written >= SHEET_ROWS_MAX) return;
      ws.addRow(spec.columns.map((c) => cell(c.value(row)))).commit();
      written++;
    }
    // A slow download: wait for it rather than hold the file in memory.
    while (out.readableLength > BUFFERED_MAX && !out.destroyed) await sleep(20);
    if (out.destroyed) throw new Error('download closed before the end');
  };
  const audit = async (failure?: { error: string }) => {
    const nodeId = spec.nodeId?.();
    const path = nodeId ? (await pathsOf(db, [nodeId])).get(nodeId) : undefined;
    const widest = [...actor.scopes].sort((a, b) => a.path.length - b.path.length)[0];
    const node = nodeId && path ? { id: nodeId, path } : widest ? { id: widest.nodeId, path: widest.path } : null;
    const filters = Object.fromEntries(Object.entries(spec.filters).filter(([, v]) => v !== undefined && v !== ''));
    await recordAudit(db, {
      actor,
      node,
      action: spec.action,
      entityType: spec.entityType,
      entityId: spec.entityId,
      outcome: failure ? 'failed' : 'ok',
      summary: { filters, rows: written, ...failure },
    });
  };
  const failed = (err: unknown) =>
    audit({ error: String((err as Error)?.message ?? err).slice(0, 200) }).catch(() => {});

  let page = 1;
  let last: { items: T[] };
  try {
    last = await spec.readPage(page, EXPORT_PAGE_SIZE);
    await write(last.items);
  } catch (err) {
    out.destroy();
    // A refusal of the list (not found, forbidden, bad filter) is the list's answer, not a failed export.
    if (!(err instanceof AppError)) await failed(err);
    throw err;
  }
  const rest = async () => {
    while (last.items.length === EXPORT_PAGE_SIZE && written < SHEET_ROWS_MAX) {
      last = await spec.readPage(++page, EXPORT_PAGE_SIZE);
      await write(last.items);
    }
    ws.commit();
    // Recorded before the file's last bytes go out, so a finished download is always audited.
    await audit();
    await wb.commit();
  };
  rest().catch(async (err: unknown) => {
    reply.log.error({ err, action: spec.action }, 'list export failed after it started; the download was cut');
    await failed(err);
    out.destroy(err as Error);
  });
  return reply
    .type(XLSX)
    .header('content-disposition', disposition('attachment', `${spec.name}-${chinaToday()}.xlsx`))
    .send(out);
}
