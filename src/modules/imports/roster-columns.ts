/**
 * The columns of a resident roster: the header the template writes, the variants towns'
 * own spreadsheets use for it, and the notes sheet's explanation. Parser, template and
 * export all read this one list, so an exported file imports again unchanged.
 */
export const ROSTER_FIELDS = [
  'name',
  'gender',
  'birthDate',
  'idNumber',
  'phone',
  'village',
  'headName',
  'relation',
  'building',
  'tags',
  'education',
  'employment',
  'occupation',
  'note',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

type Column = { header: string; variants: string[]; width: number; text?: boolean; note: string };

export const ROSTER_COLUMNS: Record<RosterField, Column> = {
  name: { header: '姓名', variants: ['名字', '居民姓名', '人员姓名'], width: 12, note: '必填。只能包含文字和“·”。' },
  gender: { header: '性别', variants: [], width: 6, note: '男 或 女；填写了身份证号时可不填（按身份证号判断）。' },
  birthDate: {
    header: '出生日期',
    variants: ['出生年月', '出生年月日', '生日'],
    width: 12,
    note: '如 1980-01-01、1980/1/1、19800101、1980年1月1日；填写了身份证号时可不填。',
  },
  idNumber: {
    header: '身份证号',
    variants: ['身份证', '身份证号码', '公民身份号码', '公民身份证号码', '证件号码'],
    width: 22,
    text: true,
    note: '18 位，可不填。此列必须是“文本”格式，否则 Excel 会把号码变成 1.10105E+17 并丢失后几位。',
  },
  phone: {
    header: '手机号',
    variants: ['手机', '手机号码', '联系电话', '电话', '电话号码', '联系方式'],
    width: 15,
    text: true,
    note: '手机号或带区号的固定电话，可不填。',
  },
  village: {
    header: '村/社区',
    variants: [
      '村(社区)',
      '所属村居',
      '村居',
      '社区',
      '村',
      '所属村(社区)',
      '所属社区',
      '所属村',
      '村社区',
      '学习中心',
    ],
    width: 14,
    note: '本次导入范围内的村（社区）学习中心名称；按村或社区导入时可不填。',
  },
  headName: {
    header: '户主姓名',
    variants: ['户主'],
    width: 12,
    note: '同一村（社区）、同一户主姓名、同一楼栋/村组的人归为一户。14 岁以下必填（作为监护人）。',
  },
  relation: {
    header: '与户主关系',
    variants: ['与户主的关系', '关系'],
    width: 10,
    note: '如 户主、配偶、子、女、父母。',
  },
  building: {
    header: '楼栋/村组',
    variants: ['楼栋', '组别', '村组', '楼栋(村组)', '村民小组', '小组'],
    width: 12,
    note: '如 3 栋、第二村民组。',
  },
  tags: {
    header: '人群类别',
    variants: ['人员类别', '特殊人群', '人群分类', '类别'],
    width: 16,
    note: '可填多个，用顿号、逗号或分号隔开；必须是本县设定的类别（见下方列表）。',
  },
  education: { header: '文化程度', variants: ['学历'], width: 10, note: '如 小学、初中、高中、大专、本科。' },
  employment: {
    header: '就业状况',
    variants: ['就业情况', '就业状态'],
    width: 10,
    note: '如 在业、失业、退休、在校。',
  },
  occupation: { header: '职业', variants: ['工作', '职业/工种'], width: 12, note: '如 农民、个体、教师。' },
  note: { header: '备注', variants: ['说明'], width: 20, note: '最多 500 字。' },
};

/**
 * Keywords that say a header means a field, with a weight. A header scores, for each field,
 * the weight of the best keyword it contains (+5 when it is exactly that keyword), so
 * 所在村（社区）, 村（居）委会, 户籍所在村 and 现住村居 all land on the village, while 村民小组
 * (building, 12) beats 村 (village, 6) and 户主姓名 (headName, 13) beats 姓名 (name, 10).
 */
const KEYWORDS: Record<RosterField, [string, number][]> = {
  name: [
    ['姓名', 10],
    ['名字', 9],
    ['居民姓名', 12],
    ['人员姓名', 12],
  ],
  gender: [['性别', 12]],
  birthDate: [
    ['出生', 10],
    ['生日', 10],
    ['出生年月', 12],
    ['出生日期', 12],
  ],
  idNumber: [
    ['身份证', 12],
    ['身份号码', 12],
    ['公民身份', 12],
    ['证件号', 11],
  ],
  phone: [
    ['手机', 11],
    ['电话', 11],
    ['联系方式', 11],
    ['联系号码', 11],
  ],
  village: [
    ['村', 6],
    ['社区', 8],
    ['村居', 10],
    ['村委会', 10],
    ['居委会', 10],
    ['村居委会', 11],
    ['学习中心', 9],
  ],
  headName: [
    ['户主', 11],
    ['户主姓名', 13],
  ],
  relation: [
    ['关系', 12],
    ['与户主关系', 14],
  ],
  building: [
    ['楼栋', 12],
    ['村组', 12],
    ['组别', 12],
    ['小组', 11],
    ['村民组', 12],
    ['村民小组', 13],
    ['楼号', 11],
  ],
  tags: [
    ['类别', 8],
    ['人群', 10],
    ['人群类别', 12],
    ['人员类别', 12],
    ['特殊人群', 12],
    ['人群分类', 12],
  ],
  education: [
    ['文化程度', 12],
    ['学历', 12],
    ['文化', 9],
  ],
  employment: [['就业', 12]],
  occupation: [
    ['职业', 12],
    ['工种', 10],
  ],
  note: [
    ['备注', 12],
    ['说明', 8],
  ],
};

/** Words that say where a thing is and add nothing to what it is. */
const PREFIXES = /^(户籍所在|户籍地|户籍|现居住|现住|居住|现|所在|所属)/;

/** Header text as compared: NFKC (full width → half), no spaces or line breaks, no required-marks, brackets unified. */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s*＊:：]/g, '')
    .replace(/[（【[［〔]/g, '(')
    .replace(/[）】\]］〕]/g, ')');
}

