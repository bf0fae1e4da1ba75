import { verifyBalances } from '../src/modules/credits/credit-verify';
import { openForCli } from './db-open';

/** npm run credits:verify: every cached credit balance must equal the sum of the ledger; exit 1 if not. */
const database = await openForCli();
try {
  const r = await verifyBalances((sql) => database.query(sql));
  if (r.mismatches.length === 0) console.log(`学分余额一致 credit balances match the ledger: ${r.accounts} accounts`);
  else {
    for (const m of r.mismatches) console.error(`居民 resident ${m.residentId}: 缓存余额 cached ${m.cached ?? '(none)'} ≠ 流水合计 ledger ${m.ledger}`);
    console.error(`${r.mismatches.length} 个账户余额与流水不符 of ${r.accounts} accounts do not match`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
