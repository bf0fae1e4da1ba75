import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, nodeKey, nodeRef, timestampNow, timestampTz, timestamps } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';
import { activities } from '../activities/activities.table';
import { storedFiles } from '../files/files.table';
import { teachers } from '../teachers/teachers.table';

// Funding (经费). Every amount is integer fen (分): bigint columns read as JS numbers (exact up to
// 2^53 fen, ninety trillion yuan), never a float or a numeric.

/** A county's standard per resident (每人每年 1 元或 2 元), in fen; the default where none is set. */
export const fundingStandards = pgTable(
  'funding_standards',
  {
    countyId: nodeKey('county_id'),
    perResidentFen: integer('per_resident_fen').notNull(),
    updatedBy: userRef('updated_by'),
    updatedAt: timestampNow('updated_at'),
  },
  (t) => [check('funding_standards_fen_chk', sql`${t.perResidentFen} in (100, 200)`)],
);

/** A town's budget for a year; its total is the sum of its lines. */
export const fundingBudgets = pgTable(
  'funding_budgets',
  {
    id: idColumn(),
    townId: nodeRef('town_id'),
    year: integer('year').notNull(),
    note: varchar('note', { length: 300 }),
    updatedBy: userRef('updated_by'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('funding_budgets_town_year_uq').on(t.townId, t.year)],
);

/** One line of a budget: where the money comes from (government, donations, grants, other). */
export const fundingBudgetLines = pgTable(
  'funding_budget_lines',
  {
    id: idColumn(),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => fundingBudgets.id, { onDelete: 'cascade' }),
    source: varchar('source', { length: 16 }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    note: varchar('note', { length: 100 }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('funding_budget_lines_budget_idx').on(t.budgetId),
    check('funding_budget_lines_source_chk', sql`${t.source} in ('government','donation','grant','other')`),
    check('funding_budget_lines_amount_chk', sql`${t.amountFen} >= 0`),
  ],
);

/** What a town gives each of its centres out of a year's budget (the sum stays within the budget). */
export const fundingAllocations = pgTable(
  'funding_allocations',
  {
    id: idColumn(),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => fundingBudgets.id, { onDelete: 'cascade' }),
    centreId: nodeRef('centre_id'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    note: varchar('note', { length: 100 }),
  },
  (t) => [
    uniqueIndex('funding_allocations_budget_centre_uq').on(t.budgetId, t.centreId),
    check('funding_allocations_amount_chk', sql`${t.amountFen} >= 0`),
  ],
);

/**
 * An expense of a town or a centre (`node_id`), recorded, then approved or rejected by the town
 * office — never by whoever recorded it (a CHECK says so too). A teaching fee names its teacher.
 */
export const fundingExpenses = pgTable(
  'funding_expenses',
  {
    id: idColumn(),
    nodeId: nodeRef('node_id'),
    category: varchar('category', { length: 16 }).notNull(),
    teacherId: uuid('teacher_id').references(() => teachers.id, { onDelete: 'restrict' }),
    payee: varchar('payee', { length: 60 }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    spentOn: date('spent_on').notNull(),
    description: varchar('description', { length: 200 }).notNull(),
    invoiceFileId: uuid('invoice_file_id').references(() => storedFiles.id, { onDelete: 'restrict' }),
    activityId: uuid('activity_id').references(() => activities.id, { onDelete: 'restrict' }),
    status: varchar('status', { length: 12 }).notNull().default('recorded'),
    recordedBy: userRef('recorded_by'),
    recordedAt: timestampNow('recorded_at'),
    reviewedBy: userRef('reviewed_by'),
    reviewedAt: timestampTz('reviewed_at'),
    reviewNote: varchar('review_note', { length: 200 }),
    ...timestamps(),
  },
  (t) => [
    index('funding_expenses_node_idx').on(t.nodeId, t.spentOn),
    check(
      'funding_expenses_category_chk',
      sql`${t.category} in ('teaching_fee','allowance','award','activity','equipment')`,
    ),
    check('funding_expenses_status_chk', sql`${t.status} in ('recorded','approved','rejected')`),
    check('funding_expenses_amount_chk', sql`${t.amountFen} > 0`),
    check('funding_expenses_fee_teacher_chk', sql`(${t.category} = 'teaching_fee') = (${t.teacherId} is not null)`),
    // Nobody reviews what they recorded (either empty passes: a removed account is set null).
    check('funding_expenses_reviewer_chk', sql`${t.reviewedBy} <> ${t.recordedBy}`),
  ],
);
