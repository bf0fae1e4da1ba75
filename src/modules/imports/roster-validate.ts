import { ID_CARD_MESSAGES, parseIdCard } from '../../shared/id-card';
import { isValidPhone, normalizePhone } from '../../shared/phone';
import type { RosterEntry } from '../people';
import type { ImportIssue } from './imports.contract';
import { ROSTER_COLUMNS, type RosterField } from './roster-columns';
import { cellText, type Cell, type RosterSheet, type SheetRow } from './roster-read';

type Centre = { id: string; path: string; name: string };

/** What a row is checked against: the scope's centres, the county's tags, the key. */
export type ValidateContext = {
  scope: Centre & { level: string };
  /** Centres under the scope, by normalised name (also without a trailing 学习中心). */
  centres: Map<string, Centre>;
  /** Centres of the county outside the scope, by normalised name. */
  outside: Map<string, Centre>;
  tagsByLabel: Map<string, string>;
  tagLabels: string[];
  digest: (plain: string) => string;
  today: Date;
};

/** A row that passed every check, normalised, ready to match and write (people's RosterEntry, placed in the file). */
export type RosterRow = RosterEntry & {
  row: number;
  centre: Centre;
  /** The sheet it came from (index into the book's sheets). */
  sheet?: number;
};

const LIMITS: Partial<Record<RosterField, number>> = {
  name: 40,
  headName: 40,
  relation: 16,
  building: 60,
  education: 16,
  employment: 24,
  occupation: 60,
  note: 500,
};
const NAME_RE = /^[\p{L}\p{M}·•・.\s]+$/u;
const GENDERS: Record<string, 'male' | 'female'> = {
  男: 'male',
  女: 'female',
  m: 'male',
  f: 'female',
  male: 'male',
  female: 'female',
};

export const normalizeName = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
export const normalizeCentreName = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(学习中心|教学点)$/, '');

