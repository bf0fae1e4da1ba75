import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { chinaInstant } from '../../shared/china-time';
import { appendEntry } from './credit-ledger';
import { creditLedger } from './credits.table';

/**
 * Pays an award's credits to one resident (kind `award`), in the caller's transaction. Keyed by
 * the award (`award` + its id per resident: the ledger's unique source index), so publishing
 * twice, a retry or a race pays once. Returns the credits paid (0: already paid).
 */
export async function payAward(
  tx: DbOrTx,
  a: { awardId: string; residentId: string; countyId: string; amount: number; note: string; actorId: string | null },
): Promise<number> {
  if (a.amount <= 0) return 0;
  const done = await appendEntry(tx, {
    countyId: a.countyId,
    residentId: a.residentId,
    kind: 'award',
    amount: a.amount,
    sourceType: 'award',
    sourceId: a.awardId,
    note: a.note,
    createdBy: a.actorId,
  });
  return done?.amount ?? 0;
}

/** Credits these residents earned together in a year (China time): earnings less their reversals, spending left out. */
export async function earnedInYear(db: DbOrTx, residentIds: string[], year: number): Promise<number> {
  if (residentIds.length === 0) return 0;
  const [r] = await db
    .select({
      total: sql<string>`coalesce(sum(${creditLedger.amount}) filter (where ${creditLedger.kind} <> 'redeem' and (${creditLedger.kind} <> 'reversal' or ${creditLedger.reversesId} not in (select r.id from credit_ledger r where r.kind = 'redeem'))), 0)`,
    })
    .from(creditLedger)
    .where(
      and(
        inArray(creditLedger.residentId, residentIds),
        gte(creditLedger.createdAt, new Date(chinaInstant(`${year}-01-01`))),
        lt(creditLedger.createdAt, new Date(chinaInstant(`${year + 1}-01-01`))),
      ),
    );
  return Math.round(Number(r.total) * 10) / 10;
}

/** The award credits paid for one award (all residents), for the publisher's summary and the tests. */
export async function awardPaid(db: DbOrTx, awardId: string): Promise<number> {
  const [r] = await db
    .select({ total: sql<string>`coalesce(sum(${creditLedger.amount}), 0)` })
    .from(creditLedger)
    .where(and(eq(creditLedger.sourceType, 'award'), eq(creditLedger.sourceId, awardId)));
  return Number(r.total);
}
