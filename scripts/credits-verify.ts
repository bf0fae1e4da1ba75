import { verifyBalances, verifyRedemptions } from '../src/modules/credits/credit-verify';
import { openForCli } from './db-open';

/**
 * npm run credits:verify: every cached credit balance must equal the sum of the ledger, and
 * every redemption must agree with its ledger entry; exit 1 if not.
 */
const database = await openForCli();
try {
  const b = await verifyBalances((sql) => database.query(sql));
  const r = await verifyRedemptions((sql) => database.query(sql));
  for (const m of b.mismatches)
    console.error(
      `居民 resident ${m.residentId}: 缓存余额 cached ${m.cached ?? '(none)'} ≠ 流水合计 ledger ${m.ledger}`,
    );
  for (const m of r.mismatches) console.error(`兑换 redemption ${m.redemptionId} (${m.status}): ${m.problem}`);
  if (b.mismatches.length === 0 && r.mismatches.length === 0) {
    console.log(`学分余额一致 credit balances match the ledger: ${b.accounts} accounts, ${r.redemptions} redemptions`);
  } else {
    console.error(
      `${b.mismatches.length} 个账户余额与流水不符 of ${b.accounts} accounts do not match; ${r.mismatches.length} of ${r.redemptions} redemptions disagree with the ledger`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
