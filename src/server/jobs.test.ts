import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import type { Database } from './db/client';
import { runOnce, type Job } from './jobs';

// Nodes "a" and "b" tick against one database (on PostgreSQL over separate connections of the
// pool, so their claims really race). Two real server processes: test/multi-node.test.ts.
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const row = async (name: string) =>
  (
    await database.query<{ runs: number; last_node: string; last_error: string | null; running_until: Date | null }>(
      `select runs, last_node, last_error, running_until from scheduled_jobs where name = $1`,
      [name],
    )
  )[0];

describe('periodic jobs', () => {
  it('nodes ticking together run a due job once', async () => {
    let runs = 0;
    const job: Job = { name: 'together', everyMs: 60_000, run: async () => void runs++ };
    const ran = await Promise.all(Array.from({ length: 20 }, (_, i) => runOnce(database, job, i % 2 ? 'a' : 'b')));
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    expect(await row('together')).toMatchObject({ runs: 1, last_error: null, running_until: null });
  });

  it('runs once per period, whichever node ticks', async () => {
    const starts: number[] = [];
    const job: Job = { name: 'periodic', everyMs: 300, run: async () => void starts.push(Date.now()) };
    const t0 = Date.now();
    while (Date.now() - t0 < 1100) {
      await Promise.all([runOnce(database, job, 'a'), runOnce(database, job, 'b')]);
      await sleep(20);
    }
    expect(starts.length).toBeGreaterThanOrEqual(3);
    expect(starts.length).toBeLessThanOrEqual(4);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThan(250);
  });

  it('a run that outlasts its period is not started again meanwhile; a failure is recorded and frees the job', async () => {
    let running = 0;
    let most = 0;
    const job: Job = {
      name: 'slow',
      everyMs: 10,
      leaseMs: 10_000,
      run: async () => {
        most = Math.max(most, ++running);
        await sleep(300);
        running--;
        throw new Error('disk full');
      },
    };
    const first = runOnce(database, job, 'a');
    await sleep(50);
    expect(await runOnce(database, job, 'b')).toBe(false);
    await expect(first).rejects.toThrow('disk full');
    expect(most).toBe(1);
    expect(await row('slow')).toMatchObject({ last_node: 'a', last_error: 'disk full', running_until: null });
    await sleep(20);
    await expect(runOnce(database, job, 'b')).rejects.toThrow('disk full');
  });

  it('a run whose node died (lease lapsed) is taken over by another node', async () => {
    const job: Job = { name: 'orphan', everyMs: 10, leaseMs: 60_000, run: async () => {} };
    await database.query(
      `insert into scheduled_jobs (name, next_run_at, running_until, last_node) values ('orphan', now() - interval '1 minute', now() + interval '1 minute', 'gone')`,
    );
    expect(await runOnce(database, job, 'b')).toBe(false);
    await database.query(`update scheduled_jobs set running_until = now() - interval '1 second' where name = 'orphan'`);
    expect(await runOnce(database, job, 'b')).toBe(true);
    expect(await row('orphan')).toMatchObject({ last_node: 'b', running_until: null });
  });
});
