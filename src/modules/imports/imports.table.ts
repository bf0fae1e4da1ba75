import { customType, index, integer, jsonb, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../accounts/account.table';
import { orgNodes } from '../../server/db/tree.table';

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
    id: uuid('id').primaryKey().defaultRandom(),
    kind: varchar('kind', { length: 24 }).notNull(),
    nodeId: uuid('node_id')
      .notNull()
      .references(() => orgNodes.id, { onDelete: 'restrict' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    fileName: varchar('file_name', { length: 200 }).notNull(),
    fileSha256: varchar('file_sha256', { length: 64 }).notNull(),
    file: bytea('file'),
    status: varchar('status', { length: 16 }).notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    goodRows: integer('good_rows').notNull().default(0),
    badRows: integer('bad_rows').notNull().default(0),
    report: jsonb('report').$type<unknown>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
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
    countyId: uuid('county_id')
      .notNull()
      .references(() => orgNodes.id, { onDelete: 'cascade' }),
    headerKey: varchar('header_key', { length: 64 }).notNull(),
    /** Normalised header → roster field, or null to ignore the column. */
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.headerKey] })],
);
