import type { FieldIssue } from './app-error';
import { DIVISION_MESSAGES } from './division-code';
import type { Label } from './locale';

/** Messages for schema rules, referenced from schemas as `msg:<key>`. */
export const FIELD_MESSAGES: Record<string, Label> = {
  required: { zh: '此项必填', en: 'This field is required' },
  phone: { zh: '请输入正确的手机或电话号码', en: 'Enter a valid phone number' },
  username: {
    zh: '用户名只能包含字母、数字、下划线、点和横线，3–32 位',
    en: 'Username: 3–32 letters, digits, _ . or -',
  },
  division_code: DIVISION_MESSAGES.format,
  password_short: { zh: '密码至少 8 位', en: 'The password needs at least 8 characters' },
  password_common: { zh: '这个密码太常见，容易被猜到，请换一个', en: 'This password is too common; choose another' },
  password_same_as_username: { zh: '密码不能与用户名相同', en: 'The password must differ from the username' },
  coord_180: { zh: '经度应在 -180 到 180 之间', en: 'Longitude must be between -180 and 180' },
  coord_90: { zh: '纬度应在 -90 到 90 之间', en: 'Latitude must be between -90 and 90' },
  blank: { zh: '不能只填空格', en: 'Must not be blank' },
  control_chars: {
    zh: '不能包含控制字符或改变文字方向的字符',
    en: 'Must not contain control or text-direction characters',
  },
};

type IssueLike = {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  expected?: string;
  values?: unknown[];
};

/** Turns a zod issue into plain words in both languages, for the field it belongs to. */
export function formatIssue(issue: IssueLike): FieldIssue {
  const path = issue.path.map(String).join('.');
  const [zh, en] = describe(issue);
  return { path, message: zh, messageEn: en };
}

function describe(i: IssueLike): [string, string] {
  if (i.message.startsWith('msg:')) {
    const m = FIELD_MESSAGES[i.message.slice(4)];
    if (m) return [m.zh, m.en];
  }
  switch (i.code) {
    case 'invalid_type':
      if (i.input === undefined || i.input === null) return [FIELD_MESSAGES.required.zh, FIELD_MESSAGES.required.en];
      return i.expected === 'number' || i.expected === 'int'
        ? ['请输入数字', 'Enter a number']
        : ['格式不正确', `Wrong type: expected ${i.expected}`];
    case 'too_small':
      if (i.origin === 'string') {
        return Number(i.minimum) <= 1
          ? [FIELD_MESSAGES.required.zh, FIELD_MESSAGES.required.en]
          : [`至少 ${i.minimum} 个字符`, `At least ${i.minimum} characters`];
      }
      if (i.origin === 'array') return [`至少选择 ${i.minimum} 项`, `Choose at least ${i.minimum}`];
      return [`不能小于 ${i.minimum}`, `Must be at least ${i.minimum}`];
    case 'too_big':
      if (i.origin === 'string') return [`最多 ${i.maximum} 个字符`, `At most ${i.maximum} characters`];
      if (i.origin === 'array') return [`最多选择 ${i.maximum} 项`, `Choose at most ${i.maximum}`];
      return [`不能大于 ${i.maximum}`, `Must be at most ${i.maximum}`];
    case 'invalid_value':
      return ['请从列表中选择', `Choose one of: ${(i.values ?? []).join(', ')}`];
    case 'invalid_format':
      return ['格式不正确', 'Wrong format'];
    case 'unrecognized_keys':
      return ['包含不认识的字段', 'Contains unknown fields'];
    default:
      return ['填写有误', i.message];
  }
}
