import { afterAll, describe, expect, it } from 'vitest';
import {
  chinaInstant,
  chinaMonth,
  chinaToday,
  chinaWeekday,
  chinaYear,
  formatDate,
  formatDateTime,
  formatTime,
} from './china-time';
import { formatDateTime as webFormatDateTime } from '../web/components/format';

/**
 * The machine's zone must not matter (house rule 14). Node applies a changed process.env.TZ
 * to the next Date call, so each zone below really is the process's local zone while its
 * tests run — checked by the first test of each block.
 */
const original = process.env.TZ;
afterAll(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

// 02:15 UTC on 7 Dec is 10:15 in China (the big-screen bug); 20:30 UTC on 6 Dec is already 7 Dec in China.
const QR = '2026-12-07T02:15:00.000Z';
const LATE = '2026-12-06T20:30:00Z';
// 23:59 on 31 Dec 2026 UTC is 07:59 on 1 Jan 2027 in China — a new year.
const NEW_YEAR = '2026-12-31T23:59:00Z';

for (const zone of ['America/New_York', 'UTC']) {
  describe(`in ${zone}`, () => {
    it('runs in that zone', () => {
      process.env.TZ = zone;
      const localHours = new Date(QR).getHours();
      expect(localHours).toBe(zone === 'UTC' ? 2 : 21);
    });

    it('shows China time in one format', () => {
      process.env.TZ = zone;
      expect(formatDateTime(QR)).toBe('2026-12-07 10:15');
      expect(formatTime(QR)).toBe('10:15');
      expect(formatDate(LATE)).toBe('2026-12-07');
      expect(formatDateTime(LATE)).toBe('2026-12-07 04:30');
      expect(formatDateTime(new Date(NEW_YEAR))).toBe('2027-01-01 07:59');
      expect(formatTime('2026-12-07T16:05:00Z')).toBe('00:05');
    });

    it('the web formatter every page uses shows the same, whatever the language', () => {
      process.env.TZ = zone;
      expect(webFormatDateTime(QR, 'zh-CN')).toBe('2026-12-07 10:15');
      expect(webFormatDateTime(QR, 'en-US')).toBe('2026-12-07 10:15');
      expect(webFormatDateTime(null, 'zh-CN')).toBe('');
    });

    it('today, this month and this year are China’s', () => {
      process.env.TZ = zone;
      expect(chinaToday(LATE)).toBe('2026-12-07');
      expect(chinaMonth(NEW_YEAR)).toBe('2027-01');
      expect(chinaYear(NEW_YEAR)).toBe(2027);
    });

    it('a picked date and clock mean China time', () => {
      process.env.TZ = zone;
      const instant = chinaInstant('2026-12-07', '10:15');
      expect(instant).toBe('2026-12-07T10:15:00+08:00');
      expect(new Date(instant).toISOString()).toBe(QR);
      expect(formatDateTime(instant)).toBe('2026-12-07 10:15');
      expect(new Date(chinaInstant('2026-12-07')).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    });

    it('weeks begin on Monday', () => {
      process.env.TZ = zone;
      expect(chinaWeekday('2026-12-07')).toBe(1);
      expect(chinaWeekday('2026-12-13')).toBe(7);
    });
  });
}

describe('empty and unreadable values', () => {
  it('blank for none, the text back when it is not a time', () => {
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatTime('soon')).toBe('soon');
  });
});