/** The header reduced to its words: normalised, without brackets and the 所在/所属/现/户籍 prefixes. */
const headerWords = (raw: string) => normalizeHeader(raw).replace(/[()]/g, '').replace(PREFIXES, '');

/** How strongly a header names each field (only fields with a score above 0). */
export function scoreHeader(raw: string): { field: RosterField; score: number }[] {
  const words = headerWords(raw);
  if (!words || words.length > 20) return [];
  const out: { field: RosterField; score: number }[] = [];
  for (const f of ROSTER_FIELDS) {
    let best = 0;
    for (const [k, w] of KEYWORDS[f]) if (words.includes(k)) best = Math.max(best, w + (words === k ? 5 : 0));
    // The template's own header and its listed variants always win.
    for (const h of [ROSTER_COLUMNS[f].header, ...ROSTER_COLUMNS[f].variants])
      if (normalizeHeader(h) === normalizeHeader(raw)) best = Math.max(best, 20);
    if (best > 0) out.push({ field: f, score: best });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** The field a header names best, or null when it is not a roster column. */
export function fieldOfHeader(raw: string): RosterField | null {
  return scoreHeader(raw)[0]?.field ?? null;
}

/**
 * Assigns fields to a row of headers: each field to the column that names it best (ties: the
 * leftmost), each column to at most one field.
 */
export function mapHeaders(headers: string[]): Partial<Record<RosterField, number>> {
  const candidates = headers.flatMap((h, i) => scoreHeader(h).map((s) => ({ ...s, i })));
  candidates.sort((a, b) => b.score - a.score || a.i - b.i);
  const columns: Partial<Record<RosterField, number>> = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (columns[c.field] !== undefined || used.has(c.i)) continue;
    columns[c.field] = c.i;
    used.add(c.i);
  }
  return columns;
}

export const ERROR_COLUMN = '错误说明';
