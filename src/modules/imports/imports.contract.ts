import { z } from 'zod';
import { defineEndpoints } from '../../shared/endpoint';
import { ZIdParams, ZOk, zFileName, zId, zSearch } from '../../shared/schemas';
import { IMPORT_ROLES } from './imports.policy';
import { ROSTER_FIELDS } from './roster-columns';

/** The largest roster file accepted (the upload is base64 in JSON, about 4/3 of this). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** At most this many issues are kept and shown; the counts stay exact. */
export const IMPORT_MAX_ISSUES = 5000;

export const ZRosterField = z.enum(ROSTER_FIELDS);

/** Which field a file column holds, by its normalised header; null: ignore the column. */
export const ZColumnMapping = z.record(z.string().max(200), ZRosterField.nullable());
export type ColumnMapping = z.infer<typeof ZColumnMapping>;

export const ZImportUpload = z.object({
  nodeId: zId.describe('The scope: a town or a village/community centre; every row must belong under it'),
  fileName: zFileName(200),
  contentBase64: z
    .string()
    .min(1, { error: 'msg:required' })
    .max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4)
    .describe('The .xlsx file, base64-encoded (at most 20 MB)'),
});
export type ImportUpload = z.infer<typeof ZImportUpload>;

export const IMPORT_STATUSES = ['previewed', 'committed', 'discarded'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One problem of one row: sheet, Excel row number, column header as written in the file. */
export const ZImportIssue = z.object({
  sheet: z.string().optional().describe('The sheet, when the file has several'),
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type ImportIssue = z.infer<typeof ZImportIssue>;

export const ZImportCounts = z.object({
  total: z.number().int().describe('Data rows in the file (totals and signature rows not counted)'),
  skipped: z.number().int().default(0).describe('Totals, signature and note rows set aside'),
  good: z.number().int(),
  bad: z.number().int(),
  new: z.number().int().describe('Good rows that will create a resident'),
  update: z.number().int().describe('Good rows that will change a matched resident'),
  unchanged: z.number().int().describe('Good rows identical to a matched resident'),
});
export type ImportCounts = z.infer<typeof ZImportCounts>;

export const ZImportColumn = z.object({
  index: z.number().int().describe('0-based column of the sheet'),
  header: z.string().describe('As written (a two-row header joined by “/”)'),
  key: z.string().describe('The normalised header: the key of a mapping'),
  field: ZRosterField.nullable(),
});
export const ZImportSheet = z.object({
  name: z.string(),
  headerRow: z.number().int(),
  rows: z.number().int(),
  source: z
    .enum(['auto', 'remembered', 'chosen'])
    .describe('Recognised, remembered from an earlier file with the same headers, or chosen for this one'),
  columns: z.array(ZImportColumn),
});
export type ImportSheet = z.infer<typeof ZImportSheet>;

export const ZImportMappingBody = z.object({ mapping: ZColumnMapping });

export const ZImportJob = z.object({
  id: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  counts: ZImportCounts,
  /** What the import did (after commit): created / updated / unchanged. */
  result: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }).nullable(),
  issues: z.array(ZImportIssue),
  /** Which file column went to which field, per sheet; the user may change it before importing. */
  sheets: z.array(ZImportSheet),
  /** Totals, signature and note rows: not persons, not errors. */
  skipped: z.array(z.object({ sheet: z.string(), row: z.number().int(), text: z.string() })),
  /** Visible sheets without a header row, not read. */
  unreadSheets: z.array(z.string()),
  issuesTotal: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ZImportJob>;

export const ZTemplateQuery = z.object({
  nodeId: zId.optional().describe('Lists the tags of this node’s county in the notes sheet'),
});

export const ZExportQuery = z.object({
  nodeId: zId.optional().describe('Only residents under this node; default: everything the user may read'),
  tag: zSearch(24).describe('Only residents with this tag code'),
});
export type ExportQuery = z.infer<typeof ZExportQuery>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const policy = { roles: IMPORT_ROLES };

/** Excel import and export of the resident roster. */
export const importsApi = defineEndpoints('imports', {
  template: {
    method: 'GET',
    path: '/api/imports/residents/template.xlsx',
    summary: 'The roster template: headers, an example row, notes and the county’s tags',
    policy,
    query: ZTemplateQuery,
    produces: XLSX,
  },
  upload: {
    method: 'POST',
    path: '/api/imports/residents',
    summary:
      'Upload a roster (.xlsx, base64): checks every row and keeps the file as an import job to commit or discard',
    policy,
    body: ZImportUpload,
    responses: { 201: ZImportJob },
  },
  one: {
    method: 'GET',
    path: '/api/imports/:id',
    summary: 'An import job: counts and the issues of each bad row',
    policy,
    params: ZIdParams,
    responses: { 200: ZImportJob },
  },
  remap: {
    method: 'POST',
    path: '/api/imports/:id/mapping',
    summary:
      'Choose which file column holds which field (or ignore a column): checks the kept file again and remembers the choice for the county’s next file with the same headers',
    policy,
    params: ZIdParams,
    body: ZImportMappingBody,
    responses: { 200: ZImportJob },
  },
  commit: {
    method: 'POST',
    path: '/api/imports/:id/commit',
    summary: 'Import the good rows, all in one transaction',
    policy,
    params: ZIdParams,
    responses: { 200: ZImportJob },
  },
  discard: {
    method: 'DELETE',
    path: '/api/imports/:id',
    summary: 'Discard a previewed import and its file',
    policy,
    params: ZIdParams,
    responses: { 200: ZOk },
  },
  errors: {
    method: 'GET',
    path: '/api/imports/:id/errors.xlsx',
    summary: 'The bad rows as they were in the file, with an added 错误说明 column',
    policy,
    params: ZIdParams,
    produces: XLSX,
  },
  export: {
    method: 'GET',
    path: '/api/residents/export.xlsx',
    summary: 'The roster as .xlsx (streamed), masked as the user’s rights require; audited',
    policy,
    query: ZExportQuery,
    produces: XLSX,
  },
});
