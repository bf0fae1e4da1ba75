import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { and, like, type SQL } from 'drizzle-orm';
import type { Protector } from '../../server/protect';
import { reachPaths } from '../../shared/actor';
import { RESIDENT_ROLES } from '../../shared/roles';
import { recordAudit } from '../../server/audit';
import { escapeLike, loadNodeFor, underAnyPath } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import type { Ctx } from '../../server/types';
import { rosterExportReader, type ExportedResident } from '../people';
import type { ExportQuery } from './imports.contract';
import { canImportInto, canSeeNode } from './imports.policy';
import { ROSTER_FIELDS, type RosterField } from './roster-columns';
import { rosterSheetColumns } from './roster-workbooks';
import { safeCellText } from '../../shared/text';

const GENDER_LABEL: Record<string, string> = { male: '男', female: '女' };

/**
 * Streams the roster as .xlsx (exceljs WorkbookWriter, a batch of rows at a time), with the
 * import template's columns so the file can be imported again. ID numbers and phones are
 * text cells (numFmt @), masked unless the user may reveal them over the row's village;
 * special-group tags and children under 14 only for those allowed to see them (people's
 * rosterExportReader applies both); every text that could run as a formula is neutralised.
 * The export is audited with its filter and size.
 */
export async function exportResidents({
  db,
  actor,
  protector,
  query,
}: Ctx & { protector: Protector; query: ExportQuery }): Promise<{ stream: PassThrough; done: Promise<void> }> {
  const nodeWhere: SQL[] = [underAnyPath(orgNodes.path, reachPaths(actor, RESIDENT_ROLES))];
  let scope: { id: string; path: string } | null = null;
  if (query.nodeId) {
    const node = await loadNodeFor(db, query.nodeId, (n) => canSeeNode(actor, n) && canImportInto(actor, n));
    scope = node;
    nodeWhere.push(like(orgNodes.path, `${escapeLike(node.path)}%`));
  }
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('居民名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = rosterSheetColumns();
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();

  // The villages (and their names) first, so each batch reads residents alone, by node and id.
  const nodeRows = await db
    .select({ id: orgNodes.id, path: orgNodes.path, name: orgNodes.name })
    .from(orgNodes)
    .where(and(...nodeWhere));
  const nodes = new Map(nodeRows.map((n) => [n.id, n]));
  const read = await rosterExportReader(db, { actor, protector, villages: nodes, tag: query.tag });

  let written = 0;
  const writeRows = async (residents: Iterable<ExportedResident>) => {
    for (const r of residents) {
      const values: Record<RosterField, string> = {
        name: r.name,
        gender: r.gender ? GENDER_LABEL[r.gender] : '',
        birthDate: r.birthDate ?? '',
        idNumber: r.idNumber ?? '',
        phone: r.phone ?? '',
        village: nodes.get(r.nodeId)!.name,
        headName: r.headName ?? '',
        relation: r.relationToHead ?? '',
        building: r.building ?? '',
        tags: r.tagLabels.join('、'),
        education: r.education ?? '',
        employment: r.employment ?? '',
        occupation: r.occupation ?? '',
        note: r.note ?? '',
      };
      // The ID and phone cells take the column's text format (@).
      ws.addRow(ROSTER_FIELDS.map((f) => safeCellText(values[f]))).commit();
      if (++written % 200 === 0) await new Promise(setImmediate);
    }
  };
  const audit = (failure?: { error: string }) =>
    recordAudit(db, {
      actor,
      node: scope,
      action: 'residents.export',
      entityType: 'resident',
      outcome: failure ? 'failed' : 'ok',
      summary: { nodeId: query.nodeId ?? null, tag: query.tag ?? null, rows: written, ...failure },
    });
  /** A failed export is audited as failed (with how far it got), whatever broke it. */
  const failed = async (err: unknown) => {
    await audit({ error: String((err as Error)?.message ?? err).slice(0, 200) }).catch(() => {});
  };

  // The first batch is read and written before anything is sent: a query that fails there
  // answers as an error, never as a 200 with a broken file.
  let batch: Awaited<ReturnType<typeof read>>;
  try {
    batch = await read();
    await writeRows(batch.residents);
  } catch (err) {
    await failed(err);
    out.destroy();
    throw err;
  }
  const rest = async () => {
    while (batch.next) {
      batch = await read(batch.next);
      await writeRows(batch.residents);
      await new Promise(setImmediate);
    }
    ws.commit();
    // Recorded before the file's last bytes go out, so a finished download is always audited.
    await audit();
    await wb.commit();
  };
  // Later, the headers are gone: the stream is destroyed, so the download ends as a failure
  // (the connection is cut before the end of the file), never as a whole-looking file.
  const done = rest().catch(async (err: unknown) => {
    await failed(err);
    out.destroy(err as Error);
    throw err;
  });
  return { stream: out, done };
}
