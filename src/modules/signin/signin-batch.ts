import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { fieldError } from '../../shared/app-error';
import { payNewSignIns } from './signin-credits';
import type { SignInStatus } from './signin.contract';
import { sqlRows } from '../../server/db/sql';

/**
 * One scan to record: who (a resident id, or phone + name to match on the roster) on which
 * phone (`deviceId`), from which network and browser (`sourceId`, for typed sign-ins), at an
 * activity of which centre (`centrePath`: the roster match prefers the centre, then its town).
 */
export type ScanJob = {
  activityId: string;
  countyId: string;
  centrePath: string;
  theme: string;
  residentId: string | null;
  phone: string | null;
  name: string | null;
  deviceId: string;
  sourceId: string | null;
};
/** Why a pending sign-in waits for staff. */
export type PendingReason = 'unknown' | 'ambiguous' | 'device' | 'source';
/** The row a scan inserted; undefined when its insert did nothing (the person had signed in already). */
export type ScanRow = {
  id: string;
  resident_id: string | null;
  status: SignInStatus;
  signed_at: string | Date;
  name: string | null;
  pending_reason: PendingReason | null;
};

type Waiting = ScanJob & { done: (row: ScanRow | undefined) => void; fail: (err: unknown) => void };

/** Scans are written in batches of at most this many, one transaction each. */
export const BATCH_MAX = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const PATH = /^(\/[0-9a-f-]{36})+\/$/;
/** Control characters, NUL included, and the direction marks that could disguise a name. */
// eslint-disable-next-line no-control-regex -- the point is to find them
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Refuses a scan the sign-in statement could not take, before it joins a batch: one bad
 * scan must never be written together with its neighbours. The routes' schemas check the
 * same things; this holds for any caller.
 */
export function assertScanJob(j: ScanJob): void {
  const ok =
    UUID.test(j.activityId) &&
    UUID.test(j.countyId) &&
    PATH.test(j.centrePath) &&
    HEX64.test(j.deviceId) &&
    (j.sourceId === null || HEX64.test(j.sourceId)) &&
    (j.residentId === null || UUID.test(j.residentId));
  if (!ok)
    throw fieldError(
      'token',
      '二维码无效，请重新扫描现场的二维码',
      'This QR code is not valid; scan the one on site again',
    );
  if (j.residentId) return;
  if (!j.phone || !/^\+?[0-9]{5,20}$/.test(j.phone))
    throw fieldError('phone', '请填写正确的手机号', 'Enter a valid phone number');
  if (!j.name || j.name.length > 40 || UNSAFE.test(j.name) || j.name.trim() !== j.name) {
    throw fieldError(
      'name',
      '姓名里有不能使用的字符，请重新填写',
      'The name contains characters that cannot be used; type it again',
    );
  }
}

/**
 * Group commit: a crowd's scans queue, and one writer per database takes what has queued
 * and writes it with one statement in one transaction (the credits of those who are paid at
 * sign-in in the same transaction). A crowd then costs a few statements, not a few per
 * person. A batch never holds two scans from one phone, or two typed scans from one source,
 * for one activity, so the one-phone rule sees the first before it judges the second. If a
 * batch fails, its scans are written again one by one: only the one that cannot be written fails.
 */
const queues = new WeakMap<Db, { waiting: Waiting[]; running: boolean }>();

