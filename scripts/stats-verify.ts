import { statsDifferences } from '../src/modules/stats';
import { openForCli } from './db-open';

/**
 * npm run stats:verify: every kept statistic (the figures the indicators read) must equal a
 * recomputation from the sign-ins, activities and residents; nothing is changed (the
 * recomputation is rolled back). Exit 1 and print the rows that disagree if not.
 */
const database = await openForCli();
try {
  const d = await statsDifferences(database.db);
  if (d.onlyKept.length === 0 && d.onlyRecomputed.length === 0) {
    console.log(`统计表与原始记录一致 the kept statistics match the records: ${d.rows} rows`);
  } else {
    for (const r of d.onlyKept.slice(0, 50)) console.error(`只在统计表中 kept only: ${r}`);
    for (const r of d.onlyRecomputed.slice(0, 50)) console.error(`重算才有 recomputed only: ${r}`);
    console.error(
      `${d.onlyKept.length + d.onlyRecomputed.length} 行不一致 rows disagree; 修复 fix: 在数据库中执行 run select stat_rebuild();`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
