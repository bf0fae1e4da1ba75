/** Strips spaces, hyphens, brackets and a +86 / 0086 prefix. */
export function normalizePhone(raw: string): string {
  let s = raw.normalize('NFKC').replace(/[\s\-()（）\u200b-\u200d\ufeff]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  return s;
}

/** A mainland mobile (11 digits, 1[3-9]…) or a landline with area code (0xx-xxxxxxx). */
export function isValidPhone(normalized: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalized) || /^0\d{2,3}\d{7,8}$/.test(normalized);
}
