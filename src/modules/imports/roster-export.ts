import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { and, asc, eq, gt, inArray, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { Protector } from '../../server/protect';
import { reachPaths, type Actor } from '../../shared/actor';
import { hidden } from '../../shared/app-error';
import { maskIdCard } from '../../shared/id-card';
import { maskPhone } from '../../shared/phone';
import { RESIDENT_ROLES } from '../../shared/roles';
import { recordAudit } from '../../server/audit';
import { escapeLike, underAnyPath } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { households, residents, residentTagDefs, residentTags } from '../people';
import type { ExportQuery } from './imports.contract';
import { canRevealId, canRevealPhone, canSeeSensitive } from '../people/people.policy';
import { canImportInto, canSeeNode } from './imports.policy';
import { ROSTER_COLUMNS, ROSTER_FIELDS, type RosterField } from './roster-columns';
import { TEXT_FIELDS } from './roster-workbooks';
import { safeCellText } from '../../shared/text';

const BATCH = 5000;
const GENDER_LABEL: Record<string, string> = { male: '男', female: '女' };

function fourteenYearsAgo(today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() - 14, today.getUTCMonth(), today.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

/**
 * Streams the roster as .xlsx (exceljs WorkbookWriter, a batch of rows at a time), with the
 * import template's columns so the file can be imported again. ID numbers and phones are
 * text cells (numFmt @), masked unless the user may reveal them over the row's village;
 * special-group tags and children under 14 only for those allowed to see them; every text
 * that could run as a formula is neutralised. The export is audited with its filter and size.
 */
export async function exportResidents({
  db,
  actor,
  protector,
  query,
}: {
  db: Db;
  actor: Actor;
  protector: Protector;
  query: ExportQuery;
}): Promise<{ stream: PassThrough; done: Promise<void> }> {
  const nodeWhere: SQL[] = [underAnyPath(orgNodes.path, reachPaths(actor, RESIDENT_ROLES))];
  const where: SQL[] = [];
  let scope: { id: string; path: string } | null = null;
  if (query.nodeId) {
    const [node] = await db
      .select({ id: orgNodes.id, path: orgNodes.path })
      .from(orgNodes)
      .where(eq(orgNodes.id, query.nodeId));
    if (!node || !canSeeNode(actor, node) || !canImportInto(actor, node)) throw hidden();
    scope = node;
    nodeWhere.push(like(orgNodes.path, `${escapeLike(node.path)}%`));
  }
  if (query.tag)
    where.push(
      sql`exists (select 1 from ${residentTags} t where t.resident_id = ${residents.id} and t.tag = ${query.tag})`,
    );
  const counties = [
    ...new Set(
      reachPaths(actor, RESIDENT_ROLES)
        .map((p) => p.split('/')[1])
        .filter(Boolean),
    ),
  ];
  const defs = await db
    .select()
    .from(residentTagDefs)
    .where(counties.length ? inArray(residentTagDefs.countyId, counties) : sql`true`);
  const tagDef = new Map(defs.map((d) => [`${d.countyId}|${d.code}`, d]));

  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('居民名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ROSTER_FIELDS.map((f) => ({
    header: ROSTER_COLUMNS[f].header,
    key: f,
    width: ROSTER_COLUMNS[f].width,
    style: TEXT_FIELDS.has(f) ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const child = fourteenYearsAgo();

  // The villages (and their names) first, so each batch reads residents alone, by node and id.
  const nodeRows = await db
    .select({ id: orgNodes.id, path: orgNodes.path, name: orgNodes.name })
    .from(orgNodes)
    .where(and(...nodeWhere));
  const nodes = new Map(nodeRows.map((n) => [n.id, n]));
  const nodeIds = [...nodes.keys()];

  let written = 0;
  const summary = () => ({ nodeId: query.nodeId ?? null, tag: query.tag ?? null, rows: written });
  const batch = (after: string) =>
    db
      .select()
      .from(residents)
      .where(
        and(
          sql`${residents.nodeId} = any(${sql.param(nodeIds)}::uuid[])`,
          isNull(residents.anonymizedAt),
          gt(residents.id, after),
          ...where,
        ),
      )
      .orderBy(asc(residents.id))
      .limit(BATCH);
  const writeRows = async (rows: (typeof residents.$inferSelect)[]) => {
    const ids = sql.param(rows.map((x) => x.id));
    const tags = new Map<string, string[]>();
    for (const t of await db
      .select()
      .from(residentTags)
      .where(sql`${residentTags.residentId} = any(${ids}::uuid[])`))
      tags.set(t.residentId, [...(tags.get(t.residentId) ?? []), t.tag]);
    const householdIds = [...new Set(rows.map((r) => r.householdId).filter((h): h is string => !!h))];
    const heads = new Map(
      (householdIds.length
        ? await db
            .select({ id: households.id, headName: households.headName })
            .from(households)
            .where(sql`${households.id} = any(${sql.param(householdIds)}::uuid[])`)
        : []
      ).map((h) => [h.id, h.headName]),
    );
    for (const r of rows) {
      const node = nodes.get(r.nodeId)!;
      const sensitive = canSeeSensitive(actor, node);
      if (!sensitive && r.birthDate && r.birthDate > child) continue;
      const id = r.idNumberEnc ? protector.decrypt(r.idNumberEnc) : '';
      const labels = (tags.get(r.id) ?? [])
        .map((code) => tagDef.get(`${r.countyId}|${code}`))
        .filter((d) => d && (sensitive || !d.sensitive))
        .map((d) => d!.label);
      const values: Record<RosterField, string> = {
        name: r.name,
        gender: r.gender ? GENDER_LABEL[r.gender] : '',
        birthDate: r.birthDate ?? '',
        idNumber: id ? (canRevealId(actor, node) ? id : maskIdCard(id)) : '',
        phone: r.phone ? (canRevealPhone(actor, node) ? r.phone : maskPhone(r.phone)) : '',
        village: node.name,
        headName: (r.householdId && heads.get(r.householdId)) || '',
        relation: r.relationToHead ?? '',
        building: r.building ?? '',
        tags: labels.join('、'),
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
  /** A failed export is audited as failed (with how far it got), whatever broke it. */
  const failed = async (err: unknown) => {
    await recordAudit(db, {
      actor,
      node: scope,
      action: 'residents.export',
      entityType: 'resident',
      outcome: 'failed',
      summary: { ...summary(), error: String((err as Error)?.message ?? err).slice(0, 200) },
    }).catch(() => {});
  };

  // The first batch is read and written before anything is sent: a query that fails there
  // answers as an error, never as a 200 with a broken file.
  let rows: Awaited<ReturnType<typeof batch>>;
  try {
    rows = await batch('00000000-0000-0000-0000-000000000000');
    await writeRows(rows);
  } catch (err) {
    await failed(err);
    out.destroy();
    throw err;
  }
  const rest = async () => {
    while (rows.length === BATCH) {
      rows = await batch(rows[rows.length - 1].id);
      await writeRows(rows);
      await new Promise(setImmediate);
    }
    ws.commit();
    // Recorded before the file's last bytes go out, so a finished download is always audited.
    await recordAudit(db, {
      actor,
      node: scope,
      action: 'residents.export',
      entityType: 'resident',
      summary: summary(),
    });
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
