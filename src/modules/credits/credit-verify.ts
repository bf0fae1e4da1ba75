/** A cached balance that is not the sum of the resident's ledger entries. */
export type BalanceMismatch = { residentId: string; cached: number | null; ledger: number };
/** A redemption whose status or cost disagrees with its ledger entry. */
export type RedemptionMismatch = { redemptionId: string; status: string; problem: string };

type Query = <T>(sql: string) => Promise<T[]>;

/**
 * Checks every cached balance against the sum of the ledger: a resident with entries but no
 * cached row, or a cached row that differs from the sum, is a mismatch. Plain SQL, so the
 * command runs on either database without the app.
 */
export async function verifyBalances(query: Query): Promise<{ accounts: number; mismatches: BalanceMismatch[] }> {
  const rows = await query<{ resident_id: string; cached: string | null; ledger: string | null }>(`
    select coalesce(b.resident_id, l.resident_id) as resident_id, b.balance as cached, coalesce(l.total, 0) as ledger
    from credit_balances b
    full outer join (select resident_id, sum(amount) as total from credit_ledger group by resident_id) l on l.resident_id = b.resident_id
    order by 1`);
  const mismatches = rows
    .filter((r) => r.cached === null || Number(r.cached) !== Number(r.ledger))
    .map((r) => ({
      residentId: r.resident_id,
      cached: r.cached === null ? null : Number(r.cached),
      ledger: Number(r.ledger),
    }));
  return { accounts: rows.length, mismatches };
}

/** Every redemption against its `redeem` entry: cost = −amount, done ⇔ not reversed. */
export async function verifyRedemptions(
  query: Query,
): Promise<{ redemptions: number; mismatches: RedemptionMismatch[] }> {
  const rows = await query<{
    id: string;
    status: string;
    cost: string;
    kind: string;
    amount: string;
    reversed: boolean;
  }>(`
    select d.id, d.status, d.cost, l.kind, l.amount, exists (select 1 from credit_ledger r where r.reverses_id = l.id) as reversed
    from credit_redemptions d join credit_ledger l on l.id = d.ledger_id order by d.created_at, d.id`);
  const mismatches: RedemptionMismatch[] = [];
  for (const r of rows) {
    if (r.kind !== 'redeem' || Number(r.cost) !== -Number(r.amount))
      mismatches.push({
        redemptionId: r.id,
        status: r.status,
        problem: `entry ${r.kind} ${r.amount} for cost ${r.cost}`,
      });
    else if ((r.status === 'done') === r.reversed)
      mismatches.push({
        redemptionId: r.id,
        status: r.status,
        problem: r.reversed
          ? 'entry reversed but redemption not cancelled'
          : 'redemption cancelled but entry not reversed',
      });
  }
  return { redemptions: rows.length, mismatches };
}
