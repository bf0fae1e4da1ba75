import { readConfig } from '../src/server/config';
import { openDatabase, type Database } from '../src/server/db/client';
import { DataDirLockedError } from '../src/server/db/lock';

/** Opens the configured database for a command-line tool, with a plain message if the server holds it. */
export async function openForCli(): Promise<Database> {
  const config = readConfig();
  try {
    return await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(
        `${err.message}\n请先停止服务（Ctrl+C），再运行此命令。Stop the server first, then run this command again.`,
      );
      process.exit(75);
    }
    throw err;
  }
}
