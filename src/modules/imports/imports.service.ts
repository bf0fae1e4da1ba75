import crypto from 'node:crypto';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client';
import type { Protector } from '../../server/protect';
import type { Actor } from '../../shared/actor';
import { AppError, fieldError, hidden } from '../../shared/app-error';
import { recordAudit } from '../../server/audit';
import { loadNodeToWrite, nodeBrief, pathsOf } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { analyzeRoster, rosterFingerprint, writeRoster } from '../people';
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ISSUES,
  type ColumnMapping,
  type ImportCounts,
  type ImportIssue,
  type ImportJob,
  type ImportSheet,
  type ImportStatus,
  type ImportUpload,
} from './imports.contract';
import { canImportInto, canSeeNode } from './imports.policy';
import { importJobs } from './imports.table';
import { rememberedMappings, rememberMapping, sheetsOf } from './roster-mappings';
import type { ReadOptions, RosterBook, SkippedRow } from './roster-read';
import { countyOf, loadContext, planRows, readAndValidate } from './roster-pipeline';

/** What import_jobs.report holds. Issues beyond STORED_ISSUES are counted, not kept. */
type Report = {
  counts: ImportCounts;
  issues: ImportIssue[];
  issuesTotal: number;
  result?: { created: number; updated: number; unchanged: number };
  /** The mapping chosen for this file (a commit that reads the file again uses it). */
  mapping?: ColumnMapping | null;
  sheets?: ImportSheet[];
  skipped?: SkippedRow[];
  unreadSheets?: string[];
};
const MAX_SKIPPED = 1000;
const STORED_ISSUES = 100_000;

type Ctx = {
  db: Db;
  actor: Actor;
  protector: Protector;
  /** PGlite: one session, no other transaction can run meanwhile. */ exclusive?: boolean;
};
type Scope = { id: string; path: string; name: string; level: string };
type Checked = Awaited<ReturnType<typeof readAndValidate>> & { planned?: Planned };
/** The preview's plan, and the county's roster fingerprint it was made against. */
type Planned = { plan: Awaited<ReturnType<typeof planRows>>; seen: string };

/**
 * The parsed and checked rows of the latest previews, so that "import the good rows" need
 * not read a big file again (seconds for 100,000 rows). A commit without an entry (another
 * process, a restart, older than the limit) reads the kept file again.
 */
const recentPreviews = new Map<string, Checked & { at: number }>();
const RECENT_MAX = 2;
const RECENT_MS = 30 * 60_000;

function rememberPreview(id: string, c: Checked): void {
  recentPreviews.set(id, { ...c, at: Date.now() });
  while (recentPreviews.size > RECENT_MAX) recentPreviews.delete(recentPreviews.keys().next().value!);
}

/** The checked rows of a job: from the recent preview when its villages are still in scope, else read again. */
async function checkedRows(
  db: Db,
  jobId: string,
  scope: Scope,
  digest: (s: string) => string,
  mapping: ColumnMapping | null,
): Promise<Checked> {
  const recent = recentPreviews.get(jobId);
  recentPreviews.delete(jobId);
  if (recent && Date.now() - recent.at < RECENT_MS) {
    const centres = [...new Set(recent.checked.good.map((r) => r.centre.id))];
    const paths = await pathsOf(db, centres);
    if (centres.every((id) => paths.get(id)?.startsWith(scope.path))) return recent;
  }
  const file = await fileOf(db, jobId);
  if (!file) throw notPending();
  return readAndValidate(file, await loadContext(db, scope, digest), {
    mapping,
    remembered: await rememberedMappings(db, countyOf(scope.path)),
  });
}

async function scopeNode(db: DbOrTx, actor: Actor, nodeId: string) {
  return loadNodeToWrite(
    db,
    nodeId,
    { mayRead: (n) => canSeeNode(actor, n), mayWrite: (n) => canImportInto(actor, n) },
    ['town', 'centre'],
    {
      field: 'nodeId',
      zh: '请选择一个镇（街道）或村（社区）作为导入范围',
      en: 'Choose a town or a village/community centre as the scope',
    },
  );
}

function decodeFile(input: ImportUpload): Buffer {
  const file = Buffer.from(input.contentBase64, 'base64');
  if (file.length > IMPORT_MAX_BYTES)
    throw fieldError('contentBase64', '文件不能超过 20 MB', 'The file may be at most 20 MB');
  if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) {
    throw fieldError(
      'contentBase64',
      '这不是 .xlsx 文件。旧的 .xls 请先在 Excel 中“另存为” .xlsx',
      'This is not an .xlsx file; save an old .xls as .xlsx first',
    );
  }
  return file;
}

/**
 * Reads and checks the file, then plans its good rows against the county's roster as it is now,
 * noting the roster's fingerprint (a commit re-plans only when it moved); with the job's report.
 */
