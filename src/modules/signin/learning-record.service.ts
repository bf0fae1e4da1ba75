import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/client';
import { activityDirectory } from '../activities';
import { orgNodes } from '../../server/db/tree.table';
import type { Ctx } from '../../server/types';
import { earnedBySignIn, keptResident, round1, themesOf, totalsOf, type ResidentRow } from '../credits';
import type { LearningRecord } from '../credits/credits.contract';
import { signIns } from './signin.table';

const activity = activityDirectory();
const centre = alias(orgNodes, 'centre');
/** A printed record lists at most this many activities (the most recent). */
const RECORD_MAX = 500;

/**
 * 学习档案 (above activities and credits, so it lives in sign-in): the resident's confirmed sign-ins with the activity, the hours counted (attended
 * hours if they checked out, at most the activity's) and the credits it earned (not reversed).
 */
export async function buildLearningRecord(db: DbOrTx, r: ResidentRow): Promise<LearningRecord> {
  const rows = await db
    .select({
      s: signIns,
      a: {
        id: activity.id,
        title: activity.title,
        theme: activity.theme,
        startsAt: activity.startsAt,
        hours: activity.hours,
      },
      centreName: centre.name,
    })
    .from(signIns)
    .innerJoin(activity, eq(activity.id, signIns.activityId))
    .innerJoin(centre, eq(centre.id, activity.centreId))
    .where(and(eq(signIns.residentId, r.id), eq(signIns.status, 'confirmed')))
    .orderBy(asc(activity.startsAt))
    .limit(RECORD_MAX);
  const credits = await earnedBySignIn(db, r.id);
  const themes = new Map((await themesOf(db, r.countyId)).map((t) => [t.key, t]));
  const items = rows.map(({ s, a, centreName }) => {
    const full = Number(a.hours);
    return {
      activityId: a.id,
      title: a.title,
      theme: a.theme,
      themeName: themes.get(a.theme)?.nameZh ?? a.theme,
      themeNameEn: themes.get(a.theme)?.nameEn ?? a.theme,
      date: a.startsAt.toISOString(),
      centreName,
      hours: s.attendedHours === null ? full : Math.min(Number(s.attendedHours), full),
      credits: round1(credits.get(s.id) ?? 0),
    };
  });
  const [county] = await db.select({ name: orgNodes.name }).from(orgNodes).where(eq(orgNodes.id, r.countyId));
  return {
    resident: { id: r.id, name: r.name, nodeName: r.nodeName, countyName: county?.name ?? '' },
    items,
    totalActivities: items.length,
    totalHours: round1(items.reduce((n, i) => n + i.hours, 0)),
    totalCredits: round1(items.reduce((n, i) => n + i.credits, 0)),
    balance: (await totalsOf(db, r.id)).balance,
    generatedAt: new Date().toISOString(),
  };
}

export async function getLearningRecord({
  db,
  actor,
  residentId,
}: Ctx & { residentId: string }): Promise<LearningRecord> {
  return buildLearningRecord(db, await keptResident(db, actor, residentId));
}
