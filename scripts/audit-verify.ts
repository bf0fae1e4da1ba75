import { verifyAuditChain } from '../src/modules/audit/audit.query';
import { openForCli } from './db-open';

/** npm run audit:verify: recomputes the audit trail's hash chain; exit 1 if it is broken. */
const database = await openForCli();
try {
  const r = await verifyAuditChain((sql) => database.query(sql));
  if (r.ok) console.log(`审计链完整 audit chain intact: ${r.rows} rows`);
  else {
    console.error(`审计链在第 ${r.brokenAt} 条处断开 audit chain broken at row ${r.brokenAt} (of ${r.rows})`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
