/**
 * China time for everything a person reads or types (house rule 14): one format
 * (2026-12-07, 2026-12-07 14:05, 14:05) in Asia/Shanghai whatever the browser's or
 * server's zone. China has no daylight saving, so +08:00 is exact all year.
 */
const ZONE = 'Asia/Shanghai';
export const CHINA_OFFSET = '+08:00';

// sv-SE prints ISO order: "2026-12-07 14:05:00".
const fmt = new Intl.DateTimeFormat('sv-SE', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

type When = string | number | Date;

function parts(when: When): string | null {
  const d = when instanceof Date ? when : new Date(when);
  if (Number.isNaN(d.getTime())) return null;
  return fmt.format(d);
}

/** 2026-12-07 (China date of an instant); blank for null, the input back if unreadable. */
export function formatDate(when: When | null | undefined): string {
  if (when === null || when === undefined || when === '') return '';
  return parts(when)?.slice(0, 10) ?? String(when);
}

/** 2026-12-07 14:05 in China time; blank for null, the input back if unreadable. */
export function formatDateTime(when: When | null | undefined): string {
  if (when === null || when === undefined || when === '') return '';
  return parts(when)?.slice(0, 16) ?? String(when);
}

/** 14:05 in China time; blank for null, the input back if unreadable. */
export function formatTime(when: When | null | undefined): string {
  if (when === null || when === undefined || when === '') return '';
  return parts(when)?.slice(11, 16) ?? String(when);
}

/** Today's date in China, 2026-12-07. */
export const chinaToday = (now: When = Date.now()): string => formatDate(now);

/** This year in China. */
export const chinaYear = (now: When = Date.now()): number => Number(chinaToday(now).slice(0, 4));

/** This month in China, 2026-12. */
export const chinaMonth = (now: When = Date.now()): string => chinaToday(now).slice(0, 7);

/**
 * The instant of a China date (2026-12-07) and clock (14:05), as the API takes it:
 * "2026-12-07T14:05:00+08:00". A picked date and time always mean China time.
 */
export const chinaInstant = (date: string, clock = '00:00'): string => `${date}T${clock}:00${CHINA_OFFSET}`;

/** Weekday of a China date, 1 = Monday … 7 = Sunday (weeks begin on Monday). */
export const chinaWeekday = (date: string): number => new Date(`${date}T12:00:00${CHINA_OFFSET}`).getUTCDay() || 7;
