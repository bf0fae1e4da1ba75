import os from 'node:os';
import type { Database } from './db/client';

/**
 * Periodic jobs that must run once per period however many app nodes run (housekeeping, the
 * embedded database's backups). Every node ticks; a tick runs a job only if one UPDATE of its
 * `scheduled_jobs` row moves `next_run_at` past now: nodes that tick together queue on the row
 * lock, and the second one finds the job no longer due. `running_until` keeps a run that
 * outlasts its period from starting twice, and lapses if its node dies mid-run. The same path
 * runs on PGlite (one node) and on PostgreSQL.
 */
export type Job = {
  name: string;
  /** Time from one run's start to the next. */
  everyMs: number;
  /** How long a run may hold the job before another node may take it over (default everyMs). */
  leaseMs?: number;
  run: () => Promise<void>;
};

export type JobLog = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

/** This process among the nodes: host and process id. */
export const NODE_NAME = `${os.hostname()}:${process.pid}`.slice(0, 120);

/** The claimed run's start, as PostgreSQL's text (a JavaScript Date would drop the microseconds). */
type Claim = { started: string };

/** Takes this period's run of a job, or null when it is not due or another node has it. */
export async function claimJob(database: Database, job: Job, node = NODE_NAME): Promise<Claim | null> {
  await database.query(`insert into scheduled_jobs (name) values ($1) on conflict (name) do nothing`, [job.name]);
  const [row] = await database.query<{ started: string }>(
    `update scheduled_jobs set next_run_at = now() + $2 * interval '1 millisecond', running_until = now() + $3 * interval '1 millisecond',
       last_started_at = now(), last_node = $4, runs = runs + 1
     where name = $1 and next_run_at <= now() and (running_until is null or running_until <= now())
     returning last_started_at::text as started`,
    [job.name, job.everyMs, job.leaseMs ?? job.everyMs, node],
  );
  return row ? { started: row.started } : null;
}

/** Runs a job if it is due and no other node runs it. Says whether it ran; a failure is recorded and rethrown. */
export async function runOnce(database: Database, job: Job, node = NODE_NAME): Promise<boolean> {
  const claim = await claimJob(database, job, node);
  if (!claim) return false;
  let error: string | null = null;
  try {
    await job.run();
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
    throw err;
  } finally {
    // Only this run's own row: after a lapsed lease another node's run may hold it.
    await database.query(
      `update scheduled_jobs set running_until = null, last_finished_at = now(), last_error = $4
       where name = $1 and last_node = $2 and last_started_at = $3::timestamptz`,
      [job.name, node, claim.started, error?.slice(0, 2000) ?? null],
    );
  }
  return true;
}

/**
 * Ticks every `tickMs` (first after `firstMs`) and runs each due job, one job at a time per
 * node. Returns stop(): no new runs start (one under way finishes or its lease lapses).
 */
export function startJobs(
  database: Database,
  jobs: Job[],
  opts: { log: JobLog; tickMs?: number; firstMs?: number },
): () => void {
  const tickMs = opts.tickMs ?? 60_000;
  let busy = false;
  let stopped = false;
  const tick = async () => {
    if (busy || stopped) return;
    busy = true;
    for (const job of jobs) {
      if (stopped) break;
      try {
        if (await runOnce(database, job)) opts.log.info({ job: job.name }, 'periodic job done');
      } catch (err) {
        opts.log.error({ err, job: job.name }, 'periodic job failed');
      }
    }
    busy = false;
  };
  const first = setTimeout(() => void tick(), opts.firstMs ?? Math.min(5_000, tickMs));
  const timer = setInterval(() => void tick(), tickMs);
  first.unref();
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
  };
}