export function recordScan(db: Db, job: ScanJob): Promise<ScanRow | undefined> {
  try {
    assertScanJob(job);
  } catch (err) {
    return Promise.reject(err);
  }
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

const rowKey = (j: { activityId: string; deviceId: string }) => `${j.activityId}:${j.deviceId}`;

async function drain(db: Db, q: { waiting: Waiting[]; running: boolean }): Promise<void> {
  try {
    while (q.waiting.length > 0) {
      const batch: Waiting[] = [];
      const taken = new Set<string>();
      const later: Waiting[] = [];
      for (const w of q.waiting) {
        const keys = [rowKey(w), ...(w.sourceId ? [`${w.activityId}:s:${w.sourceId}`] : [])];
        if (batch.length >= BATCH_MAX || keys.some((k) => taken.has(k))) later.push(w);
        else {
          for (const k of keys) taken.add(k);
          batch.push(w);
        }
      }
      q.waiting = later;
      await writeIsolated(db, batch);
    }
  } finally {
    q.running = false;
  }
}

/** Writes a batch; if it fails, each scan again on its own, so a failure stays with its own scan. */
async function writeIsolated(db: Db, batch: Waiting[]): Promise<void> {
  try {
    const rows = await writeBatch(db, batch);
    for (const w of batch) w.done(rows.get(rowKey(w)));
    return;
  } catch (err) {
    if (batch.length === 1) {
      batch[0].fail(err);
      return;
    }
  }
  for (const w of batch) {
    try {
      w.done((await writeBatch(db, [w])).get(rowKey(w)));
    } catch (err) {
      w.fail(err);
    }
  }
}

/**
 * The sign-in statement for a batch. Each person is matched: a resident id as given, or
 * phone + name on the county's roster, preferring the activity's centre, then its town, then
 * the county; several at the best level → nobody (pending, 'ambiguous'). Then the rules:
 * this phone already signed someone else in for the activity → pending ('device'); a typed
 * sign-in from a phone the server does not remember for anyone, when another such sign-in
 * came from the same source (address + browser) on another phone → pending ('source').
 * `on conflict do nothing` on the unique indexes makes every retry, double tap and racing
 * request give the one row.
 */
export function signInStatement(jobs: ScanJob[]): SQL {
  const values = sql.join(
    jobs.map((j, i) => {
      const town = j.centrePath.split('/').slice(0, 3).join('/') + '/';
      return sql`(${i}::int, ${j.activityId}::uuid, ${j.countyId}::uuid, ${j.centrePath}::text, ${town}::text, ${j.residentId}::uuid, ${j.phone}::varchar, ${j.name}::varchar, ${j.deviceId}::varchar, ${j.sourceId}::varchar)`;
    }),
    sql`, `,
  );
  return sql`
    with input (ord, activity_id, county_id, centre_path, town_path, resident_id, phone, name, device_id, source_id) as (values ${values}),
    matched as (
      select i.*, cand.n as candidates,
        case when i.resident_id is not null
          then (select r.id from residents r where r.id = i.resident_id and r.county_id = i.county_id and r.anonymized_at is null)
          when cand.n = 1 then cand.id::uuid end as rid,
        exists (select 1 from resident_devices d where d.id = i.device_id and d.expires_at > now()) as remembered
      from input i
      left join lateral (
        select count(*) filter (where c.rk = c.best)::int as n, min(c.id::text) filter (where c.rk = c.best) as id from (
          select r.id, x.rk, min(x.rk) over () as best
          from residents r join org_nodes n on n.id = r.node_id
          cross join lateral (select case when n.path like i.centre_path || '%' then 0 when n.path like i.town_path || '%' then 1 else 2 end as rk) x
          where i.resident_id is null and r.county_id = i.county_id and r.phone = i.phone and r.name = i.name and r.anonymized_at is null
        ) c
      ) cand on true
    ), judged as (
      select m.*,
        exists (
          select 1 from sign_ins s where s.activity_id = m.activity_id and s.device_id = m.device_id
            and s.status <> 'rejected' and s.resident_id is distinct from m.rid
        ) as shared_phone,
        (m.resident_id is null and not m.remembered and m.source_id is not null and exists (
          select 1 from sign_ins s where s.activity_id = m.activity_id and s.source_id = m.source_id and s.status <> 'rejected'
            and s.device_id is distinct from m.device_id and (m.rid is null or s.resident_id is distinct from m.rid)
        )) as shared_source
      from matched m
    )
    insert into sign_ins (activity_id, resident_id, status, method, device_id, source_id, pending_name, pending_phone, pending_reason)
    select activity_id, rid,
      case when rid is not null and not shared_phone and not shared_source then 'confirmed' else 'pending' end, 'qr', device_id,
      case when resident_id is null and not remembered then source_id end,
      case when rid is null then name end, case when rid is null then phone end,
      case when rid is null then (case when coalesce(candidates, 0) > 1 then 'ambiguous' else 'unknown' end)
        when shared_phone then 'device' when shared_source then 'source' end
    from judged order by ord
    on conflict do nothing
    returning id, activity_id, device_id, resident_id, status, signed_at, pending_reason, (select r.name from residents r where r.id = sign_ins.resident_id) as name`;
}

type Returned = ScanRow & { activity_id: string; device_id: string };

/** One batch in one transaction: the sign-in statement, then the credits of the confirmed. */
export async function writeBatch(db: Db, jobs: ScanJob[]): Promise<Map<string, ScanRow>> {
  return db.transaction(async (tx) => {
    const rows = await sqlRows<Returned>(tx, signInStatement(jobs));
    const out = new Map<string, ScanRow>();
    for (const r of rows) out.set(`${r.activity_id}:${r.device_id}`, r);
    // Contract 5: the batch's credits in one set of statements; the theme's rule decides whether
    // they are paid now or when the activity is done (payNewSignIns gathers, credits decides). Pending earns nothing.
    await payNewSignIns(tx, {
      signInIds: rows.filter((r) => r.status === 'confirmed').map((r) => r.id),
      actorId: null,
    });
    return out;
  });
}
