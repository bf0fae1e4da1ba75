import { and, asc, eq, isNull, like, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/client';
import { activities } from '../activities/activities.table';
import { residents } from '../people/people.table';
import { signIns } from '../signin/signin.table';
import { teachers, volunteerHours } from '../teachers/teachers.table';
import { VOLUNTEER_RULE_KEY } from './credits.contract';
import { appendEntry, appendReversal, round1 } from './credit-ledger';
import { ruleFor } from './credit-rules';
import { creditLedger } from './credits.table';

/**
 * Contract 5: what other modules call, inside their own transaction, to pay or take back
 * credits. All are idempotent: an earning is keyed by its source (credit_ledger_source_uq,
 * `on conflict do nothing`), so retries, double taps and racing requests pay once.
 *
 * Amount of an attendance = the county's rule for the activity's theme (credits per hour)
 * × hours, where hours are the sign-in's attended hours if the resident checked out (at most
 * the activity's hours), else the activity's hours; rounded to one decimal. A rule of 0 pays
 * nothing. `activities.credits` is not used: the county's rule decides, so one theme pays
 * alike everywhere in the county.
 */

const reversal = alias(creditLedger, 'reversal');

/** The sign-in's attendance entries not yet reversed, and how many it has had in all. */
async function attendanceOf(tx: DbOrTx, signInId: string) {
  const rows = await tx
    .select({ entry: creditLedger, reversedBy: reversal.id })
    .from(creditLedger)
    .leftJoin(reversal, eq(reversal.reversesId, creditLedger.id))
    .where(
      and(
        eq(creditLedger.sourceType, 'sign_in'),
        or(eq(creditLedger.sourceId, signInId), like(creditLedger.sourceId, `${signInId}:%`)),
      ),
    )
    .orderBy(asc(creditLedger.id));
  return { live: rows.filter((r) => r.reversedBy === null).map((r) => r.entry), count: rows.length };
}

/**
 * What one attendance earns under the rule (0: nothing, or not yet because the rule pays when
 * the activity is done): credits per hour × hours, the attended hours if checked out (at most
 * the activity's), else the activity's.
 */
function attendanceAmount(
  rule: Awaited<ReturnType<typeof ruleFor>>,
  a: { hours: string; status: string },
  attendedHours: string | null,
  activityDone = false,
): number {
  if (rule.grantAt === 'done' && !activityDone && a.status !== 'done') return 0;
  const full = Number(a.hours);
  const hours = attendedHours === null ? full : Math.min(Number(attendedHours), full);
  return round1(rule.creditsPerHour * hours);
}

async function grantOne(tx: DbOrTx, signInId: string, actorId: string | null, activityDone: boolean): Promise<number> {
  const [row] = await tx
    .select({ s: signIns, a: activities, countyId: residents.countyId })
    .from(signIns)
    .innerJoin(activities, eq(activities.id, signIns.activityId))
    .innerJoin(residents, eq(residents.id, signIns.residentId))
    .where(eq(signIns.id, signInId));
  if (!row || row.s.status !== 'confirmed' || !row.s.residentId) return 0;
  const amount = attendanceAmount(
    await ruleFor(tx, row.a.countyId, row.a.theme),
    row.a,
    row.s.attendedHours,
    activityDone,
  );
  if (amount <= 0) return 0;
  const { live, count } = await attendanceOf(tx, signInId);
  if (live.length > 0) return 0;
  // After a reversal (a sign-in rejected, then confirmed again) the new earning gets its own source key.
  const sourceId = count === 0 ? signInId : `${signInId}:${count}`;
  const done = await appendEntry(tx, {
    countyId: row.countyId,
    residentId: row.s.residentId,
    kind: 'attendance',
    amount,
    sourceType: 'sign_in',
    sourceId,
    note: row.a.title,
    createdBy: actorId,
  });
  return done?.amount ?? 0;
}

/**
 * Called when a sign-in is confirmed. Pays if the theme's rule grants at sign-in, or if the
 * activity is already done (a paper sheet entered afterwards). Returns the credits paid (0: none).
 */
export async function grantForSignIn(
  tx: DbOrTx,
  { signInId, actorId }: { signInId: string; actorId: string | null },
): Promise<number> {
  return grantOne(tx, signInId, actorId, false);
}

/**
 * grantForSignIn for a crowd: the sign-ins a QR batch has just inserted (so none has an
 * earlier entry), paid with a few set-based statements instead of ~8 per person. Same rule,
 * same amounts, same source keys, same account locks (taken in resident order) as
 * grantForSignIn. Returns the number of sign-ins paid.
 */
export async function grantForNewSignIns(
  tx: DbOrTx,
  { signInIds, actorId }: { signInIds: string[]; actorId: string | null },
): Promise<number> {
  if (signInIds.length === 0) return 0;
  const rows = await tx
    .select({
      id: signIns.id,
      residentId: signIns.residentId,
      attendedHours: signIns.attendedHours,
      countyId: residents.countyId,
      activityCounty: activities.countyId,
      theme: activities.theme,
      hours: activities.hours,
      status: activities.status,
      title: activities.title,
    })
    .from(signIns)
    .innerJoin(activities, eq(activities.id, signIns.activityId))
    .innerJoin(residents, eq(residents.id, signIns.residentId))
    .where(and(sql`${signIns.id} = any(${sql.param(signInIds)}::uuid[])`, eq(signIns.status, 'confirmed')));
  const rules = new Map<string, Awaited<ReturnType<typeof ruleFor>>>();
  const entries: {
    county_id: string;
    resident_id: string;
    kind: 'attendance';
    amount: string;
    source_type: 'sign_in';
    source_id: string;
    note: string;
    created_by: string | null;
  }[] = [];
  for (const r of rows) {
    const key = `${r.activityCounty}:${r.theme}`;
    if (!rules.has(key)) rules.set(key, await ruleFor(tx, r.activityCounty, r.theme));
    const amount = attendanceAmount(rules.get(key)!, r, r.attendedHours);
    if (amount <= 0) continue;
    entries.push({
      county_id: r.countyId,
      resident_id: r.residentId!,
      kind: 'attendance',
      amount: amount.toFixed(1),
      source_type: 'sign_in',
      source_id: r.id,
      note: r.title.slice(0, 200),
      created_by: actorId,
    });
  }
  if (entries.length === 0) return 0;
  entries.sort((a, b) => (a.resident_id < b.resident_id ? -1 : a.resident_id > b.resident_id ? 1 : 0));
  const json = JSON.stringify(entries);
  // Accounts: created at 0 where missing, then locked in resident order (as lockAccount does one by one).
  await tx.execute(sql`insert into credit_balances (resident_id, county_id, balance)
    select distinct resident_id, county_id, 0 from json_populate_recordset(null::credit_ledger, ${json}::json) on conflict do nothing`);
  await tx.execute(
    sql`select resident_id from credit_balances where resident_id in (select resident_id from json_populate_recordset(null::credit_ledger, ${json}::json)) order by resident_id for update`,
  );
  // The entries (a source already paid is skipped by the unique index), and the balances moved by what was written.
  const result = await tx.execute(sql`
    with written as (
      insert into credit_ledger (county_id, resident_id, kind, amount, source_type, source_id, note, created_by)
      select county_id, resident_id, kind, amount, source_type, source_id, note, created_by from json_populate_recordset(null::credit_ledger, ${json}::json)
      on conflict do nothing returning resident_id, amount
    ), moved as (
      update credit_balances b set balance = b.balance + w.total, updated_at = now()
      from (select resident_id, sum(amount) as total from written group by resident_id) w where b.resident_id = w.resident_id
      returning 1
    )
    select (select count(*) from written)::int as paid`);
  return (result as unknown as { rows: { paid: number }[] }).rows[0].paid;
}

/**
 * Called when an activity is marked done: pays every confirmed sign-in not yet paid (those
 * whose rule grants at 'done', and any missed). Residents are taken in id order so two such
 * calls never wait on each other in a cycle. Returns the number of sign-ins paid.
 */
export async function grantForActivityDone(
  tx: DbOrTx,
  { activityId, actorId }: { activityId: string; actorId: string | null },
): Promise<number> {
  const rows = await tx
    .select({ id: signIns.id })
    .from(signIns)
    .where(and(eq(signIns.activityId, activityId), eq(signIns.status, 'confirmed')))
    .orderBy(asc(signIns.residentId));
  let paid = 0;
  for (const r of rows) if ((await grantOne(tx, r.id, actorId, true)) > 0) paid++;
  return paid;
}

/** Called when a sign-in is rejected or removed: reverses its unreversed earning. Returns the credits taken back. */
export async function reverseForSignIn(
  tx: DbOrTx,
  { signInId, actorId, reason }: { signInId: string; actorId: string | null; reason: string },
): Promise<number> {
  const { live } = await attendanceOf(tx, signInId);
  let taken = 0;
  for (const e of live) {
    await appendReversal(tx, e, { reason, createdBy: actorId });
    taken += Number(e.amount);
  }
  return round1(taken);
}

/**
 * Called when volunteer hours are approved: the teacher's linked resident (if any) earns
 * hours × the county's volunteer rate. Returns the credits paid (0: no linked resident or rate 0).
 */
export async function grantForVolunteerHours(
  tx: DbOrTx,
  { hoursId, actorId }: { hoursId: string; actorId: string | null },
): Promise<number> {
  const [row] = await tx
    .select({
      h: volunteerHours,
      residentId: teachers.residentId,
      countyId: residents.countyId,
      anonymized: residents.anonymizedAt,
    })
    .from(volunteerHours)
    .innerJoin(teachers, eq(teachers.id, volunteerHours.teacherId))
    .innerJoin(residents, eq(residents.id, teachers.residentId))
    .where(and(eq(volunteerHours.id, hoursId), eq(volunteerHours.status, 'approved'), isNull(residents.anonymizedAt)));
  if (!row?.residentId) return 0;
  const rule = await ruleFor(tx, row.countyId, VOLUNTEER_RULE_KEY);
  const amount = round1(rule.creditsPerHour * Number(row.h.hours));
  if (amount <= 0) return 0;
  const done = await appendEntry(tx, {
    countyId: row.countyId,
    residentId: row.residentId,
    kind: 'volunteer',
    amount,
    sourceType: 'volunteer_hours',
    sourceId: hoursId,
    note: `${row.h.serviceDate} ${row.h.description}`,
    createdBy: actorId,
  });
  return done?.amount ?? 0;
}
