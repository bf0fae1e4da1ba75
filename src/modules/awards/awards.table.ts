import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { idColumn, nodeRef, timestampTz, timestamps } from '../../server/db/columns';
import { orgNodes } from '../../server/db/tree.table';
import { userRef } from '../accounts/account.table';
import { storedFiles } from '../files/files.table';
import { households, residents } from '../people/people.table';
import { teachers } from '../teachers/teachers.table';

/**
 * A yearly selection (评选) of one kind, owned by a county or a town (`owner_node_id`): the
 * nomination window, the quota per centre or per town, the eligibility rules and the reward
 * (credits through the ledger and/or a material reward). Published once; the winners are public.
 */
export const awardSelections = pgTable(
  'award_selections',
  {
    id: idColumn(),
    ownerNodeId: nodeRef('owner_node_id'),
    year: integer('year').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    title: varchar('title', { length: 100 }).notNull(),
    nominateFrom: date('nominate_from').notNull(),
    nominateUntil: date('nominate_until').notNull(),
    quotaScope: varchar('quota_scope', { length: 8 }).notNull(),
    quota: integer('quota').notNull(),
    minHours: numeric('min_hours', { precision: 6, scale: 1 }),
    minCredits: numeric('min_credits', { precision: 8, scale: 1 }),
    excludeWinnerYears: integer('exclude_winner_years').notNull().default(0),
    rewardCredits: numeric('reward_credits', { precision: 8, scale: 1 }),
    rewardText: varchar('reward_text', { length: 200 }),
    status: varchar('status', { length: 12 }).notNull().default('open'),
    publishedAt: timestampTz('published_at'),
    publishedBy: userRef('published_by'),
    createdBy: userRef('created_by'),
    ...timestamps(),
  },
  (t) => [
    index('award_selections_owner_idx').on(t.ownerNodeId, t.year),
    uniqueIndex('award_selections_owner_kind_uq').on(t.ownerNodeId, t.year, t.kind),
    check('award_selections_status_chk', sql`${t.status} in ('open','published')`),
    check('award_selections_scope_chk', sql`${t.quotaScope} in ('centre','town')`),
    check('award_selections_quota_chk', sql`${t.quota} between 1 and 999`),
    check('award_selections_window_chk', sql`${t.nominateFrom} <= ${t.nominateUntil}`),
    check('award_selections_exclude_chk', sql`${t.excludeWinnerYears} between 0 and 10`),
    check('award_selections_credits_chk', sql`${t.rewardCredits} is null or ${t.rewardCredits} > 0`),
  ],
);

/**
 * One nomination by a centre (`node_id`): the nominee (a resident, a household, a building or
 * village group by name, a centre or unit node, or a teacher of the bank), the written account
 * (事迹材料, sanitised HTML), the evidence cedu gathered at nomination, the town's review and the
 * leadership group's decision. `nominee_key` names the nominee across years (winners excluded).
 */
export const awardNominations = pgTable(
  'award_nominations',
  {
    id: idColumn(),
    selectionId: uuid('selection_id')
      .notNull()
      .references(() => awardSelections.id, { onDelete: 'restrict' }),
    nodeId: nodeRef('node_id'),
    nomineeKind: varchar('nominee_kind', { length: 12 }).notNull(),
    nomineeKey: varchar('nominee_key', { length: 120 }).notNull(),
    nomineeName: varchar('nominee_name', { length: 100 }).notNull(),
    residentId: uuid('resident_id').references(() => residents.id, { onDelete: 'restrict' }),
    householdId: uuid('household_id').references(() => households.id, { onDelete: 'restrict' }),
    teacherId: uuid('teacher_id').references(() => teachers.id, { onDelete: 'restrict' }),
    nomineeNodeId: uuid('nominee_node_id').references(() => orgNodes.id, { onDelete: 'restrict' }),
    members: jsonb('members').$type<{ id: string; name: string }[]>().notNull().default([]),
    accountHtml: text('account_html').notNull(),
    evidence: jsonb('evidence').$type<Record<string, number>>().notNull().default({}),
    status: varchar('status', { length: 12 }).notNull().default('draft'),
    reviewScores: jsonb('review_scores').$type<Record<string, number>>(),
    reviewScore: integer('review_score'),
    reviewComment: varchar('review_comment', { length: 500 }),
    reviewedBy: userRef('reviewed_by'),
    reviewedAt: timestampTz('reviewed_at'),
    decisionComment: varchar('decision_comment', { length: 500 }),
    decidedBy: userRef('decided_by'),
    decidedAt: timestampTz('decided_at'),
    submittedAt: timestampTz('submitted_at'),
    createdBy: userRef('created_by'),
    ...timestamps(),
  },
  (t) => [
    index('award_nominations_selection_idx').on(t.selectionId, t.status),
    index('award_nominations_node_idx').on(t.nodeId),
    index('award_nominations_key_idx').on(t.nomineeKey),
    uniqueIndex('award_nominations_nominee_uq').on(t.selectionId, t.nomineeKey),
    check(
      'award_nominations_status_chk',
      sql`${t.status} in ('draft','submitted','returned','reviewed','approved','rejected','published')`,
    ),
    check(
      'award_nominations_kind_chk',
      sql`${t.nomineeKind} in ('resident','household','building','centre','unit','teacher')`,
    ),
    check('award_nominations_score_chk', sql`${t.reviewScore} is null or ${t.reviewScore} between 0 and 100`),
  ],
);

/** The attachments of a nomination's written account (files module; kept while referenced). */
export const awardNominationFiles = pgTable(
  'award_nomination_files',
  {
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => awardNominations.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.nominationId, t.fileId] })],
);
