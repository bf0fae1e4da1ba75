import type { Locale } from '../../shared/locale';
import { formatDateTime as chinaDateTime } from '../../shared/china-time';

/**
 * 2026-03-01 14:05 in China time whatever the browser's zone (house rule 14); blank for
 * null. One format for both languages: `_locale` stays so the many pages that pass it need
 * not change while others edit them.
 */
export function formatDateTime(iso: string | null | undefined, _locale?: Locale): string {
  return chinaDateTime(iso);
}

/** A rate in %, to one decimal: a tiny one that is not zero says so ("<0.1%") instead of 0 %. */
export function percentText(value: number, locale: string): string {
  if (value > 0 && value < 0.1) return '<0.1%';
  return `${value.toLocaleString(locale, { maximumFractionDigits: 1 })}%`;
}
