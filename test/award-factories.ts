import { eq } from 'drizzle-orm';
import { awardNominations, awardSelections } from '../src/modules/awards/awards.table';
import { households, residents } from '../src/modules/people/people.table';
import type { Database } from '../src/server/db/client';
import { chinaToday, chinaYear } from '../src/shared/china-time';
import { buildActivity, buildResident, buildSignIn } from './credit-factories';

type NodeRef = { id: string; path: string };

/** A household of `names` at the centre, each member signed in to one 2-hour activity per `sessions`. */
export async function buildFamily(
  database: Database,
  centre: NodeRef,
  names: string[],
  sessions = 1,
): Promise<{ householdId: string; memberIds: string[] }> {
  const [h] = await database.db
    .insert(households)
    .values({ nodeId: centre.id, headName: names[0], building: '1栋' })
    .returning({ id: households.id });
  const memberIds: string[] = [];
  for (const name of names) {
    const id = await buildResident(database, centre, name);
    await database.db.update(residents).set({ householdId: h.id }).where(eq(residents.id, id));
    memberIds.push(id);
  }
  for (let i = 0; i < sessions; i++) {
    const activityId = await buildActivity(database, centre, { hours: 2 });
    for (const id of memberIds) await buildSignIn(database, activityId, id);
  }
  return { householdId: h.id, memberIds };
}

/** A selection inserted directly (no audit), open with today inside its window by default. */
export async function buildSelection(
  database: Database,
  owner: NodeRef,
  v: Partial<typeof awardSelections.$inferInsert> = {},
): Promise<string> {
  const today = chinaToday();
  const [row] = await database.db
    .insert(awardSelections)
    .values({
      ownerNodeId: owner.id,
      year: chinaYear(),
      kind: 'family',
      title: '学习型家庭评选',
      nominateFrom: `${today.slice(0, 4)}-01-01`,
      nominateUntil: `${today.slice(0, 4)}-12-31`,
      quotaScope: 'centre',
      quota: 1,
      ...v,
    })
    .returning({ id: awardSelections.id });
  return row.id;
}

/** A nomination of a household inserted directly (no audit) in the given status. */
export async function buildNomination(
  database: Database,
  v: {
    selectionId: string;
    centre: NodeRef;
    householdId: string;
    name: string;
    status?: string;
    createdBy?: string | null;
  },
): Promise<string> {
  const [row] = await database.db
    .insert(awardNominations)
    .values({
      selectionId: v.selectionId,
      nodeId: v.centre.id,
      nomineeKind: 'household',
      nomineeKey: `household:${v.householdId}`,
      nomineeName: v.name,
      householdId: v.householdId,
      accountHtml: '<p>事迹</p>',
      status: v.status ?? 'draft',
      createdBy: v.createdBy ?? null,
    })
    .returning({ id: awardNominations.id });
  return row.id;
}
