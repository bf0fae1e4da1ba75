import { buildApp } from './app';
import { readConfig } from './config';
import { openDatabase } from './db/client';
import { DataDirLockedError } from './db/lock';
import { autoBackupJob } from './db/auto-backup';
import { startJobs } from './jobs';
import { DEMO_ACCOUNTS, hasDemoAdmin, seedDemoIfEmpty, wantsDemo } from '../db/demo';
import { firstRunCode, pruneLoginFailures, pruneSessions, setupState } from '../modules/accounts';
import { pruneUnattachedFiles } from '../modules/files';

/** Starts the server: open and migrate the database, seed the demo county if empty, listen. */
export async function main(): Promise<void> {
  const config = readConfig();
  let database;
  try {
    database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(75);
    }
    throw err;
  }
  const app = await buildApp({ database, config });
  const seeded = wantsDemo(config.demo, database.kind)
    ? await seedDemoIfEmpty(database, config.demoPassword, app.protector)
    : false;
  // Once per period across all app nodes (server/jobs.ts). CEDU_JOBS_TICK_MS: tests only.
  const stopJobs = startJobs(
    database,
    [
      {
        name: 'housekeeping',
        everyMs: 10 * 60_000,
        run: async () =>
          void (await Promise.all([
            pruneSessions(database.db),
            pruneLoginFailures(database.db),
            pruneUnattachedFiles(database.db),
          ])),
      },
      ...(database.kind === 'pglite' && process.env.CEDU_AUTO_BACKUP !== '0'
        ? [autoBackupJob(database, config, app.log)]
        : []),
    ],
    { log: app.log, tickMs: Number(process.env.CEDU_JOBS_TICK_MS) || undefined },
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    stopJobs();
    try {
      await app.close();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  cedu 社区教育管理与服务平台 — ${url}`,
    `  数据库 database: ${database.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}`,
  ];
  if (seeded) lines.push('  已创建演示县“青溪县” (fictional demo county created)');
  const setup = await setupState(database.db);
  if (setup.needed) {
    lines.push(
      '  未创建演示数据，系统还没有任何账号 — no demo was created and there is no account yet.',
      '  创建第一个系统管理员 Create the first system admin, either:',
      `    网页 web: ${url}/setup  设置码 setup code: ${firstRunCode(app.protector)}`,
      `    命令 command: npm run admin:create -- <用户名 username>${setup.hasCounty ? '' : ' --county <县（区）名称 county name>'}`,
    );
  } else if (await hasDemoAdmin(database.db)) {
    lines.push(
      `  演示账号 demo logins (password: ${process.env.CEDU_DEMO_PASSWORD ? '$CEDU_DEMO_PASSWORD' : config.demoPassword}):`,
    );
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.username.padEnd(10)} ${a.displayName}`);
  }
  console.log(lines.join('\n') + '\n');
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!);
if (isEntry) void main();
