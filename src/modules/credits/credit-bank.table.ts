import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  numeric,
  pgTable,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { idColumn, nodeRef, timestampNow, timestampTz, timestamps } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';
import { residents } from '../people/people.table';
import { creditLedger } from './credits.table';

/**
 * A county's credit rule for one theme (or `_volunteer` for approved volunteer hours):
 * credits per hour, and when attendance earns them — `sign_in` (when the sign-in is
 * confirmed) or `done` (when the activity is marked done). A theme without a row uses
 * DEFAULT_CREDIT_RULE (credit-rules.ts). The amount of one attendance is
 * `credits_per_hour × hours`, where hours are the sign-in's attended hours when the resident
 * checked out (at most the activity's hours), else the activity's hours.
 */
export const creditRules = pgTable(
  'credit_rules',
  {
    id: idColumn(),
    countyId: nodeRef('county_id', 'cascade'),
    theme: varchar('theme', { length: 24 }).notNull(),
    creditsPerHour: numeric('credits_per_hour', { precision: 5, scale: 1 }).notNull(),
    grantAt: varchar('grant_at', { length: 12 }).notNull().default('sign_in'),
    updatedBy: userRef('updated_by'),
    updatedAt: timestampNow('updated_at'),
  },
  (t) => [
    uniqueIndex('credit_rules_county_theme_uq').on(t.countyId, t.theme),
    check('credit_rules_grant_at_chk', sql`${t.grantAt} in ('sign_in','done')`),
    check('credit_rules_rate_chk', sql`${t.creditsPerHour} >= 0`),
  ],
);

/**
 * The cached balance of a resident: always the sum of their ledger entries, kept in the same
 * transaction as every entry (credit-ledger.ts appendEntry). `npm run credits:verify` checks
 * that it still is. Its row is also what a redemption locks to serialise a resident's spends.
 */
export const creditBalances = pgTable('credit_balances', {
  residentId: uuid('resident_id')
    .primaryKey()
    .references(() => residents.id, { onDelete: 'restrict' }),
  countyId: nodeRef('county_id'),
  balance: numeric('balance', { precision: 10, scale: 1 }).notNull().default('0'),
  updatedAt: timestampNow('updated_at'),
});

/**
 * A reward of the catalogue (积分兑换奖品), offered by a county or a town to the residents
 * under it. `stock` never goes below zero (check constraint; decremented with `stock > 0`).
 */
export const creditRewards = pgTable(
  'credit_rewards',
  {
    id: idColumn(),
    countyId: nodeRef('county_id'),
    nodeId: nodeRef('node_id'),
    name: varchar('name', { length: 60 }).notNull(),
    description: varchar('description', { length: 300 }).notNull().default(''),
    cost: numeric('cost', { precision: 8, scale: 1 }).notNull(),
    stock: integer('stock').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdBy: userRef('created_by'),
    ...timestamps(),
  },
  (t) => [
    index('credit_rewards_node_idx').on(t.nodeId),
    check('credit_rewards_stock_chk', sql`${t.stock} >= 0`),
    check('credit_rewards_cost_chk', sql`${t.cost} > 0`),
  ],
);

/**
 * A redemption: one reward for one resident, paid by the `redeem` ledger entry it names.
 * Cancelling it reverses that entry and puts the reward back in stock.
 * `channel`: counter (staff at the centre), self (the resident's phone).
 */
export const creditRedemptions = pgTable(
  'credit_redemptions',
  {
    id: idColumn(),
    countyId: nodeRef('county_id'),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'restrict' }),
    rewardId: uuid('reward_id')
      .notNull()
      .references(() => creditRewards.id, { onDelete: 'restrict' }),
    ledgerId: bigint('ledger_id', { mode: 'number' })
      .notNull()
      .references(() => creditLedger.id, { onDelete: 'restrict' }),
    cost: numeric('cost', { precision: 8, scale: 1 }).notNull(),
    channel: varchar('channel', { length: 12 }).notNull(),
    status: varchar('status', { length: 12 }).notNull().default('done'),
    handledBy: userRef('handled_by'),
    cancelledBy: userRef('cancelled_by'),
    cancelReason: varchar('cancel_reason', { length: 200 }),
    createdAt: timestampNow('created_at'),
    cancelledAt: timestampTz('cancelled_at'),
  },
  (t) => [
    index('credit_redemptions_resident_idx').on(t.residentId),
    index('credit_redemptions_county_idx').on(t.countyId, t.createdAt),
    uniqueIndex('credit_redemptions_ledger_uq').on(t.ledgerId),
    check('credit_redemptions_status_chk', sql`${t.status} in ('done','cancelled')`),
    check('credit_redemptions_channel_chk', sql`${t.channel} in ('counter','self')`),
  ],
);
