import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test/server-fixture';

const s = useTestServer();

describe('/api/health', () => {
  it('answers with the database in use', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: s.database.kind });
    // On a loaded machine an idle PGlite can miss the 50 ms and truly answer busy for a moment;
    // once its thread gets a turn, health says plainly that all is well.
    await expect
      .poll(async () => (await s.app.inject({ method: 'GET', url: '/api/health' })).json(), { timeout: 30_000 })
      .toEqual({ status: 'ok', db: s.database.kind });
  });

  it('answers promptly while a long transaction holds the database, and says it is busy when PGlite is', async () => {
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const long = s.database.transaction(async (q) => {
      await q('select 1');
      inside();
      await q('select pg_sleep(1.5)');
    });
    await entered;
    const t0 = performance.now();
    const res = await s.app.inject({ method: 'GET', url: '/api/health' });
    const ms = performance.now() - t0;
    await long;
    expect(res.statusCode).toBe(200);
    // PGlite has one session, held by the transaction: health must not wait for it.
    // PostgreSQL has a pool: health gets its own connection and answers normally.
    expect(res.json()).toEqual(
      s.database.kind === 'pglite' ? { status: 'ok', db: 'pglite', busy: true } : { status: 'ok', db: 'postgres' },
    );
    expect(ms).toBeLessThan(1000);
    await expect
      .poll(async () => (await s.app.inject({ method: 'GET', url: '/api/health' })).json(), { timeout: 30_000 })
      .toEqual({ status: 'ok', db: s.database.kind });
  });
});
