import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { activities } from '../activities';
import { orgNodes } from '../../server/db/tree.table';
import type { ActivityBrief } from './signin.contract';

export type SignInActivity = {
  brief: ActivityBrief;
  countyId: string;
  centrePath: string;
  theme: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  hours: number;
};

/**
 * A scan needs the activity's county, time and status. A crowd scans one activity at once,
 * so the row is kept for a few seconds (a cancelled or edited activity is seen within that).
 */
const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; value: Promise<SignInActivity | null> }>();

export function loadSignInActivity(
  db: DbOrTx,
  activityId: string,
  { cached = false } = {},
): Promise<SignInActivity | null> {
  const hit = cached ? cache.get(activityId) : undefined;
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  // The first scan's read is shared by the crowd arriving with it (one query, not hundreds).
  const value = readActivity(db, activityId);
  if (cache.size > 1000) cache.clear();
  cache.set(activityId, { at: Date.now(), value });
  value.catch(() => cache.delete(activityId));
  return value;
}

/** The activity as it is now in `db` (no cache: inside a transaction, what it has written). */
export async function readActivity(db: DbOrTx, activityId: string): Promise<SignInActivity | null> {
  const [row] = await db
    .select({ a: activities, centreName: orgNodes.name, centrePath: orgNodes.path })
    .from(activities)
    .innerJoin(orgNodes, eq(orgNodes.id, activities.centreId))
    .where(eq(activities.id, activityId));
  if (!row) return null;
  const a = row.a;
  const value: SignInActivity = {
    brief: {
      id: a.id,
      title: a.title,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      place: a.place,
      centreId: a.centreId,
      centreName: row.centreName,
      status: a.status,
      hours: Number(a.hours),
    },
    countyId: a.countyId,
    centrePath: row.centrePath,
    theme: a.theme,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    status: a.status,
    hours: Number(a.hours),
  };
  return value;
}

/** 陈*明: enough for the person to recognise their name, not enough for a bystander to read it. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 3))}${chars[chars.length - 1]}`;
}
