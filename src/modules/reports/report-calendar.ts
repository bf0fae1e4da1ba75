import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { chinaInstant, chinaToday } from '../../shared/china-time';
import { monthKey, type ReportSettings, type ReportTiming } from './reports.contract';
import { reportSettings } from './reports.table';

// The reporting calendar of a county: a month's report is due on day N of the next month and its
// records lock after day M (the lock itself is the trigger of migration monthly_reports).

export const DEFAULT_SETTINGS: ReportSettings = { deadlineDay: 5, lockDay: 10 };

export async function settingsOf(db: DbOrTx, countyId: string): Promise<ReportSettings> {
  const [row] = await db.select().from(reportSettings).where(eq(reportSettings.countyId, countyId));
  return row ? { deadlineDay: row.deadlineDay, lockDay: row.lockDay } : DEFAULT_SETTINGS;
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

/** How a report stands against its deadline. */
export function timingOf(
  row: { firstSubmittedAt: Date | null; late: boolean } | undefined,
  deadline: string,
  now = new Date(),
): ReportTiming {
  if (row?.firstSubmittedAt) return row.late ? 'late' : 'on_time';
  return isPastDay(deadline, now) ? 'missing' : 'pending';
}
