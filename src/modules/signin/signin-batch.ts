import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { grantForNewSignIns } from '../credits/credit-grants';
import type { SignInStatus } from './signin.contract';

/** One scan to record: who (a resident id, or phone + name to match on the roster) on which phone. */
export type ScanJob = { activityId: string; countyId: string; theme: string; residentId: string | null; phone: string | null; name: string | null; deviceId: string };
/** The row a scan inserted; undefined when its insert did nothing (the person had signed in already). */
export type ScanRow = { id: string; resident_id: string | null; status: SignInStatus; signed_at: string | Date; name: string | null };

type Waiting = ScanJob & { done: (row: ScanRow | undefined) => void; fail: (err: unknown) => void };

/** Scans are written in batches of at most this many, one transaction each. */
export const BATCH_MAX = 100;

/**
 * Group commit: a crowd's scans queue, and one writer per database takes what has queued
 * and writes it with one statement in one transaction (the credits of those who are paid at
 * sign-in in the same transaction). A crowd then costs a few statements, not a few per
 * person. A batch never holds two scans from one phone for one activity, so the one-phone
 * rule sees the first before it judges the second.
 */
const queues = new WeakMap<Db, { waiting: Waiting[]; running: boolean }>();

export function recordScan(db: Db, job: ScanJob): Promise<ScanRow | undefined> {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = { waiting: [], running: false }));
  const queue = q;
  return new Promise((done, fail) => {
    queue.waiting.push({ ...job, done, fail });
    if (!queue.running) {
      queue.running = true;
      // Let the requests that arrived together join the first batch.
      setImmediate(() => void drain(db, queue));
    }
  });
}

async function drain(db: Db, q: { waiting: Waiting[]; running: boolean }): Promise<void> {
  try {
    while (q.waiting.length > 0) {
      const batch: Waiting[] = [];
      const phones = new Set<string>();
      const later: Waiting[] = [];
      for (const w of q.waiting) {
        const key = `${w.activityId}:${w.deviceId}`;
        if (batch.length >= BATCH_MAX || phones.has(key)) later.push(w);
        else {
          phones.add(key);
          batch.push(w);
        }
      }
      q.waiting = later;
      try {
        const rows = await writeBatch(db, batch);
        for (const w of batch) w.done(rows.get(`${w.activityId}:${w.deviceId}`));
      } catch (err) {
        for (const w of batch) w.fail(err);
      }
    }
  } finally {
    q.running = false;
  }
}

/**
 * The sign-in statement for a batch: matches each person (a resident id, or phone + name on
 * the county's roster), applies the one-phone rule (this phone already signed someone else
 * in for the activity → pending) and inserts. `on conflict do nothing` on the unique indexes
 * makes every retry, double tap and racing request give the one row.
 */
export function signInStatement(jobs: ScanJob[]): SQL {
  const values = sql.join(jobs.map((j, i) => sql`(${i}::int, ${j.activityId}::uuid, ${j.countyId}::uuid, ${j.residentId}::uuid, ${j.phone}::varchar, ${j.name}::varchar, ${j.deviceId}::varchar)`), sql`, `);
  return sql`
    with input (ord, activity_id, county_id, resident_id, phone, name, device_id) as (values ${values}),
    matched as (
      select i.*, coalesce(
        (select r.id from residents r where r.id = i.resident_id and r.county_id = i.county_id and r.anonymized_at is null),
        (select r.id from residents r where i.resident_id is null and r.county_id = i.county_id and r.phone = i.phone and r.name = i.name and r.anonymized_at is null order by r.id limit 1)
      ) as rid
      from input i
    ), judged as (
      select m.*, exists (
        select 1 from sign_ins s where s.activity_id = m.activity_id and s.device_id = m.device_id
          and s.status <> 'rejected' and s.resident_id is distinct from m.rid
      ) as shared_phone
      from matched m
    )
    insert into sign_ins (activity_id, resident_id, status, method, device_id, pending_name, pending_phone)
    select activity_id, rid, case when rid is not null and not shared_phone then 'confirmed' else 'pending' end, 'qr', device_id,
      case when rid is null then name end, case when rid is null then phone end
    from judged order by ord
    on conflict do nothing
    returning id, activity_id, device_id, resident_id, status, signed_at, (select r.name from residents r where r.id = sign_ins.resident_id) as name`;
}

type Returned = ScanRow & { activity_id: string; device_id: string };

async function writeBatch(db: Db, jobs: ScanJob[]): Promise<Map<string, ScanRow>> {
  return db.transaction(async (tx) => {
    const result = await tx.execute(signInStatement(jobs));
    const rows = (result as unknown as { rows: Returned[] }).rows;
    const out = new Map<string, ScanRow>();
    for (const r of rows) out.set(`${r.activity_id}:${r.device_id}`, r);
    // Contract 5: the batch's credits in one set of statements; the theme's rule decides whether
    // they are paid now or when the activity is done (grantForNewSignIns reads it).
    await grantForNewSignIns(tx, { signInIds: rows.filter((r) => r.status === 'confirmed').map((r) => r.id), actorId: null });
    return out;
  });
}
