import { customType, index, integer, jsonb, pgTable, primaryKey, varchar } from 'drizzle-orm/pg-core';
import { idColumn, nodeRef, timestampNow, timestampTz } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * An Excel import: the uploaded file is kept (bytea) between the preview and the import,
 * with the row-by-row report, so "import the good rows" needs no second upload.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: idColumn(),
    kind: varchar('kind', { length: 24 }).notNull(),
    nodeId: nodeRef('node_id'),
    createdBy: userRef('created_by'),
    fileName: varchar('file_name', { length: 200 }).notNull(),
    fileSha256: varchar('file_sha256', { length: 64 }).notNull(),
    file: bytea('file'),
    status: varchar('status', { length: 16 }).notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    goodRows: integer('good_rows').notNull().default(0),
    badRows: integer('bad_rows').notNull().default(0),
    report: jsonb('report').$type<unknown>(),
    createdAt: timestampNow('created_at'),
    finishedAt: timestampTz('finished_at'),
  },
  (t) => [index('import_jobs_node_idx').on(t.nodeId)],
);

/**
 * The column mapping a county's staff chose for a roster layout, keyed by the file's normalised
 * header set: the next file with the same headers is read the same way.
 */
export const importMappings = pgTable(
  'import_mappings',
  {
    countyId: nodeRef('county_id', 'cascade'),
    headerKey: varchar('header_key', { length: 64 }).notNull(),
    /** Normalised header → roster field, or null to ignore the column. */
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
    updatedBy: userRef('updated_by'),
    updatedAt: timestampNow('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.headerKey] })],
);
