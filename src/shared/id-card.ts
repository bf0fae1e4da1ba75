import { PROVINCE_CODES } from './division-code';
import type { Gender } from './gender';
import type { Label } from './locale';

/**
 * 居民身份证号码 (GB 11643-1999): 17 digits + a check character (ISO 7064 MOD 11-2).
 * Input is normalised first: full-width digits (NFKC), spaces and zero-width or bidi
 * control characters removed, `x` read as `X`.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
// The mainland's provinces, and Taiwan (71), Hong Kong (81), Macau (82) and Taiwan residents' residence permits (83).
const PROVINCES = new Set([...PROVINCE_CODES, 71, 81, 82, 83]);

export type IdCardProblem =
  'empty' | 'legacy15' | 'format' | 'region' | 'birth_date' | 'check_digit' | 'birth_mismatch';

export type IdCardInfo = { normalized: string; birthDate: string; gender: Gender };

/** Removes what people and spreadsheets add around an ID number. */
export function normalizeIdCard(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff'"‘’“”]/g, '')
    .toUpperCase();
}

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/**
 * Validates an ID number; when `birthDate` (YYYY-MM-DD) is given it must match.
 * Returns the normalised number with its birth date and gender, or the problem.
 */
export function parseIdCard(raw: string, birthDate?: string | null, today = new Date()): IdCardInfo | IdCardProblem {
  const s = normalizeIdCard(raw);
  if (!s) return 'empty';
  if (/^\d{15}$/.test(s)) return 'legacy15';
  if (!/^\d{17}[\dX]$/.test(s)) return 'format';
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return 'region';
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1900 ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d ||
    date.getTime() > today.getTime()
  )
    return 'birth_date';
  if (idCheckChar(s) !== s[17]) return 'check_digit';
  const iso = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (birthDate && birthDate !== iso) return 'birth_mismatch';
  return { normalized: s, birthDate: iso, gender: Number(s[16]) % 2 === 1 ? 'male' : 'female' };
}

export const ID_CARD_MESSAGES: Record<IdCardProblem, Label> = {
  empty: { zh: '请输入身份证号', en: 'Enter the ID number' },
  legacy15: {
    zh: '这是 15 位旧身份证号，请填写 18 位新号码',
    en: 'This is a 15-digit legacy number; enter the 18-digit one',
  },
  format: {
    zh: '身份证号应为 18 位：17 位数字加 1 位数字或 X',
    en: 'An ID number has 18 characters: 17 digits and a digit or X',
  },
  region: { zh: '身份证号前两位不是有效的地区代码', en: 'The first two digits are not a valid region code' },
  birth_date: { zh: '身份证号中的出生日期不存在', en: 'The birth date inside the ID number does not exist' },
  check_digit: { zh: '身份证号校验位不对，请核对是否抄错', en: 'The check digit is wrong; please check for a typo' },
  birth_mismatch: {
    zh: '身份证号中的出生日期与填写的出生日期不一致',
    en: 'The birth date in the ID number differs from the birth date given',
  },
};

/** `110***********1234`: region prefix and last four; the birth date is always hidden. */
export function maskIdCard(id: string): string {
  return id.length === 18 ? `${id.slice(0, 3)}***********${id.slice(14)}` : '****';
}
