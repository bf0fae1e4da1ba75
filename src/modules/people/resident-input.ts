import type { FieldIssue } from '../../shared/app-error';
import { ID_CARD_MESSAGES, parseIdCard } from '../../shared/id-card';
import { LIMITS } from '../../shared/limits';
import { isValidPhone, normalizePhone } from '../../shared/phone';
import { chinaToday } from '../../shared/china-time';
import { ageOn, CHILD_AGE, type ConsentInput, type ResidentFields } from './people.contract';

/** A resident's fields after cleaning: what is stored (the ID number still in clear). */
export type NormalizedResident = Omit<ResidentFields, 'idNumber' | 'phone' | 'tags'> & {
  /** Normalised; null: none; undefined: keep the stored one (edit). */
  phone: string | null | undefined;
  /** The normalised 18-character number; null: none; undefined: keep the stored one (edit). */
  idNumber: string | null | undefined;
  tags: string[];
};

export type NormalizeResult =
  { ok: true; value: NormalizedResident; consent: ConsentInput | null } | { ok: false; issues: FieldIssue[] };

// Characters that hide or reorder text (bidi overrides and isolates, marks) or are controls.
const FORBIDDEN_IN_NAME = /[\p{Cc}\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;
// Invisible characters that spreadsheets and copy-paste leave behind; dropped silently.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// Dots people type between the parts of a name (阿依·木拉提); all become the middle dot.
const NAME_DOTS = /[\u2022\u2027\u30fb\uff65\u2219\u22c5\u00b7.．]/g;
// A leading = + - @ makes spreadsheets run the cell as a formula (formula injection).
const FORMULA_START = /^[=+\-@＝＋－＠]/;

function issue(path: string, message: string, messageEn: string): FieldIssue {
  return { path, message, messageEn };
}

/** Cleans a person's name; returns the name or the problem in both languages. */
export function normalizePersonName(raw: string, path = 'name'): string | FieldIssue {
  const name = raw
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .replace(NAME_DOTS, '·')
    .replace(/\s*·\s*/g, '·');
  if (!name) return issue(path, '请填写姓名', 'Enter the name');
  if (FORBIDDEN_IN_NAME.test(name))
    return issue(
      path,
      '姓名中含有不可见的控制字符（可能来自复制粘贴），请重新输入',
      'The name contains invisible control characters (often from copy and paste); type it again',
    );
  if (FORMULA_START.test(name)) return issue(path, '姓名不能以 = + - @ 开头', 'A name cannot start with = + - or @');
  if (/^·|·$/.test(name)) return issue(path, '姓名不能以“·”开头或结尾', 'A name cannot start or end with “·”');
  if ([...name].length > LIMITS.personName)
    return issue(path, `姓名最多 ${LIMITS.personName} 个字`, `A name has at most ${LIMITS.personName} characters`);
  return name;
}

/**
 * Checks and cleans a resident's fields, the same for the form and the Excel import:
 * name (no controls, bidi overrides or formula starts), ID number (18 characters, check
 * digit, a real birth date that matches the birth-date field), phone (normalised), and
 * the consent (a guardian's for a child under 14). Birth date and gender are taken from
 * the ID number when left blank. Pure: no database; uniqueness is checked on saving.
 * `consent` undefined: not asked (an edit); null: required but missing.
 */
export function normalizeResidentInput(
  input: ResidentFields,
  opts: { consent?: ConsentInput | null; today?: string } = {},
): NormalizeResult {
  const today = opts.today ?? chinaToday();
  const issues: FieldIssue[] = [];
  const name = normalizePersonName(input.name);
  if (typeof name !== 'string') issues.push(name);

  let { birthDate, gender } = input;
  if (birthDate && (birthDate > today || birthDate < '1900-01-01')) {
    issues.push(
      issue('birthDate', '出生日期不能晚于今天，也不能早于 1900 年', 'The birth date must lie between 1900 and today'),
    );
  }
  let idNumber: string | null | undefined = input.idNumber === undefined ? undefined : null;
  if (input.idNumber && input.idNumber.trim()) {
    const parsed = parseIdCard(input.idNumber, birthDate, new Date(`${today}T23:59:59+08:00`));
    if (typeof parsed === 'string') {
      const m = ID_CARD_MESSAGES[parsed];
      issues.push(issue('idNumber', m.zh, m.en));
    } else {
      idNumber = parsed.normalized;
      birthDate ??= parsed.birthDate;
      if (gender && gender !== parsed.gender)
        issues.push(
          issue(
            'gender',
            '性别与身份证号不一致（身份证号第 17 位单数为男、双数为女）',
            'The gender differs from the ID number (17th digit: odd male, even female)',
          ),
        );
      gender ??= parsed.gender;
    }
  }

  let phone: string | null | undefined = input.phone === undefined ? undefined : null;
  if (input.phone && input.phone.trim()) {
    phone = normalizePhone(input.phone);
    if (!isValidPhone(phone))
      issues.push(
        issue(
          'phone',
          '请输入正确的手机号（11 位）或带区号的固定电话',
          'Enter an 11-digit mobile number or a landline with its area code',
        ),
      );
  }

  if (input.relationToHead && !input.householdId)
    issues.push(
      issue('householdId', '填写了与户主关系，请同时选择所属的户', 'Choose the household this relation refers to'),
    );

  const consent = normalizeConsent(opts.consent, birthDate, today, issues);
  if (issues.length) return { ok: false, issues };
  const tags = [...new Set(input.tags)];
  return { ok: true, value: { ...input, name: name as string, birthDate, gender, phone, idNumber, tags }, consent };
}

/** Checks a consent for a person born on `birthDate`; problems are pushed onto `issues`. */
export function normalizeConsent(
  consent: ConsentInput | null | undefined,
  birthDate: string | null,
  today: string,
  issues: FieldIssue[],
): ConsentInput | null {
  if (consent === undefined) return null;
  if (!consent || !consent.given) {
    issues.push(
      issue(
        'consent.given',
        '请确认已取得本人（不满 14 周岁的由监护人）同意登记个人信息',
        'Confirm that the person (or, under 14, a guardian) agreed to the record',
      ),
    );
    return null;
  }
  const child = birthDate !== null && ageOn(birthDate, today) < CHILD_AGE;
  if (child && consent.givenBy !== 'guardian') {
    issues.push(
      issue('consent.givenBy', '不满 14 周岁的儿童须由监护人同意', 'A child under 14 needs a guardian’s consent'),
    );
  }
  if (consent.givenBy === 'guardian') {
    const g = consent.guardianName ? normalizePersonName(consent.guardianName, 'consent.guardianName') : null;
    if (g === null) issues.push(issue('consent.guardianName', '请填写监护人姓名', 'Enter the guardian’s name'));
    else if (typeof g !== 'string') issues.push(g);
    else return { ...consent, guardianName: g };
  }
  return consent.givenBy === 'self' ? { ...consent, guardianName: null, guardianRelation: null } : consent;
}
