import { z } from 'zod';
import { RESIDENT_ROLES } from '../../shared/roles';
import { zFileName, zId, zSearch } from '../../shared/schemas';

/** Who imports and exports the roster: those who keep it (the page and its menu entry use this). */
export const IMPORT_ROLES = RESIDENT_ROLES;

/** The largest roster file accepted (the upload is base64 in JSON, about 4/3 of this). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** At most this many issues are kept and shown; the counts stay exact. */
export const IMPORT_MAX_ISSUES = 5000;

export const ZImportUpload = z.object({
  nodeId: zId.describe('The scope: a town or a village/community centre; every row must belong under it'),
  fileName: zFileName(200),
  contentBase64: z.string().min(1, { error: 'msg:required' }).max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4).describe('The .xlsx file, base64-encoded (at most 20 MB)'),
});
export type ImportUpload = z.infer<typeof ZImportUpload>;

export const IMPORT_STATUSES = ['previewed', 'committed', 'discarded'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One problem of one row: Excel row number, column header as written in the file. */
export const ZImportIssue = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type ImportIssue = z.infer<typeof ZImportIssue>;

export const ZImportCounts = z.object({
  total: z.number().int().describe('Data rows in the file'),
  good: z.number().int(),
  bad: z.number().int(),
  new: z.number().int().describe('Good rows that will create a resident'),
  update: z.number().int().describe('Good rows that will change a matched resident'),
  unchanged: z.number().int().describe('Good rows identical to a matched resident'),
});
export type ImportCounts = z.infer<typeof ZImportCounts>;

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
  issuesTotal: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ZImportJob>;

export const ZImportIdParams = z.object({ id: zId });

export const ZTemplateQuery = z.object({ nodeId: zId.optional().describe('Lists the tags of this node’s county in the notes sheet') });

export const ZExportQuery = z.object({
  nodeId: zId.optional().describe('Only residents under this node; default: everything the user may read'),
  tag: zSearch(24).describe('Only residents with this tag code'),
});
export type ExportQuery = z.infer<typeof ZExportQuery>;
