import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { AppError } from '../../shared/app-error';
import { creditBalances } from './credit-bank.table';
import { creditLedger } from './credits.table';

export type EntryKind = 'attendance' | 'resource' | 'volunteer' | 'award' | 'redeem' | 'reversal';
export type NewEntry = {
  countyId: string;
  residentId: string;
  kind: EntryKind;
  amount: number;
  sourceType?: string | null;
  sourceId?: string | null;
  reversesId?: number | null;
  note?: string | null;
  createdBy?: string | null;
};

/** Credits are kept with one decimal (numeric(8,1)). */
export const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Locks the resident's account row (creating it at 0) and returns the balance derived from
 * the ledger. Every write to a resident's ledger goes through here first, so writes of one
 * resident run one after another and a spend sees every committed entry.
 */
export async function lockAccount(tx: DbOrTx, residentId: string, countyId: string): Promise<number> {
  await tx.insert(creditBalances).values({ residentId, countyId, balance: '0' }).onConflictDoNothing();
  await tx
    .select({ id: creditBalances.residentId })
    .from(creditBalances)
    .where(eq(creditBalances.residentId, residentId))
    .for('update');
  return ledgerBalance(tx, residentId);
}

/** The balance: the sum of the resident's ledger entries. */
export async function ledgerBalance(db: DbOrTx, residentId: string): Promise<number> {
  const [{ total }] = await db
    .select({ total: sql<string>`coalesce(sum(${creditLedger.amount}), 0)` })
    .from(creditLedger)
    .where(eq(creditLedger.residentId, residentId));
  return Number(total);
}

/**
 * Appends one entry and moves the cached balance with it, in the caller's transaction.
 * An earning whose source already earned (unique source index) is skipped: returns null.
 */
export async function appendEntry(tx: DbOrTx, e: NewEntry): Promise<{ id: number; amount: number } | null> {
  const amount = round1(e.amount);
  if (amount === 0) return null;
  await lockAccount(tx, e.residentId, e.countyId);
  const [row] = await tx
    .insert(creditLedger)
    .values({
      countyId: e.countyId,
      residentId: e.residentId,
      kind: e.kind,
      amount: amount.toFixed(1),
      sourceType: e.sourceType ?? null,
      sourceId: e.sourceId ?? null,
      reversesId: e.reversesId ?? null,
      note: e.note ? e.note.slice(0, 200) : null,
      createdBy: e.createdBy ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: creditLedger.id });
  if (!row) return null;
  await tx
    .update(creditBalances)
    .set({ balance: sql`${creditBalances.balance} + ${amount.toFixed(1)}::numeric`, updatedAt: new Date() })
    .where(eq(creditBalances.residentId, e.residentId));
  return { id: row.id, amount };
}

export type LedgerRow = typeof creditLedger.$inferSelect;

/** The entry and whether it has already been reversed. */
export async function loadEntry(
  db: DbOrTx,
  id: number,
): Promise<{ entry: LedgerRow; reversedBy: number | null } | null> {
  const [entry] = await db.select().from(creditLedger).where(eq(creditLedger.id, id));
  if (!entry) return null;
  const [rev] = await db
    .select({ id: creditLedger.id })
    .from(creditLedger)
    .where(and(eq(creditLedger.reversesId, id), eq(creditLedger.kind, 'reversal')));
  return { entry, reversedBy: rev?.id ?? null };
}

/**
 * A correction: a reversing entry of −amount pointing at the original. A reversal is not
 * reversed, and an entry is reversed once (unique index). Reversing an earning may leave a
 * negative balance when the credits were already spent; that is shown, not hidden.
 */
export async function appendReversal(
  tx: DbOrTx,
  original: LedgerRow,
  v: { reason: string; createdBy: string | null },
): Promise<{ id: number; amount: number }> {
  if (original.kind === 'reversal')
    throw new AppError('CONFLICT', { detail: '冲正记录不能再冲正', detailEn: 'a reversal cannot itself be reversed' });
  const done = await appendEntry(tx, {
    countyId: original.countyId,
    residentId: original.residentId,
    kind: 'reversal',
    amount: -Number(original.amount),
    reversesId: original.id,
    note: v.reason,
    createdBy: v.createdBy,
  });
  if (!done)
    throw new AppError('CONFLICT', {
      detail: '这条记录已经冲正过了',
      detailEn: 'this entry has already been reversed',
    });
  return done;
}
