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
