import { and, asc, eq, inArray } from 'drizzle-orm';
import { orgNodes } from '../../server/db/tree.table';
import type { Ctx } from '../../server/types';
import type { WaitingItem } from '../../server/waiting';
import { calendarOf, dayAfter, prevMonth, thisMonth, timingOf, type Calendar } from './report-calendar';
import { monthKey } from './reports.contract';
import { canWriteReport, REPORT_REVIEWER_ROLES } from './reports.policy';
import { monthlyReports } from './reports.table';

const PATH = '/reports';
const at = (nodeId: string, month: number) => `${PATH}?node=${nodeId}&month=${monthKey(month)}`;

/**
 * The workbench's items: the actor's own report of last month not yet submitted (with its due
 * date; not when the month is before the county's start and has no report), their reports returned
 * to them, and reports from the level below awaiting their review.
 */
export async function waitingReports({ db, actor }: Ctx): Promise<WaitingItem[]> {
  const homes = actor.scopes.filter((s) => s.role === 'centre_manager' || s.role === 'town_admin');
  const nodes = homes.length
    ? await db
        .select({ id: orgNodes.id, path: orgNodes.path, level: orgNodes.level })
        .from(orgNodes)
        .where(
          inArray(
            orgNodes.id,
            homes.map((s) => s.nodeId),
          ),
        )
    : [];
  const own = nodes.filter((n) => canWriteReport(actor, n));
  const out: WaitingItem[] = [];
  const last = prevMonth(thisMonth());
  if (own.length) {
    const rows = await db
      .select()
      .from(monthlyReports)
      .where(
        inArray(
          monthlyReports.nodeId,
          own.map((n) => n.id),
        ),
      );
    const lastRows = new Map(rows.filter((r) => r.month === last).map((r) => [r.nodeId, r]));
    const calendars = new Map<string, Calendar>();
    const due = [];
    for (const n of own) {
      const county = n.path.split('/')[1];
      if (!calendars.has(county)) calendars.set(county, await calendarOf(db, county));
      const timing = timingOf(lastRows.get(n.id), last, calendars.get(county)!);
      if (timing === 'missing' || timing === 'pending') due.push(n);
    }
    if (due.length) {
      const { deadlineDay } = calendars.get(due[0].path.split('/')[1])!;
      out.push({ key: 'reports.due', count: due.length, path: at(due[0].id, last), due: dayAfter(last, deadlineDay) });
    }
    const returned = rows.filter((r) => r.status === 'returned').sort((a, b) => a.month - b.month);
    if (returned.length)
      out.push({ key: 'reports.returned', count: returned.length, path: at(returned[0].nodeId, returned[0].month) });
  }
  const reviewerAt = actor.scopes.filter((s) => s.role !== 'system_admin' && REPORT_REVIEWER_ROLES.includes(s.role));
  if (reviewerAt.length) {
    const waiting = await db
      .select({ nodeId: monthlyReports.nodeId, month: monthlyReports.month, parentId: orgNodes.parentId })
      .from(monthlyReports)
      .innerJoin(orgNodes, eq(orgNodes.id, monthlyReports.nodeId))
      .where(
        and(
          eq(monthlyReports.status, 'submitted'),
          inArray(
            orgNodes.parentId,
            reviewerAt.map((s) => s.nodeId),
          ),
        ),
      )
      .orderBy(asc(monthlyReports.month));
    if (waiting.length)
      out.push({ key: 'reports.review', count: waiting.length, path: at(waiting[0].parentId!, waiting[0].month) });
  }
  return out;
}
