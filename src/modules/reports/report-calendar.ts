import { eq, min } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { chinaInstant, chinaToday } from '../../shared/china-time';
import { monthKey, monthNumber, type ReportSettings, type ReportTiming } from './reports.contract';
import { monthlyReports, reportSettings } from './reports.table';

// The reporting calendar of a county: a month's report is due on day N of the next month and its
// records lock after day M (the lock itself is the trigger of migration monthly_reports).

export const DEFAULT_SETTINGS: ReportSettings = { deadlineDay: 5, lockDay: 10, startMonth: null };

export async function settingsOf(db: DbOrTx, countyId: string): Promise<ReportSettings> {
  const [row] = await db.select().from(reportSettings).where(eq(reportSettings.countyId, countyId));
  return row
    ? {
        deadlineDay: row.deadlineDay,
        lockDay: row.lockDay,
        startMonth: row.startMonth === null ? null : monthKey(row.startMonth),
      }
    : DEFAULT_SETTINGS;
}

/** The settings and the start month in effect (yyyymm): what timingOf judges a month by. */
export type Calendar = ReportSettings & { start: number };

/**
 * The county's start month (起报月份): the one its admin set. If none: the month of its first report
 * (the earliest month any of its centres or towns has a report for, a draft too), or last month if
 * that is earlier or there is no report yet. So a county that has not reported is asked only for the
 * report due now (last month's), never for the months before it took up cedu; once it reports, every
 * month from its first report counts, and the start no longer moves.
 */
export async function calendarOf(db: DbOrTx, countyId: string, now = new Date()): Promise<Calendar> {
  const settings = await settingsOf(db, countyId);
  if (settings.startMonth) return { ...settings, start: monthNumber(settings.startMonth) };
  const [first] = await db
    .select({ month: min(monthlyReports.month) })
    .from(monthlyReports)
    .where(eq(monthlyReports.countyId, countyId));
  const last = prevMonth(thisMonth(now));
  return { ...settings, start: Math.min(first?.month ?? last, last) };
}

/** yyyymm of the month after. */
export const nextMonth = (month: number) => (month % 100 === 12 ? month + 89 : month + 1);
/** yyyymm of the month before. */
export const prevMonth = (month: number) => (month % 100 === 1 ? month - 89 : month - 1);

/** Day `day` of the month after `month`, YYYY-MM-DD. */
export const dayAfter = (month: number, day: number) => `${monthKey(nextMonth(month))}-${String(day).padStart(2, '0')}`;

/** The first instant after a China-time day. */
const endOf = (date: string) => new Date(new Date(chinaInstant(date)).getTime() + 86_400_000);

export const isPastDay = (date: string, now = new Date()) => now >= endOf(date);

/** The current month, yyyymm (China time). */
export const thisMonth = (now = new Date()) => Number(chinaToday(now).slice(0, 7).replace('-', ''));

/**
 * How a month's report stands against its deadline. A month before the start with no report is not
 * required; a report that exists is judged as any other, whatever its month.
 */
export function timingOf(
  row: { firstSubmittedAt: Date | null; late: boolean } | undefined,
  month: number,
  cal: Pick<Calendar, 'deadlineDay' | 'start'>,
  now = new Date(),
): ReportTiming {
  if (row?.firstSubmittedAt) return row.late ? 'late' : 'on_time';
  if (!row && month < cal.start) return 'not_required';
  return isPastDay(dayAfter(month, cal.deadlineDay), now) ? 'missing' : 'pending';
}

/** The months of a year up to this one that a node's table lists: from the start, and any with a report. */
export const yearMonths = (year: number, start: number, reported: Set<number>, now = new Date()) =>
  Array.from({ length: 12 }, (_, i) => year * 100 + i + 1).filter(
    (m) => m <= thisMonth(now) && (m >= start || reported.has(m)),
  );
