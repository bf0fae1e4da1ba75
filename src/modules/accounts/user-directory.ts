import { eq } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { users } from './account.table';

// What other modules may read of the staff accounts: a name to show beside what someone did,
// and an account to link (teachers). Never the phone, the password or the login state.

/**
 * Accounts' display names, read-only, to left-join beside a row that records who did something
 * (`alias`: one name per join). PostgreSQL inlines the subquery: the plan is that of a join on the table.
 */
export const userNames = (alias = 'user_names') =>
  new QueryBuilder().select({ id: users.id, displayName: users.displayName }).from(users).as(alias);

export type AccountRef = { id: string; displayName: string; username: string; homeNodeId: string; homePath: string };

/** One account with its home node's path (the caller checks it with its own rule), or null. */
export async function accountRef(db: DbOrTx, id: string): Promise<AccountRef | null> {
  const [u] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      username: users.username,
      homeNodeId: users.homeNodeId,
      homePath: orgNodes.path,
    })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.homeNodeId))
    .where(eq(users.id, id));
  return u ?? null;
}
