import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { payAttendance, payAttendances, type AttendanceFacts } from '../credits';
import { residentDirectory } from '../people';
import { readActivity, type SignInActivity } from './signin-activity';
import { signIns } from './signin.table';

/**
 * Contract 5 from sign-in's side: sign-in gathers what an attendance earning needs (the
 * sign-in, the resident's county, the activity's county, title, theme, hours and status) and
 * credits pays it. Every call runs inside the caller's transaction and is idempotent.
 */

const resident = residentDirectory();

/** The sign-ins matching `where`, with the facts credits needs (the activity read once per activity). */
async function factsOf(tx: DbOrTx, where: SQL | undefined): Promise<AttendanceFacts[]> {
  const rows = await tx
    .select({
      id: signIns.id,
      activityId: signIns.activityId,
      residentId: signIns.residentId,
      status: signIns.status,
      attendedHours: signIns.attendedHours,
      countyId: resident.countyId,
    })
    .from(signIns)
    .innerJoin(resident, eq(resident.id, signIns.residentId))
    .where(where)
    .orderBy(asc(signIns.residentId));
  const seen = new Map<string, SignInActivity | null>();
  const out: AttendanceFacts[] = [];
  for (const r of rows) {
    if (!seen.has(r.activityId)) seen.set(r.activityId, await readActivity(tx, r.activityId));
    const a = seen.get(r.activityId);
    if (!a) continue;
    out.push({
      signInId: r.id,
      residentId: r.residentId,
      countyId: r.countyId,
      activity: { countyId: a.countyId, title: a.brief.title, theme: a.theme, hours: a.hours, status: a.status },
      attendedHours: r.attendedHours,
      confirmed: r.status === 'confirmed',
    });
  }
  return out;
}

/**
 * A sign-in has been confirmed: pays if the theme's rule grants at sign-in, or if the
 * activity is already done (a paper sheet entered afterwards). Returns the credits paid (0: none).
 */
export async function paySignIn(
  tx: DbOrTx,
  { signInId, actorId }: { signInId: string; actorId: string | null },
): Promise<number> {
  const [f] = await factsOf(tx, eq(signIns.id, signInId));
  return f ? payAttendance(tx, f, { actorId }) : 0;
}

/** The confirmed sign-ins a QR batch has just inserted, paid together. Returns the number paid. */
export async function payNewSignIns(
  tx: DbOrTx,
  { signInIds, actorId }: { signInIds: string[]; actorId: string | null },
): Promise<number> {
  if (signInIds.length === 0) return 0;
  const facts = await factsOf(
    tx,
    and(sql`${signIns.id} = any(${sql.param(signInIds)}::uuid[])`, eq(signIns.status, 'confirmed')),
  );
  return payAttendances(tx, facts, { actorId });
}

/**
 * An activity has been marked done (the `activityDone` event): pays every confirmed sign-in
 * not yet paid (those whose rule grants at 'done', and any missed). Residents are taken in id
 * order so two such calls never wait on each other in a cycle. Returns the number paid.
 */
export async function payActivityDone(
  tx: DbOrTx,
  { activityId, actorId }: { activityId: string; actorId: string | null },
): Promise<number> {
  const facts = await factsOf(tx, and(eq(signIns.activityId, activityId), eq(signIns.status, 'confirmed')));
  let paid = 0;
  for (const f of facts) if ((await payAttendance(tx, f, { actorId, activityDone: true })) > 0) paid++;
  return paid;
}
