import { count, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { signIns } from './signin.table';

export type SignInCounts = { confirmed: number; pending: number; rejected: number };

/** Sign-ins of each activity by status, in one query (an activity with none counts zeros). */
export async function signInCounts(db: DbOrTx, activityIds: readonly string[]): Promise<Map<string, SignInCounts>> {
  const out = new Map(activityIds.map((id): [string, SignInCounts] => [id, { confirmed: 0, pending: 0, rejected: 0 }]));
  if (out.size === 0) return out;
  const rows = await db
    .select({ activityId: signIns.activityId, status: signIns.status, n: count() })
    .from(signIns)
    .where(inArray(signIns.activityId, [...out.keys()]))
    .groupBy(signIns.activityId, signIns.status);
  for (const r of rows) {
    const c = out.get(r.activityId);
    if (c && r.status in c) c[r.status as keyof SignInCounts] = Number(r.n);
  }
  return out;
}

/** The sign-ins of one activity by status. */
export async function countsOf(db: DbOrTx, activityId: string): Promise<SignInCounts> {
  return (await signInCounts(db, [activityId])).get(activityId)!;
}

/** Confirmed and pending sign-ins of an activity (activities shows them: sign-in provides this to it). */
export async function countSignIns(db: DbOrTx, activityId: string): Promise<{ confirmed: number; pending: number }> {
  const { confirmed, pending } = await countsOf(db, activityId);
  return { confirmed, pending };
}
