import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { bigint, bigserial, check, index, numeric, pgTable, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { nodeRef, timestampNow } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';
import { residents } from '../people/people.table';

/**
 * The learning-credit bank (学分银行): an append-only ledger. The database refuses UPDATE,
 * DELETE and TRUNCATE of its rows (triggers in the migration). A balance is the sum of a
 * resident's entries. `kind`: attendance, resource, volunteer, award (earn, amount > 0),
 * redeem (spend, amount < 0), reversal (points at `reverses_id`, amount = −original).
 * `source_type` + `source_id` name what earned it; one earning per source (unique index), so
 * a retried grant cannot pay twice; one reversal per entry.
 */
export const creditLedger = pgTable(
  'credit_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyId: nodeRef('county_id'),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'restrict' }),
    kind: varchar('kind', { length: 12 }).notNull(),
    amount: numeric('amount', { precision: 8, scale: 1 }).notNull(),
    sourceType: varchar('source_type', { length: 24 }),
    sourceId: varchar('source_id', { length: 64 }),
    reversesId: bigint('reverses_id', { mode: 'number' }).references((): AnyPgColumn => creditLedger.id, {
      onDelete: 'restrict',
    }),
    note: varchar('note', { length: 200 }),
    createdBy: userRef('created_by'),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    index('credit_ledger_resident_idx').on(t.residentId),
    uniqueIndex('credit_ledger_source_uq')
      .on(t.residentId, t.sourceType, t.sourceId)
      .where(sql`${t.kind} <> 'reversal' and ${t.sourceId} is not null`),
    uniqueIndex('credit_ledger_reverses_uq')
      .on(t.reversesId)
      .where(sql`${t.reversesId} is not null`),
    check(
      'credit_ledger_kind_chk',
      sql`${t.kind} in ('attendance','resource','volunteer','award','redeem','reversal')`,
    ),
    check(
      'credit_ledger_amount_chk',
      sql`${t.amount} <> 0 and (${t.kind} in ('redeem','reversal') or ${t.amount} > 0) and (${t.kind} <> 'redeem' or ${t.amount} < 0)`,
    ),
    check('credit_ledger_reversal_chk', sql`(${t.kind} = 'reversal') = (${t.reversesId} is not null)`),
  ],
);
