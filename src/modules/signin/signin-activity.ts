import type { DbOrTx } from '../../server/db/client';
import { findActivityFacts, type ActivityFacts } from '../activities';
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
  const [a] = await findActivityFacts(db, [activityId]);
  if (!a) return null;
  const { countyId, centrePath, theme, startsAt, endsAt, status, hours } = a;
  return { brief: briefOf(a), countyId, centrePath, theme, startsAt, endsAt, status, hours };
}

/** What the sign-in pages show of an activity. */
export function briefOf(a: ActivityFacts): ActivityBrief {
  return {
    id: a.id,
    title: a.title,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    place: a.place,
    centreId: a.centreId,
    centreName: a.centreName,
    status: a.status,
    hours: a.hours,
  };
}

/** 陈*明: enough for the person to recognise their name, not enough for a bystander to read it. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 3))}${chars[chars.length - 1]}`;
}
