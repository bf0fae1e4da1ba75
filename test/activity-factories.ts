import { activities } from '../src/modules/activities/activities.table';
import { residents } from '../src/modules/people/people.table';
import type { Database } from '../src/server/db/client';

type NodeRef = { id: string; path: string };

/** The county id of a node (the first segment of its path). */
export const countyOf = (node: NodeRef) => node.path.split('/')[1];

/** Inserts an activity directly (no audit, no bookings): tomorrow 09:00–11:00 UTC by default, status open. */
export async function buildActivity(
  database: Database,
  v: {
    centre: NodeRef;
    title?: string;
    capacity?: number | null;
    status?: string;
    startsAt?: Date;
    endsAt?: Date;
    theme?: string;
    seriesId?: string;
  },
): Promise<{ id: string }> {
  const startsAt = v.startsAt ?? new Date(Date.now() + 86_400_000);
  const endsAt = v.endsAt ?? new Date(startsAt.getTime() + 2 * 3_600_000);
  const [row] = await database.db
    .insert(activities)
    .values({
      countyId: countyOf(v.centre),
      centreId: v.centre.id,
      title: v.title ?? '测试活动',
      theme: v.theme ?? 'health',
      form: 'lecture',
      startsAt,
      endsAt,
      capacity: v.capacity === undefined ? 10 : v.capacity,
      hours: '2.0',
      status: v.status ?? 'open',
      seriesId: v.seriesId ?? null,
    })
    .returning({ id: activities.id });
  return row;
}

/** Inserts `n` residents living at `node` directly (no audit, no personal data). */
export async function buildResidents(database: Database, node: NodeRef, n: number, prefix = '学员'): Promise<string[]> {
  const rows = await database.db
    .insert(residents)
    .values(
      Array.from({ length: n }, (_, i) => ({ countyId: countyOf(node), nodeId: node.id, name: `${prefix}${i + 1}` })),
    )
    .returning({ id: residents.id });
  return rows.map((r) => r.id);
}
