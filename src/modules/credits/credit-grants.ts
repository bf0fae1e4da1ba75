import { and, asc, eq, isNull, like, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/client';
import { VOLUNTEER_RULE_KEY } from './credits.contract';
import { appendEntry, appendReversal, round1 } from './credit-ledger';
import { ruleFor, type Rule } from './credit-rules';
import { creditLedger } from './credits.table';
import { sqlRows } from '../../server/db/sql';

/**
 * Contract 5: what other modules call, inside their own transaction, to pay or take back
 * credits. The caller gathers the facts (sign-in, activity, resident; or the volunteer
 * hours): credits reads only its own tables. All are idempotent: an earning is keyed by its
 * source (credit_ledger_source_uq, `on conflict do nothing`), so retries, double taps and
 * racing requests pay once.
 *
 * Amount of an attendance = the county's rule for the activity's theme (credits per hour)
 * × hours, where hours are the sign-in's attended hours if the resident checked out (at most
 * the activity's hours), else the activity's hours; rounded to one decimal. A rule of 0 pays
 * nothing. `activities.credits` is not used: the county's rule decides, so one theme pays
 * alike everywhere in the county.
 */

/** What an attendance earning needs to know, gathered by the caller (sign-in). */
export type AttendanceFacts = {
  signInId: string;
  /** Null: nobody matched yet (a pending scan): earns nothing. */
  residentId: string | null;
  /** The resident's county: the account the credits go to. */
  countyId: string;
  /** The activity attended: its county's rule for its theme decides the amount. */
  activity: { countyId: string; title: string; theme: string; hours: string | number; status: string };
  /** Hours attended if the resident checked out, else null (the activity's hours count). */
  attendedHours: string | number | null;
  /** Only a confirmed sign-in earns. */
  confirmed: boolean;
};

export type PayOptions = {
  actorId: string | null;
  /** The activity has just been marked done (a rule that pays at 'done' pays now). */
  activityDone?: boolean;
};

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

/** What each of a resident's sign-ins has earned and kept (entries not reversed), by sign-in id. */
export async function earnedBySignIn(db: DbOrTx, residentId: string): Promise<Map<string, number>> {
  const earned = await db
    .select({ sourceId: creditLedger.sourceId, amount: creditLedger.amount })
    .from(creditLedger)
    .leftJoin(reversal, eq(reversal.reversesId, creditLedger.id))
    .where(and(eq(creditLedger.residentId, residentId), eq(creditLedger.sourceType, 'sign_in'), isNull(reversal.id)));
  const credits = new Map<string, number>();
  for (const e of earned) {
    const key = (e.sourceId ?? '').slice(0, 36);
    credits.set(key, round1((credits.get(key) ?? 0) + Number(e.amount)));
  }
  return credits;
}

/**
 * What one attendance earns under the rule (0: nothing, or not yet because the rule pays when
 * the activity is done): credits per hour × hours, the attended hours if checked out (at most
 * the activity's), else the activity's.
 */
function attendanceAmount(rule: Rule, f: AttendanceFacts, activityDone = false): number {
  if (rule.grantAt === 'done' && !activityDone && f.activity.status !== 'done') return 0;
  const full = Number(f.activity.hours);
  const hours = f.attendedHours === null ? full : Math.min(Number(f.attendedHours), full);
  return round1(rule.creditsPerHour * hours);
}

/**
 * What one full attendance of an activity will earn under its county's rule for its theme
 * (credits per hour × the activity's hours), and when the rule pays it: for staff to see
 * before anyone signs in. The same rule payAttendance applies.
 */
export async function attendancePreview(
  db: DbOrTx,
  a: { countyId: string; theme: string; hours: string | number },
): Promise<{ credits: number; grantAt: Rule['grantAt'] }> {
  const rule = await ruleFor(db, a.countyId, a.theme);
  return { credits: round1(rule.creditsPerHour * Number(a.hours)), grantAt: rule.grantAt };
}

/**
 * Pays one attendance: when its sign-in is confirmed (the theme's rule grants at sign-in, or
 * the activity is already done, e.g. a paper sheet entered afterwards), or when the activity
 * is marked done (`activityDone`). Returns the credits paid (0: none, or already paid).
 */
export async function payAttendance(tx: DbOrTx, f: AttendanceFacts, { actorId, activityDone }: PayOptions) {
  if (!f.confirmed || !f.residentId) return 0;
  const amount = attendanceAmount(await ruleFor(tx, f.activity.countyId, f.activity.theme), f, activityDone);
  if (amount <= 0) return 0;
  const { live, count } = await attendanceOf(tx, f.signInId);
  if (live.length > 0) return 0;
  // After a reversal (a sign-in rejected, then confirmed again) the new earning gets its own source key.
  const sourceId = count === 0 ? f.signInId : `${f.signInId}:${count}`;
  const done = await appendEntry(tx, {
    countyId: f.countyId,
    residentId: f.residentId,
    kind: 'attendance',
    amount,
    sourceType: 'sign_in',
    sourceId,
    note: f.activity.title,
    createdBy: actorId,
  });
  return done?.amount ?? 0;
}

/**
 * payAttendance for a crowd: sign-ins a QR batch has just inserted (so none has an earlier
 * entry), paid with a few set-based statements instead of ~8 per person. Same rule, same
 * amounts, same source keys, same account locks (taken in resident order) as payAttendance.
 * Returns the number of sign-ins paid.
 */
export async function payAttendances(tx: DbOrTx, facts: AttendanceFacts[], { actorId }: { actorId: string | null }) {
  const rules = new Map<string, Rule>();
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
  for (const f of facts) {
    if (!f.confirmed || !f.residentId) continue;
    const key = `${f.activity.countyId}:${f.activity.theme}`;
    if (!rules.has(key)) rules.set(key, await ruleFor(tx, f.activity.countyId, f.activity.theme));
    const amount = attendanceAmount(rules.get(key)!, f);
    if (amount <= 0) continue;
    entries.push({
      county_id: f.countyId,
      resident_id: f.residentId,
      kind: 'attendance',
      amount: amount.toFixed(1),
      source_type: 'sign_in',
      source_id: f.signInId,
      note: f.activity.title.slice(0, 200),
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
  const [{ paid }] = await sqlRows<{ paid: number }>(
    tx,
    sql`
    with written as (
      insert into credit_ledger (county_id, resident_id, kind, amount, source_type, source_id, note, created_by)
      select county_id, resident_id, kind, amount, source_type, source_id, note, created_by from json_populate_recordset(null::credit_ledger, ${json}::json)
      on conflict do nothing returning resident_id, amount
    ), moved as (
      update credit_balances b set balance = b.balance + w.total, updated_at = now()
      from (select resident_id, sum(amount) as total from written group by resident_id) w where b.resident_id = w.resident_id
      returning 1
    )
    select (select count(*) from written)::int as paid`,
  );
  return paid;
}

/** When a sign-in is rejected or removed: reverses its unreversed earning. Returns the credits taken back. */
export async function reverseAttendance(
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
 * When volunteer hours are approved: the teacher's linked resident (the caller passes them
 * only if there is one, not anonymised) earns hours × the county's volunteer rate.
 * Returns the credits paid (0: rate 0, or already paid).
 */
export async function payVolunteerHours(
  tx: DbOrTx,
  v: {
    hoursId: string;
    residentId: string;
    countyId: string;
    hours: string | number;
    note: string;
    actorId: string | null;
  },
): Promise<number> {
  const rule = await ruleFor(tx, v.countyId, VOLUNTEER_RULE_KEY);
  const amount = round1(rule.creditsPerHour * Number(v.hours));
  if (amount <= 0) return 0;
  const done = await appendEntry(tx, {
    countyId: v.countyId,
    residentId: v.residentId,
    kind: 'volunteer',
    amount,
    sourceType: 'volunteer_hours',
    sourceId: v.hoursId,
    note: v.note,
    createdBy: v.actorId,
  });
  return done?.amount ?? 0;
}