async function checkAndPlan(
  { db, actor, protector }: Ctx,
  scope: Scope,
  file: Buffer,
  opts: Pick<ReadOptions, 'mapping' | 'remembered'>,
): Promise<{ checked: Checked & { planned: Planned }; report: Report }> {
  const checked = await readAndValidate(file, await loadContext(db, scope, protector.digest), opts);
  const seen = await rosterFingerprint(db, countyOf(scope.path));
  const plan = await planRows(db, checked.book, scope, checked.checked, actor);
  return {
    checked: { ...checked, planned: { plan, seen } },
    report: reportOf(checked.book, plan, opts.mapping ?? null),
  };
}

function reportOf(book: RosterBook, plan: Awaited<ReturnType<typeof planRows>>, mapping: ColumnMapping | null): Report {
  return {
    counts: plan.counts,
    issues: plan.issues.slice(0, STORED_ISSUES),
    issuesTotal: plan.issues.length,
    mapping,
    sheets: sheetsOf(book),
    skipped: book.skipped.slice(0, MAX_SKIPPED),
    unreadSheets: book.unread,
  };
}

/** Reads, checks and matches the file; keeps it with its report as a job to commit or discard. */
export async function previewImport({
  db,
  actor,
  protector,
  input,
}: Ctx & { input: ImportUpload }): Promise<ImportJob> {
  const node = await scopeNode(db, actor, input.nodeId);
  const file = decodeFile(input);
  const remembered = await rememberedMappings(db, countyOf(node.path));
  const { checked, report } = await checkAndPlan({ db, actor, protector }, node, file, { remembered });
  const { counts } = checked.planned.plan;
  const id = await db.transaction(async (tx) => {
    const [job] = await tx
      .insert(importJobs)
      .values({
        kind: 'residents',
        nodeId: node.id,
        createdBy: actor.userId,
        fileName: input.fileName,
        file,
        status: 'previewed',
        fileSha256: crypto.createHash('sha256').update(file).digest('hex'),
        totalRows: counts.total,
        goodRows: counts.good,
        badRows: counts.bad,
        report,
      })
      .returning({ id: importJobs.id });
    await auditJob(tx, actor, job.id, node, 'import.preview', { fileName: input.fileName, ...counts });
    return job.id;
  });
  rememberPreview(id, checked);
  return getImport({ db, actor, id });
}

/**
 * Reads the kept file again with the columns the user chose (a header → field, or null to
 * ignore it), replaces the preview's report, and remembers the choice for the county's next
 * file with the same headers. Audited.
 */
export async function remapImport({
  db,
  actor,
  protector,
  id,
  mapping,
}: Ctx & { id: string; mapping: ColumnMapping }): Promise<ImportJob> {
  const { job, hasFile, node: scope } = await jobRow(db, actor, id);
  if (job.status !== 'previewed' || !hasFile) throw notPending();
  const countyId = countyOf(scope.path);
  const file = (await fileOf(db, id))!;
  const { checked, report } = await checkAndPlan({ db, actor, protector }, scope, file, { mapping });
  const { counts } = checked.planned.plan;
  await db.transaction(async (tx) => {
    await pendingJob(tx, actor, id);
    await tx
      .update(importJobs)
      .set({ report, totalRows: counts.total, goodRows: counts.good, badRows: counts.bad })
      .where(eq(importJobs.id, id));
    await rememberMapping(tx, { actor, countyId, book: checked.book, mapping });
    await auditJob(tx, actor, id, scope, 'import.remap', {
      fileName: job.fileName,
      mapping,
      ...counts,
    });
  });
  rememberPreview(id, checked);
  return getImport({ db, actor, id });
}

/** The audit row of one step of an import job (preview, remap, commit, discard). */
function auditJob(
  tx: DbOrTx,
  actor: Actor,
  jobId: string,
  node: { id: string; path: string },
  action: string,
  summary: Record<string, unknown>,
): Promise<void> {
  return recordAudit(tx, { actor, node, action, entityType: 'import_job', entityId: jobId, summary });
}

/** The job's row without its file (megabytes), with its scope node; NOT_FOUND outside the actor's reach. */
async function jobRow(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const { file: _file, ...columns } = getTableColumns(importJobs);
  const q = db
    .select({
      job: columns,
      hasFile: sql<boolean>`${importJobs.file} is not null`,
      node: nodeBrief,
    })
    .from(importJobs)
    .innerJoin(orgNodes, eq(orgNodes.id, importJobs.nodeId))
    .where(eq(importJobs.id, id));
  const [row] = lock ? await q.for('update', { of: importJobs }) : await q;
  if (!row || !canImportInto(actor, row.node)) throw hidden();
  return row;
}

/** The job's row locked for the transaction; CONFLICT once it is committed or discarded. */
async function pendingJob(tx: DbOrTx, actor: Actor, id: string) {
  const locked = await jobRow(tx, actor, id, true);
  if (locked.job.status !== 'previewed') throw notPending();
  return locked;
}

async function fileOf(db: DbOrTx, id: string): Promise<Buffer | null> {
  const [row] = await db.select({ file: importJobs.file }).from(importJobs).where(eq(importJobs.id, id));
  return row?.file ?? null;
}