/** Excel date serial → YYYY-MM-DD (1900 system; Excel counts a 29 Feb 1900 that never was). */
function serialToIso(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 80000) return null;
  const ms = Math.round((n - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

function validIso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 1980-01-01, 1980/1/1, 1980.1.1, 19800101, 1980年1月1日, an Excel date or its serial. */
export function parseDate(c: Cell): string | null | 'bad' {
  const b = parseBirth(c);
  if (b === null || b === 'bad') return b;
  return 'iso' in b ? b.iso : 'bad';
}

/**
 * A birth cell as rosters write it: a full date (see parseDate), or only a year and month —
 * 1957.09, 1957.9, 1957年9月, 1957-09, 195709, or the number 1957.09. The number 1957.1 is
 * what Excel keeps of both 1957.1 and 1957.10: January or October (`alt`).
 */
export type ParsedBirth = { iso: string } | { year: number; month: number; alt?: number };

const yearMonth = (y: number, m: number, alt?: number): ParsedBirth | 'bad' =>
  y >= 1900 && y <= 2100 && m >= 1 && m <= 12 ? { year: y, month: m, ...(alt ? { alt } : {}) } : 'bad';

export function parseBirth(c: Cell): ParsedBirth | null | 'bad' {
  if (c === null) return null;
  const iso = (s: string | null) => (s ? { iso: s } : ('bad' as const));
  if (c instanceof Date)
    return Number.isNaN(c.getTime()) ? 'bad' : iso(validIso(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate()));
  if (typeof c === 'number') {
    if (Number.isInteger(c) && c >= 19000101 && c <= 21001231)
      return iso(validIso(Math.floor(c / 10000), Math.floor(c / 100) % 100, c % 100));
    if (Number.isInteger(c) && c >= 190001 && c <= 210012) return yearMonth(Math.floor(c / 100), c % 100);
    if (!Number.isInteger(c) && c > 1900 && c < 2101) {
      const m = Math.round((c - Math.floor(c)) * 100);
      if (m === 10) return yearMonth(Math.floor(c), 10, 1);
      return yearMonth(Math.floor(c), m <= 12 ? m : m % 10 === 0 ? m / 10 : 0);
    }
    return iso(serialToIso(c));
  }
  if (typeof c === 'object') return 'bad';
  const s = c.normalize('NFKC').replace(/\s+/g, '');
  if (!s) return null;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return iso(validIso(Number(m[1]), Number(m[2]), Number(m[3])));
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  return m ? yearMonth(Number(m[1]), Number(m[2])) : 'bad';
}

const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

function ageOn(birth: string, today: Date): number {
  const [y, m, d] = birth.split('-').map(Number);
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return age;
}

/**
 * Checks one row. Returns the normalised row, or the issues (row number, the column as
 * headed in the file, a message in Chinese and English).
 */
export function validateRow(
  sheet: RosterSheet,
  r: SheetRow,
  ctx: ValidateContext,
): { ok: RosterRow } | { issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const col = (f: RosterField) => sheet.columns[f];
  const cell = (f: RosterField): Cell => (col(f) === undefined ? null : (r.cells[col(f)!] ?? null));
  const header = (f: RosterField) =>
    col(f) === undefined ? ROSTER_COLUMNS[f].header : sheet.headers[col(f)!] || ROSTER_COLUMNS[f].header;
  const fail = (f: RosterField, zh: string, en: string) =>
    issues.push({ sheet: sheet.name, row: r.row, column: header(f), message: zh, messageEn: en });
  const text = (f: RosterField): string | null => {
    const c = cell(f);
    if (c !== null && typeof c === 'object' && !(c instanceof Date)) {
      fail(f, '单元格是公式，请改为直接填写内容', 'The cell holds a formula; type the value itself');
      return null;
    }
    const s = normalizeName(cellText(c));
    const max = LIMITS[f];
    if (max && s.length > max) {
      fail(f, `不能超过 ${max} 个字`, `At most ${max} characters`);
      return null;
    }
    return s || null;
  };

  const name = text('name');
  if (name === null && issues.length === 0) fail('name', '请填写姓名', 'The name is missing');
  else if (name !== null && !NAME_RE.test(name))
    fail(
      'name',
      '姓名只能包含文字和“·”，不能有数字、符号或公式',
      'A name holds only letters and “·”: no digits, symbols or formulas',
    );

  // ID number: a number cell has already lost its last digits in Excel.
  let idNumber: string | null = null;
  let idInfo: { birthDate: string; gender: 'male' | 'female' } | null = null;
  const idCell = cell('idNumber');
  const idRaw = typeof idCell === 'string' ? idCell.trim() : null;
  if (typeof idCell === 'number' || (idRaw && /^\d(\.\d+)?E\+\d+$/i.test(idRaw))) {
    fail(
      'idNumber',
      '身份证号被 Excel 当成了数字，后几位已经丢失：请把这一列设为“文本”格式后重新输入号码',
      'Excel turned the ID number into a number and lost its last digits: format the column as text and type the number again',
    );
  } else if (idCell !== null && idRaw === null) {
    fail('idNumber', '单元格是公式或日期，请直接填写身份证号', 'The cell holds a formula or date; type the ID number');
  } else if (idRaw) {
    const parsed = parseIdCard(idRaw, null, ctx.today);
    if (typeof parsed === 'string') fail('idNumber', ID_CARD_MESSAGES[parsed].zh, ID_CARD_MESSAGES[parsed].en);
    else {
      idNumber = parsed.normalized;
      idInfo = parsed;
    }
  }

  let birthDate: string | null = null;
  const birth = parseBirth(cell('birthDate'));
  const today = ctx.today.toISOString().slice(0, 10);
  if (birth === 'bad')
    fail(
      'birthDate',
      '出生日期看不懂，请写成 1980-01-01 或 1980.01（只有年月）这样的格式',
      'Unreadable birth date; write it like 1980-01-01, or 1980.01 for a year and month',
    );
  else if (birth && 'iso' in birth) {
    if (idInfo && birth.iso !== idInfo.birthDate)
      fail(
        'birthDate',
        `出生日期 ${birth.iso} 与身份证号中的出生日期 ${idInfo.birthDate} 不一致`,
        `The birth date ${birth.iso} differs from the one in the ID number, ${idInfo.birthDate}`,
      );
    else if (birth.iso > today) fail('birthDate', '出生日期不能晚于今天', 'The birth date is in the future');
    else birthDate = birth.iso;
  } else if (birth) {
    // Only a year and month: the day comes from the ID number, which must agree with them.
    const [y, m] = idInfo ? idInfo.birthDate.split('-').map(Number) : [0, 0];
    if (idInfo && (y !== birth.year || (m !== birth.month && m !== birth.alt))) {
      fail(
        'birthDate',
        `出生年月 ${ym(birth.year, birth.month)} 与身份证号中的出生日期 ${idInfo.birthDate} 不一致`,
        `The birth month ${ym(birth.year, birth.month)} differs from the birth date in the ID number, ${idInfo.birthDate}`,
      );
    } else if (idInfo) birthDate = idInfo.birthDate;
    else if (birth.alt)
      fail(
        'birthDate',
        `“${birth.year}.1”可能是 ${birth.year} 年 1 月，也可能是 10 月（Excel 把 ${birth.year}.10 存成了 ${birth.year}.1），请写成 ${birth.year}.01 或 ${birth.year}.10 并设为文本`,
        `The birth month “${birth.year}.1” may be January or October (Excel keeps ${birth.year}.10 as ${birth.year}.1); write ${birth.year}.01 or ${birth.year}.10 as text`,
      );
    else if (ym(birth.year, birth.month) > today.slice(0, 7))
      fail('birthDate', '出生日期不能晚于今天', 'The birth date is in the future');
    // Without an ID number only the month is known: the first of it is kept.
    else birthDate = `${ym(birth.year, birth.month)}-01`;
  }
  birthDate = birthDate ?? (issues.some((i) => i.column === header('birthDate')) ? null : (idInfo?.birthDate ?? null));

  let gender: 'male' | 'female' | null = null;
  const g = text('gender');
  if (g) {
    gender = GENDERS[g.toLowerCase()] ?? null;
    if (!gender) fail('gender', '性别请填写“男”或“女”', 'Gender must be 男 or 女');
    else if (idInfo && idInfo.gender !== gender)
      fail('gender', '性别与身份证号不一致', 'The gender differs from the one in the ID number');
  }
  gender = gender ?? idInfo?.gender ?? null;

  let phone: string | null = null;
  const pc = cell('phone');
  const pRaw = typeof pc === 'number' ? String(pc) : typeof pc === 'string' ? pc : null;
  if (pc !== null && pRaw === null)
    fail('phone', '单元格是公式或日期，请直接填写电话号码', 'The cell holds a formula or date; type the number');
  else if (pRaw && pRaw.trim()) {
    phone = normalizePhone(pRaw);
    if (!isValidPhone(phone)) {
      fail(
        'phone',
        '电话号码不对：手机号为 11 位，固定电话请带区号',
        'Not a valid phone: 11-digit mobile, or a landline with its area code',
      );
      phone = null;
    }
  }

  // Village: a centre under the scope; a centre scope needs no column.
  let centre: Centre | null = null;
  const v = text('village');
  if (v) {
    const key = normalizeCentreName(v);
    centre = ctx.centres.get(key) ?? null;
    if (!centre && ctx.scope.level === 'centre' && key === normalizeCentreName(ctx.scope.name)) centre = ctx.scope;
    if (!centre) {
      if (ctx.outside.has(key))
        fail(
          'village',
          `“${v}”不在本次导入范围（${ctx.scope.name}）内`,
          `“${v}” is outside the scope of this import (${ctx.scope.name})`,
        );
      else {
        const known = [...new Set([...ctx.centres.values()].map((c) => c.name))].slice(0, 20).join('、');
        fail(
          'village',
          `找不到村（社区）“${v}”。${ctx.scope.name}下有：${known || '（无）'}`,
          `No village or community named “${v}”. Under ${ctx.scope.name}: ${known || '(none)'}`,
        );
      }
    }
  } else if (ctx.scope.level === 'centre') centre = ctx.scope;
  // One sheet per village: the sheet's name gives the village when the row has none.
  else centre = ctx.centres.get(normalizeCentreName(sheet.name)) ?? null;
  if (!v && !centre && ctx.scope.level !== 'centre' && issues.every((i) => i.column !== header('village')))
    fail('village', '请填写所属村（社区）', 'The village or community is missing');

  let tags: string[] | null = null;
  const t = text('tags');
  if (t) {
    const labels = t
      .split(/[、,，;；]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = labels.filter((l) => !ctx.tagsByLabel.has(l));
    if (unknown.length)
      fail(
        'tags',
        `不认识的人群类别：${unknown.join('、')}。可填：${ctx.tagLabels.join('、') || '（本县尚未设定类别）'}`,
        `Unknown group(s): ${unknown.join(', ')}. Known: ${ctx.tagLabels.join(', ') || '(none set for this county)'}`,
      );
    else tags = [...new Set(labels.map((l) => ctx.tagsByLabel.get(l)!))].sort();
  }

  let headName = text('headName');
  const relation = text('relation');
  const building = text('building');
  if (!headName && name && relation === '户主') headName = name;
  if (headName && !NAME_RE.test(headName))
    fail('headName', '户主姓名只能包含文字和“·”', 'The head’s name holds only letters and “·”');
  const under14 = birthDate !== null && ageOn(birthDate, ctx.today) < 14;
  if (under14 && (!headName || headName === name))
    fail('headName', '14 岁以下须填写监护人（户主）', 'Under 14: the guardian (head of household) is required');

  const education = text('education');
  const employment = text('employment');
  const occupation = text('occupation');
  const note = text('note');

  if (issues.length) return { issues };
  return {
    ok: {
      row: r.row,
      centre: centre!,
      name: name!,
      gender,
      birthDate,
      phone,
      idNumber,
      idHash: idNumber ? ctx.digest(idNumber) : null,
      headName,
      relation,
      building,
      tags,
      education,
      employment,
      occupation,
      note,
      under14,
    },
  };
}
