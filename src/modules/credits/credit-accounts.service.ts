import { and, asc, desc, eq, isNull, like, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/client';
import { reachPaths, type Actor } from '../../shared/actor';
import { AppError, forbidden, hidden } from '../../shared/app-error';
import type { Page } from '../../shared/pagination';
import { userNames } from '../accounts';
import { recordAudit } from '../../server/audit';
import { escapeLike, loadNodeFor, underAnyPath } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { pageOf } from '../../server/db/page';
import type { Ctx } from '../../server/types';
import { residentDirectory, residentRef } from '../people';
import {
  CREDIT_STAFF_ROLES,
  type Account,
  type AccountQuery,
  type AccountSummary,
  type Award,
  type Entry,
  type EntryKindKey,
  type Reason,
} from './credits.contract';
import { canKeepAccount } from './credits.policy';
import { creditBalances, creditRedemptions } from './credit-bank.table';
import { appendEntry, appendReversal, loadEntry } from './credit-ledger';
import { creditLedger } from './credits.table';
import { cancelInTx } from './redemption.service';

export type ResidentRow = {
  id: string;
  name: string;
  countyId: string;
  nodeId: string;
  nodeName: string;
  path: string;
  anonymized: boolean;
};

/** The resident with their village's name and path (no policy: callers check it). */
export async function loadResident(db: DbOrTx, id: string): Promise<ResidentRow | null> {
  const r = await residentRef(db, id);
  if (!r) return null;
  const { gender, ...row } = r;
  return row;
}

/** Audits a change of the resident's account: by staff, or (no actor) by the resident on their phone. */
export function auditAccount(
  tx: DbOrTx,
  actor: Actor | null,
  r: ResidentRow,
  action: string,
  summary: Record<string, unknown>,
): Promise<void> {
  return recordAudit(tx, {
    actor: actor ?? undefined,
    actorName: actor ? undefined : `居民 ${r.name}`,
    node: { id: r.nodeId, path: r.path },
    action,
    entityType: 'resident',
    entityId: r.id,
    summary: { name: r.name, ...summary },
  });
}

/** The resident, if the actor keeps their account; otherwise 404. */
export async function keptResident(db: DbOrTx, actor: Actor, id: string): Promise<ResidentRow> {
  const r = await loadResident(db, id);
  if (!r || !canKeepAccount(actor, r)) throw hidden();
  return r;
}

/**
 * Residents of the actor's reach with their balance (cached; `npm run credits:verify` checks
 * it). Without a search only residents with a credit account are listed, highest balance
 * first (a county's full roster would be sorted on every page); a name search finds anyone.
 */
export async function findAccounts({ db, actor, query }: Ctx & { query: AccountQuery }): Promise<Page<Account>> {
  const resident = residentDirectory();
  const conds = [underAnyPath(orgNodes.path, reachPaths(actor, CREDIT_STAFF_ROLES)), isNull(resident.anonymizedAt)];
  if (query.nodeId) {
    const n = await loadNodeFor(db, query.nodeId, (node) => canKeepAccount(actor, node));
    conds.push(like(orgNodes.path, `${escapeLike(n.path)}%`));
  }
  if (query.q) {
    const q = `%${escapeLike(query.q)}%`;
    conds.push(
      or(
        like(resident.name, q),
        like(resident.namePinyin, q.toLowerCase()),
        like(resident.nameInitials, q.toLowerCase()),
      )!,
    );
  }
  const where = and(...conds);
  const fields = { id: resident.id, name: resident.name, nodeName: orgNodes.name, balance: creditBalances.balance };
  const order = [sql`${creditBalances.balance} desc nulls last`, asc(resident.namePinyin), asc(resident.id)];
  // A search looks at every resident; the default list starts from the accounts.
  const list = query.q
    ? db
        .select(fields)
        .from(resident)
        .innerJoin(orgNodes, eq(orgNodes.id, resident.nodeId))
        .leftJoin(creditBalances, eq(creditBalances.residentId, resident.id))
        .where(where)
        .$dynamic()
    : db
        .select(fields)
        .from(creditBalances)
        .innerJoin(resident, eq(resident.id, creditBalances.residentId))
        .innerJoin(orgNodes, eq(orgNodes.id, resident.nodeId))
        .where(where)
        .$dynamic();
  return pageOf(db, list, order, query, (r) => ({ ...r, balance: Number(r.balance ?? 0) }));
}

/** Balance, earned and spent, derived from the ledger. */
export async function totalsOf(db: DbOrTx, residentId: string) {
  const [t] = await db
    .select({
      balance: sql<string>`coalesce(sum(${creditLedger.amount}), 0)`,
      spent: sql<string>`coalesce(sum(${creditLedger.amount}) filter (where ${creditLedger.kind} = 'redeem' or ${creditLedger.reversesId} in (select r.id from credit_ledger r where r.kind = 'redeem')), 0)`,
    })
    .from(creditLedger)
    .where(eq(creditLedger.residentId, residentId));
  const balance = Number(t.balance);
  const spent = -Number(t.spent);
  return { balance, spent, earned: Math.round((balance + spent) * 10) / 10 };
}

export async function getAccount({ db, actor, residentId }: Ctx & { residentId: string }): Promise<AccountSummary> {
  const r = await keptResident(db, actor, residentId);
  return {
    resident: { id: r.id, name: r.name, nodeName: r.nodeName, anonymized: r.anonymized },
    ...(await totalsOf(db, residentId)),
    canAward: !r.anonymized,
  };
}

const rev = alias(creditLedger, 'rev');
const by = userNames();

/** One page of a resident's entries, newest first; `canReverse` only for staff who keep the account. */
export async function pageOfEntries(
  db: DbOrTx,
  residentId: string,
  page: number,
  pageSize: number,
  staff: boolean,
): Promise<Page<Entry>> {
  const list = db
    .select({ e: creditLedger, byName: by.displayName, reversedById: rev.id })
    .from(creditLedger)
    .leftJoin(by, eq(by.id, creditLedger.createdBy))
    .leftJoin(rev, eq(rev.reversesId, creditLedger.id))
    .where(eq(creditLedger.residentId, residentId))
    .$dynamic();
  return pageOf(db, list, [desc(creditLedger.id)], { page, pageSize }, ({ e, byName, reversedById }): Entry => ({
    id: e.id,
    kind: e.kind as EntryKindKey,
    amount: Number(e.amount),
    note: e.note,
    createdAt: e.createdAt.toISOString(),
    createdByName: staff ? byName : null,
    reversesId: e.reversesId,
    reversedById,
    canReverse: staff && e.kind !== 'reversal' && reversedById === null,
  }));
}

export async function findEntries({
  db,
  actor,
  residentId,
  page,
  pageSize,
}: Ctx & { residentId: string; page: number; pageSize: number }): Promise<Page<Entry>> {
  await keptResident(db, actor, residentId);
  return pageOfEntries(db, residentId, page, pageSize, true);
}

/** A manual award by staff, with its reason; audited. */
export async function awardCredits({
  db,
  actor,
  residentId,
  input,
}: Ctx & { residentId: string; input: Award }): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    const r = await keptResident(tx, actor, residentId);
    if (r.anonymized) throw forbidden();
    const done = await appendEntry(tx, {
      countyId: r.countyId,
      residentId,
      kind: 'award',
      amount: input.amount,
      sourceType: 'award',
      sourceId: crypto.randomUUID(),
      note: input.reason,
      createdBy: actor.userId,
    });
    if (!done) throw new AppError('BAD_REQUEST');
    await auditAccount(tx, actor, r, 'credits.award', { amount: done.amount, reason: input.reason, entry: done.id });
    return { id: done.id };
  });
}

/**
 * A correction: the entry is answered by a reversing entry. Reversing a redemption's entry
 * cancels the redemption (the reward goes back in stock). Audited.
 */
export async function reverseEntry({
  db,
  actor,
  id,
  input,
}: Ctx & { id: number; input: Reason }): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    const found = await loadEntry(tx, id);
    if (!found) throw hidden();
    const r = await keptResident(tx, actor, found.entry.residentId);
    if (found.entry.kind === 'redeem') {
      const [red] = await tx.select().from(creditRedemptions).where(eq(creditRedemptions.ledgerId, id));
      if (!red) throw new AppError('NOT_FOUND');
      return cancelInTx(tx, actor, red, r, input.reason);
    }
    const done = await appendReversal(tx, found.entry, { reason: input.reason, createdBy: actor.userId });
    await auditAccount(tx, actor, r, 'credits.reverse', {
      entry: id,
      kind: found.entry.kind,
      amount: done.amount,
      reason: input.reason,
    });
    return { id: done.id };
  });
}
