import { and, asc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { DemoContext } from '../../db/demo-context';
import { demoRandom } from '../../db/demo-random';
import { orgPopulations } from '../organisations/org.table';
import { users } from '../accounts/account.table';
import { activities } from '../activities/activities.table';
import { residents } from '../people/people.table';
import { payNewSignIns } from './signin-credits';
import { residentAccounts } from '../portal/resident-account.table';
import { signIns } from './signin.table';

/** Demo residents who can sign in on the phone pages (/m) with the demo password. */
export const DEMO_RESIDENT_PHONES = ['13957100011', '13957100012', '13957100015', '13957100031'];

/**
 * The share of each centre's population that takes part in its activities, this year and last
 * year: some centres above the 25 % target, some below; some up on last year, some down.
 */
const RATES: Record<string, [thisYear: number, lastYear: number]> = {
  东坡村: [0.32, 0.28],
  桃源村: [0.21, 0.24],
  青竹村: [0.12, 0.1],
  云台社区: [0.27, 0.2],
  溪口村: [0.14, 0.17],
  柳湾社区: [0.29, 0.31],
  杏花村: [0.18, 0.22],
  南塘村: [0.24, 0.25],
  石门村: [0.11, 0.14],
  石桥社区: [0.27, 0.17],
  新华社区: [0.3, 0.24],
  滨江社区: [0.17, 0.12],
  梧桐社区: [0.15, 0.16],
  长乐社区: [0.23, 0.17],
  望湖社区: [0.12, 0.11],
};

/**
 * Phone accounts for a few demo residents (same password as the demo staff accounts), and
 * sign-ins to every finished activity of this year and last: each centre's share of its
 * population takes part (RATES), a third of them regulars who come again and again; most by QR,
 * some entered by staff, all confirmed and paid as the sign-in service pays them; one unknown
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

  // Every activity held so far, this year and last, so that the indicators have a history.
  const past = await tx
    .select({ id: activities.id, centreId: activities.centreId, startsAt: activities.startsAt })
    .from(activities)
    .where(
      and(eq(activities.countyId, ctx.countyId), lt(activities.endsAt, new Date()), ne(activities.status, 'cancelled')),
    )
    .orderBy(asc(activities.startsAt));
  const roster = await tx
    .select({ id: residents.id, nodeId: residents.nodeId, phone: residents.phone })
    .from(residents)
    .where(
      and(eq(residents.countyId, ctx.countyId), sql`${residents.birthDate} < (current_date - interval '14 years')`),
    )
    .orderBy(asc(residents.name), asc(residents.birthDate), asc(residents.phone));
  const populations = await tx
    .select({ nodeId: orgPopulations.nodeId, year: orgPopulations.year, population: orgPopulations.population })
    .from(orgPopulations)
    .where(
      inArray(
        orgPopulations.nodeId,
        [...ctx.nodes.values()].map((n) => n.id),
      ),
    );
  const year = new Date().getFullYear();
  const centreBy = ctx.users.get('centre') ?? null;
  const rows: (typeof signIns.$inferInsert)[] = [];
  for (const [centre, rates] of Object.entries(RATES)) {
    const node = ctx.nodes.get(centre);
    if (!node) continue;
    // Adults and teenagers of the village; the residents with phone accounts always come.
    const people = roster.filter((r) => r.nodeId === node.id);
    for (const [back, rate] of rates.entries()) {
      const y = year - back;
      const rng = demoRandom(`signin:${centre}:${y}`);
      const held = past.filter((a) => a.centreId === node.id && a.startsAt.getFullYear() === y);
      const population = populations.find((p) => p.nodeId === node.id && p.year === y)?.population ?? 0;
      if (held.length === 0) continue;
      const order = people
        .map((r) => ({ r, key: DEMO_RESIDENT_PHONES.includes(r.phone ?? '') ? -1 : rng.next() }))
        .sort((a, b) => a.key - b.key)
        .map((x) => x.r.id);
      const pool = order.slice(0, Math.min(order.length, Math.round(population * rate)));
      // A third are regulars who come to many activities; the others come now and then, each at least once.
      const regulars = Math.ceil(pool.length / 3);
      const came = held.map(() => new Set<string>());
      pool.forEach((id, k) => {
        const p = k < regulars ? 0.3 : 0.05;
        held.forEach((_, i) => rng.chance(p) && came[i].add(id));
        if (!came.some((s) => s.has(id))) came[rng.int(0, held.length - 1)].add(id);
      });
      held.forEach((a, i) =>
        [...came[i]].forEach((residentId, j) => {
          const manual = j % 7 === 3;
          rows.push({
            activityId: a.id,
            residentId,
            status: 'confirmed',
            method: manual ? 'manual' : 'qr',
            signedAt: new Date(a.startsAt.getTime() + (j + 1) * 40_000),
            recordedBy: manual ? centreBy : null,
            confirmedBy: manual ? centreBy : null,
          });
        }),
      );
    }
  }
  // Written in bulk, then paid together as a QR batch is (the same rules, amounts and source keys).
  // The kept statistics are counted once for all of them (stat_rebuild, as after a restore):
  // row by row, the sign-in trigger would take ~3 ms for each of these thousands of rows.
  const ids: string[] = [];
  await tx.execute(sql`select set_config('cedu.restoring', 'on', true)`);
  for (let i = 0; i < rows.length; i += 1000) {
    const written = await tx
      .insert(signIns)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing()
      .returning({ id: signIns.id });
    ids.push(...written.map((w) => w.id));
  }
  await tx.execute(sql`select set_config('cedu.restoring', 'off', true)`);
  await tx.execute(sql`select stat_rebuild()`);
  await payNewSignIns(tx, { signInIds: ids, actorId: centreBy });
  // An unknown walk-in at the latest activity, waiting for staff.
  const latest = past[past.length - 1];
  if (latest)
    await tx
      .insert(signIns)
      .values({
        activityId: latest.id,
        status: 'pending',
        method: 'qr',
        pendingName: '林小雨',
        pendingPhone: '13957100099',
        signedAt: new Date(latest.startsAt.getTime() + 600_000),
      })
      .onConflictDoNothing();
}
