import { eq } from 'drizzle-orm';
import { activities } from '../src/modules/activities/activities.table';
import { creditBalances, creditRules } from '../src/modules/credits/credit-bank.table';
import { creditLedger } from '../src/modules/credits/credits.table';
import { residents } from '../src/modules/people/people.table';
import { signIns } from '../src/modules/signin/signin.table';
import type { Database } from '../src/server/db/client';

type NodeRef = { id: string; path: string };

/** The county id of a node (first segment of its path). */
const countyOf = (node: NodeRef) => node.path.split('/')[1];

/** A resident inserted directly (no audit, no consent), for credit tests. */
export async function buildResident(database: Database, node: NodeRef, name = '学分居民'): Promise<string> {
  const [r] = await database.db
    .insert(residents)
    .values({ countyId: countyOf(node), nodeId: node.id, name })
    .returning({ id: residents.id });
  return r.id;
}

/** A county's credit rule for a theme, inserted directly (no audit). */
export async function buildCreditRule(
  database: Database,
  county: { id: string },
  v: { theme: string; creditsPerHour: string; grantAt: 'sign_in' | 'done' },
): Promise<void> {
  await database.db.insert(creditRules).values({ countyId: county.id, ...v });
}

/** An activity at a centre inserted directly; 2 hours of `theme` by default. */
export async function buildActivity(
  database: Database,
  centre: NodeRef,
  v: { theme?: string; hours?: number; status?: string; title?: string } = {},
): Promise<string> {
  const starts = new Date(Date.now() - 3 * 3600_000);
  const [a] = await database.db
    .insert(activities)
    .values({
      countyId: countyOf(centre),
      centreId: centre.id,
      title: v.title ?? '学分测试讲座',
      theme: v.theme ?? 'health',
      form: 'lecture',
      startsAt: starts,
      endsAt: new Date(starts.getTime() + 2 * 3600_000),
      hours: String(v.hours ?? 2),
      status: v.status ?? 'open',
    })
    .returning({ id: activities.id });
  return a.id;
}

/** A sign-in inserted directly (confirmed by default). */
export async function buildSignIn(
  database: Database,
  activityId: string,
  residentId: string,
  v: { status?: string; attendedHours?: number } = {},
): Promise<string> {
  const [s] = await database.db
    .insert(signIns)
    .values({
      activityId,
      residentId,
      status: v.status ?? 'confirmed',
      method: 'manual',
      attendedHours: v.attendedHours === undefined ? null : String(v.attendedHours),
    })
    .returning({ id: signIns.id });
  return s.id;
}

/** A resident's ledger entries, read directly. */
export function ledgerEntries(database: Database, residentId: string) {
  return database.db.select().from(creditLedger).where(eq(creditLedger.residentId, residentId));
}

/** A resident's cached balance, read directly (0 while no balance row exists). */
export async function cachedBalance(database: Database, residentId: string): Promise<number> {
  const [row] = await database.db.select().from(creditBalances).where(eq(creditBalances.residentId, residentId));
  return Number(row?.balance ?? 0);
}
