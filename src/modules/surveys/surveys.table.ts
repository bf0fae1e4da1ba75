import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { idColumn, nodeKey, nodeRef, timestampNow, timestampTz, timestamps } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';
import { residents } from '../people/people.table';
import type { Answers, Question } from './survey-questions';

/**
 * A survey (问卷) published by a county, town or centre to the residents living under it, open
 * from `opens_on` to `closes_on` (China dates, inclusive). Its questions are one JSON list,
 * checked by the contract's zod schema on every write; they are fixed once published.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: idColumn(),
    ownerNodeId: nodeRef('owner_node_id'),
    kind: varchar('kind', { length: 8 }).notNull(),
    title: varchar('title', { length: 100 }).notNull(),
    intro: varchar('intro', { length: 1000 }),
    anonymous: boolean('anonymous').notNull().default(true),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    status: varchar('status', { length: 10 }).notNull().default('draft'),
    questions: jsonb('questions').$type<Question[]>().notNull(),
    createdBy: userRef('created_by'),
    publishedAt: timestampTz('published_at'),
    closedAt: timestampTz('closed_at'),
    ...timestamps(),
  },
  (t) => [
    index('surveys_owner_idx').on(t.ownerNodeId, t.status),
    check('surveys_kind_chk', sql`${t.kind} in ('needs','rates')`),
    check('surveys_status_chk', sql`${t.status} in ('draft','published','closed')`),
    check('surveys_window_chk', sql`${t.closesOn} >= ${t.opensOn}`),
  ],
);

/**
 * Who has answered (one row per resident and survey: the primary key is the one-response rule,
 * whatever the taps, tabs or simultaneous submissions). Only the day is kept.
 */
export const surveyRespondents = pgTable(
  'survey_respondents',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    answeredOn: date('answered_on').notNull(),
    method: varchar('method', { length: 8 }).notNull(),
    enteredBy: userRef('entered_by'),
  },
  (t) => [
    primaryKey({ columns: [t.surveyId, t.residentId] }),
    index('survey_respondents_resident_idx').on(t.residentId),
    check('survey_respondents_method_chk', sql`${t.method} in ('phone','poster','paper')`),
  ],
);

/**
 * The answers. For an anonymous survey a row carries no resident, a random id, and the day
 * only (a CHECK holds it), so nothing joins it to `survey_respondents`; `node_id` is the
 * resident's home node (results per centre or town).
 */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: idColumn(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    anonymous: boolean('anonymous').notNull(),
    residentId: uuid('resident_id').references(() => residents.id, { onDelete: 'cascade' }),
    nodeId: nodeRef('node_id'),
    answeredOn: date('answered_on').notNull(),
    answers: jsonb('answers').$type<Answers>().notNull(),
  },
  (t) => [
    index('survey_answers_survey_idx').on(t.surveyId, t.nodeId),
    uniqueIndex('survey_answers_resident_uq')
      .on(t.surveyId, t.residentId)
      .where(sql`${t.residentId} is not null`),
    check(
      'survey_answers_anonymous_chk',
      sql`(${t.anonymous} and ${t.residentId} is null) or (not ${t.anonymous} and ${t.residentId} is not null)`,
    ),
  ],
);

/** A county's survey rules: the minimum sample before a rate counts (default 30). */
export const surveyRules = pgTable('survey_rules', {
  countyId: nodeKey('county_id'),
  minSample: integer('min_sample').notNull().default(30),
  updatedBy: userRef('updated_by'),
  updatedAt: timestampNow('updated_at'),
});
