import type { Label } from './locale';

/**
 * 统计用区划代码: 12 digits — province(2) city(2) county(2) town(3) village(3).
 * The National Bureau of Statistics publishes them; a county ends in 000000,
 * a town in 000, a village or community has all five parts.
 */
/** The province-level codes of the mainland: the first two digits of a division code. */
export const PROVINCE_CODES: readonly number[] = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65,
];
const PROVINCES = new Set(PROVINCE_CODES);

export type DivisionLevel = 'county' | 'town' | 'centre';

export type DivisionProblem = 'format' | 'province' | 'level_county' | 'level_town' | 'level_centre' | 'parent_prefix';

/** Returns null when the code fits the level (and the parent's code, when given). */
export function checkDivisionCode(
  code: string,
  level: DivisionLevel,
  parentCode?: string | null,
): DivisionProblem | null {
  if (!/^\d{12}$/.test(code)) return 'format';
  if (!PROVINCES.has(Number(code.slice(0, 2)))) return 'province';
  const county = code.slice(4, 6);
  const town = code.slice(6, 9);
  const village = code.slice(9, 12);
  if (level === 'county' && (county === '00' || town !== '000' || village !== '000')) return 'level_county';
  if (level === 'town' && (county === '00' || town === '000' || village !== '000')) return 'level_town';
  if (level === 'centre' && (county === '00' || town === '000' || village === '000')) return 'level_centre';
  if (parentCode) {
    const prefix = level === 'town' ? 6 : level === 'centre' ? 9 : 0;
    if (prefix > 0 && code.slice(0, prefix) !== parentCode.slice(0, prefix)) return 'parent_prefix';
  }
  return null;
}

export const DIVISION_MESSAGES: Record<DivisionProblem, Label> = {
  format: { zh: '区划代码应为 12 位数字', en: 'The division code must be 12 digits' },
  province: { zh: '区划代码前两位不是有效的省级代码', en: 'The first two digits are not a valid province code' },
  level_county: {
    zh: '县级区划代码应以 000000 结尾（如 330106000000）',
    en: 'A county code ends in 000000 (e.g. 330106000000)',
  },
  level_town: {
    zh: '乡镇/街道区划代码第 7–9 位不能为 000，且以 000 结尾',
    en: 'A town code has digits 7–9 not 000 and ends in 000',
  },
  level_centre: { zh: '村/社区区划代码最后三位不能为 000', en: 'A village/community code must not end in 000' },
  parent_prefix: { zh: '区划代码与上级组织的代码不一致', en: 'The code does not start with the parent node’s code' },
};

/**
 * The name a village committee is known by: 东坡村民委员会 → 东坡村, 莲花社区居民委员会 → 莲花社区,
 * 王家庄村委会 → 王家庄村. The official name stays with the code.
 */
export function shortDivisionName(name: string): string {
  const m = /^(.+?)(村民委员会|村委会|社区居民委员会|社区居委会|居民委员会|居委会)$/.exec(name);
  if (!m) return name;
  const [, stem, tail] = m;
  const kind = tail.startsWith('村') ? '村' : '社区';
  return stem.endsWith(kind) ? stem : `${stem}${kind}`;
}
