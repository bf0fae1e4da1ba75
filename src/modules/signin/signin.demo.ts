import { and, asc, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { DemoContext } from '../../db/demo-context';
import { users } from '../accounts/account.table';
import { activities } from '../activities/activities.table';
import { residents } from '../people/people.table';
import { paySignIn } from './signin-credits';
import { residentAccounts } from '../portal/resident-account.table';
import { signIns } from './signin.table';

/** Demo residents who can sign in on the phone pages (/m) with the demo password. */
export const DEMO_RESIDENT_PHONES = ['13957100011', '13957100012', '13957100015', '13957100031'];

/**
 * Phone accounts for a few demo residents (same password as the demo staff accounts), and
 * sign-ins to the demo's ten latest finished activities: most confirmed (credits paid), one unknown
 * walk-in pending for staff. Activities come from the activities seeder, which runs first.
 */
export async function seedSignIns(ctx: DemoContext): Promise<void> {
  const { tx } = ctx;
  const [admin] = await tx.select({ hash: users.passwordHash }).from(users).where(eq(users.username, 'admin'));
  const people = await tx
    .select({ id: residents.id, phone: residents.phone, nodeId: residents.nodeId })
    .from(residents)
    .where(and(eq(residents.countyId, ctx.countyId), inArray(residents.phone, DEMO_RESIDENT_PHONES)));
  const seen = new Set<string>();
  for (const p of people) {
    if (!p.phone || seen.has(p.phone)) continue;
    seen.add(p.phone);
    await tx.insert(residentAccounts).values({ residentId: p.id, phone: p.phone, passwordHash: admin.hash });
  }

  const past = await tx
    .select({ id: activities.id, centreId: activities.centreId, startsAt: activities.startsAt })
    .from(activities)
    .where(
      and(eq(activities.countyId, ctx.countyId), lt(activities.endsAt, new Date()), ne(activities.status, 'cancelled')),
    )
    // Every activity held so far this year, so that the indicators have a month-by-month history.
    .orderBy(desc(activities.startsAt));
  const adminId = ctx.users.get('centre') ?? null;
  for (const [i, a] of past.entries()) {
    const attendees = await tx
      .select({ id: residents.id })
      .from(residents)
      .where(and(eq(residents.nodeId, a.centreId), sql`${residents.birthDate} < (current_date - interval '14 years')`))
      .orderBy(asc(residents.name))
      .limit(4);
    for (const [j, r] of attendees.entries()) {
      const signedAt = new Date(a.startsAt.getTime() + (j + 1) * 120_000);
      const [row] = await tx
        .insert(signIns)
        .values({
          activityId: a.id,
          residentId: r.id,
          status: 'confirmed',
          method: j === 3 ? 'manual' : 'qr',
          signedAt,
          recordedBy: j === 3 ? adminId : null,
          confirmedBy: j === 3 ? adminId : null,
        })
        .onConflictDoNothing()
        .returning({ id: signIns.id });
      if (row) await paySignIn(tx, { signInId: row.id, actorId: adminId });
    }
    if (i === 0) {
      await tx
        .insert(signIns)
        .values({
          activityId: a.id,
          status: 'pending',
          method: 'qr',
          pendingName: '林小雨',
          pendingPhone: '13957100099',
          signedAt: new Date(a.startsAt.getTime() + 600_000),
        })
        .onConflictDoNothing();
    }
  }
}
