/**
 * Activities happen in China time whatever the browser's zone: dates and times are shown
 * and entered as Beijing time and sent with the +08:00 offset.
 */
import { chinaInstant, chinaMonth, formatDate, formatTime } from '../../../shared/china-time';

/** 2026-11-24 */
export const chinaDate = (iso: string) => formatDate(iso);
/** 09:00 */
export const chinaClock = (iso: string) => formatTime(iso);
/** 2026-11-24 09:00–11:00 */
export const chinaSpan = (startsAt: string, endsAt: string) =>
  `${chinaDate(startsAt)} ${chinaClock(startsAt)}–${chinaClock(endsAt)}`;
/** The instant of a China date and clock, as the API takes it. */
export const toInstant = (date: string, clock: string) => chinaInstant(date, clock);
/** This month in China, YYYY-MM. */
export const thisMonth = () => chinaMonth();
/** Weekday 0–6 (Sunday 0) of a China date. */
export const weekdayOf = (date: string) => new Date(`${date}T12:00:00+08:00`).getUTCDay();
export const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
