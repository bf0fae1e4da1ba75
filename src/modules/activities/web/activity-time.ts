/**
 * Activities happen in China time whatever the browser's zone: dates and times are shown
 * and entered as Beijing time (src/shared/china-time.ts) and sent with the +08:00 offset.
 */
import { formatDate, formatTime } from '../../../shared/china-time';

/** 2026-11-24 09:00–11:00 */
export const chinaSpan = (startsAt: string, endsAt: string) =>
  `${formatDate(startsAt)} ${formatTime(startsAt)}–${formatTime(endsAt)}`;

/** Weekday names from Monday (weeks begin on Monday): index chinaWeekday(date) - 1. */
export const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
export const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
