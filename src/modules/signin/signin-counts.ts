import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { signIns } from './signin.table';

/** Confirmed and pending sign-ins of an activity (activities shows them: sign-in provides this to it). */
export async function countSignIns(db: DbOrTx, activityId: string): Promise<{ confirmed: number; pending: number }> {
  const rows = await db
    .select({ status: signIns.status, n: count() })
    .from(signIns)
    .where(eq(signIns.activityId, activityId))
    .groupBy(signIns.status);
  return {
    confirmed: Number(rows.find((s) => s.status === 'confirmed')?.n ?? 0),
    pending: Number(rows.find((s) => s.status === 'pending')?.n ?? 0),
  };
}
