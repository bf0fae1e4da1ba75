// `npm start`: build the web app if it is missing or stale, then run the server serving it.
import { ensureWebBuilt, WEB_DIR } from './web-build.mjs';

async function start(): Promise<void> {
  if (process.env.CEDU_SKIP_WEB_BUILD !== '1') {
    try {
      await ensureWebBuilt();
    } catch (err) {
      console.error(`网页构建失败 building the web app failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
  }
  process.env.CEDU_WEB_DIR ||= WEB_DIR;
  // Loaded only now, so that a build failure stops before the database is opened.
  const { main } = await import('../src/server/main');
  await main();
}

void start().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
