import { ensureWebBuilt } from '../../scripts/web-build.mjs';

/** The browser tests drive the built app: build dist/web first when it is missing or stale. */
export default async function setup(): Promise<void> {
  await ensureWebBuilt();
}