export async function getImport({ db, actor, id }: { db: DbOrTx; actor: Actor; id: string }): Promise<ImportJob> {
  const { job, node } = await jobRow(db, actor, id);
  const report = job.report as Report;
  return {
    id: job.id,
    nodeId: job.nodeId,
    nodeName: node.name,
    fileName: job.fileName,
    status: job.status as ImportStatus,
    counts: { ...report.counts, skipped: report.counts.skipped ?? 0 },
    result: report.result ?? null,
    issues: report.issues.slice(0, IMPORT_MAX_ISSUES),
    issuesTotal: report.issuesTotal,
    sheets: report.sheets ?? [],
    skipped: report.skipped ?? [],
    unreadSheets: report.unreadSheets ?? [],
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** A commit with no good row left: a 400 that says so in both languages, nothing written. */
const nothingToImport = (c: ImportCounts) =>
  fieldError(
    'rows',
    `没有可以导入的正确行：${c.total} 行都有错误${c.skipped ? `（另有 ${c.skipped} 行合计或签名行已跳过）` : ''}。请下载错误行，改好后重新上传`,
    `No good row to import: all ${c.total} rows have errors${c.skipped ? ` (and ${c.skipped} totals or signature rows were skipped)` : ''}. Download the bad rows, fix them and upload again`,
  );

const notPending = () =>
  new AppError('CONFLICT', {
    detail: '这次导入已经完成或已取消',
    detailEn: 'This import has already been committed or discarded',
  });

/**
 * Imports the good rows in one transaction: the file is checked again against the data as
 * it is now, so rows that became duplicates in between are not written twice. Rows equal
 * to what is stored are not touched; a commit that changes nothing leaves no audit row.
 */
export async function commitImport({ db, actor, protector, id, exclusive }: Ctx & { id: string }): Promise<ImportJob> {
  const { job, hasFile, node: scope } = await jobRow(db, actor, id);
  if (job.status !== 'previewed' || !hasFile) throw notPending();
  const {
    book,
    checked,
    planned: previewed,
  } = await checkedRows(db, id, scope, protector.digest, (job.report as Report).mapping ?? null);
  const countyId = countyOf(scope.path);
  // Matching 100,000 rows takes seconds; do it outside the transaction, which on PGlite holds
  // the only connection (or reuse the preview's plan), and inside it only check that the
  // county's roster is still what the plan was made against.
  const seen = previewed?.seen ?? (await rosterFingerprint(db, countyId));
  let planned = previewed?.plan ?? (await planRows(db, book, scope, checked, actor));
  if (planned.counts.good === 0) throw nothingToImport(planned.counts);
  let changed = 0;
  await db.transaction(async (tx) => {
    const locked = await pendingJob(tx, actor, id);
    if ((await rosterFingerprint(tx, countyId)) !== seen) planned = await planRows(tx, book, scope, checked, actor);
    const { plans, issues, counts } = planned;
    if (counts.good === 0) throw nothingToImport(counts);
    const result = await writeRoster(tx, { actor, protector, countyId, plans, exclusive });
    changed = result.created + result.updated;
    const report: Report = {
      ...(locked.job.report as Report),
      counts,
      issues: issues.slice(0, STORED_ISSUES),
      issuesTotal: issues.length,
      result,
    };
    await tx
      .update(importJobs)
      .set({ status: 'committed', report, goodRows: counts.good, badRows: counts.bad, finishedAt: sql`now()` })
      .where(eq(importJobs.id, id));
    if (result.created + result.updated > 0) {
      await auditJob(tx, actor, id, scope, 'import.commit', {
        fileName: job.fileName,
        ...result,
        bad: counts.bad,
      });
    }
  });
  // Fresh planner statistics after a big change (see analyzeRoster). Not awaited: the import
  // is done; the statistics follow a second later.
  if (changed >= ANALYZE_AFTER_ROWS) analyzeRoster(db).catch(() => {});
  return getImport({ db, actor, id });
}

const ANALYZE_AFTER_ROWS = 1000;

/** Drops a previewed import and its file; nothing was written to the roster. */
export async function discardImport({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const { job, node } = await pendingJob(tx, actor, id);
    await tx
      .update(importJobs)
      .set({ status: 'discarded', file: null, finishedAt: sql`now()` })
      .where(eq(importJobs.id, id));
    recentPreviews.delete(id);
    await auditJob(tx, actor, id, node, 'import.discard', { fileName: job.fileName });
  });
}

/** The kept file and the issues of a job, for the error report. */
export async function getImportFile({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const { job } = await jobRow(db, actor, id);
  const file = await fileOf(db, id);
  if (!file)
    throw new AppError('CONFLICT', {
      detail: '这次导入已取消，原文件已删除',
      detailEn: 'This import was discarded and its file deleted',
    });
  const report = job.report as Report;
  return {
    fileName: job.fileName,
    file,
    issues: report.issues,
    issuesTotal: report.issuesTotal,
    mapping: report.mapping ?? null,
  };
}
