/** A cached balance that is not the sum of the resident's ledger entries. */
export type BalanceMismatch = { residentId: string; cached: number | null; ledger: number };

/**
 * Checks every cached balance against the sum of the ledger: a resident with entries but no
 * cached row, or a cached row that differs from the sum, is a mismatch. Plain SQL, so the
 * command runs on either database without the app.
 */
export async function verifyBalances(query: <T>(sql: string) => Promise<T[]>): Promise<{ accounts: number; mismatches: BalanceMismatch[] }> {
  const rows = await query<{ resident_id: string; cached: string | null; ledger: string | null }>(`
    select coalesce(b.resident_id, l.resident_id) as resident_id, b.balance as cached, coalesce(l.total, 0) as ledger
    from credit_balances b
    full outer join (select resident_id, sum(amount) as total from credit_ledger group by resident_id) l on l.resident_id = b.resident_id
    order by 1`);
  const mismatches = rows
    .filter((r) => r.cached === null || Number(r.cached) !== Number(r.ledger))
    .map((r) => ({ residentId: r.resident_id, cached: r.cached === null ? null : Number(r.cached), ledger: Number(r.ledger) }));
  return { accounts: rows.length, mismatches };
}
