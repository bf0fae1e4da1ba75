/**
 * Strips what people type around a phone number: spaces (also full-width and zero-width),
 * hyphens, brackets, dots, and a +86 / 0086 prefix. Full-width digits become ASCII.
 */
export function normalizePhone(raw: string): string {
  let s = raw.normalize('NFKC').replace(/[\s\-–—()（）.\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  return s;
}

/** A mainland mobile (11 digits, 1[3-9]…) or a landline with area code (0xx-xxxxxxx). */
export function isValidPhone(normalized: string): boolean {
  return isMobile(normalized) || /^0\d{2,3}\d{7,8}$/.test(normalized);
}

export function isMobile(normalized: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalized);
}

/** `138****8000` for a mobile; landlines keep the area code and last four. */
export function maskPhone(phone: string): string {
  if (isMobile(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  if (phone.length > 6) return `${phone.slice(0, 4)}****${phone.slice(-4)}`;
  return '****';
}
