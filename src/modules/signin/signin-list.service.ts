import type { Ctx } from '../../server/types';
import { reachPaths } from '../../shared/actor';
import { chinaInstant, chinaToday } from '../../shared/china-time';
import type { Page } from '../../shared/pagination';
import { pageActivityFacts } from '../activities';
import { briefOf } from './signin-activity';
import { signInCounts } from './signin-counts';
import type { SignInActivityItem, SignInActivityQuery } from './signin.contract';
import { ATTENDANCE_READER_ROLES, canRunSignIn } from './signin.policy';

/** Activities whose sign-in the actor runs or reads: today's, the coming ones, or past ones; with counts. */
export async function findSignInActivities({
  db,
  actor,
  query,
}: Ctx & { query: SignInActivityQuery }): Promise<Page<SignInActivityItem>> {
  const { when, page, pageSize } = query;
  // Days by China's midnight (no daylight saving: a day is 24 hours).
  const today = new Date(chinaInstant(chinaToday()));
  const tomorrow = new Date(today.getTime() + 86_400_000);
  const starts = {
    today: { startsFrom: today, startsBefore: tomorrow },
    upcoming: { startsFrom: tomorrow },
    past: { startsBefore: today },
  }[when];
  const { items, total } = await pageActivityFacts(db, {
    paths: reachPaths(actor, ATTENDANCE_READER_ROLES),
    ...starts,
    newestFirst: when === 'past',
    page,
    pageSize,
  });
  const counts = await signInCounts(
    db,
    items.map((a) => a.id),
  );
  return {
    items: items.map((a) => ({
      ...briefOf(a),
      confirmed: counts.get(a.id)!.confirmed,
      pending: counts.get(a.id)!.pending,
      canRun: canRunSignIn(actor, { path: a.centrePath }),
    })),
    total,
    page,
    pageSize,
  };
}
