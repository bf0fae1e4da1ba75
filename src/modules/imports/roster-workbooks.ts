import ExcelJS from 'exceljs';
import type { Db } from '../../server/db/client';
import type { Actor } from '../../shared/actor';
import { idCheckChar } from '../../shared/id-card';
import { RESIDENT_ROLES } from '../../shared/roles';
import { loadNodeFor } from '../../server/tree-scope';
import { ensureTagDefs } from '../people';
import type { ImportIssue } from './imports.contract';
import { canSeeNode } from './imports.policy';
import { ERROR_COLUMN, ROSTER_COLUMNS, ROSTER_FIELDS, type RosterField } from './roster-columns';
import { countyOf } from './roster-pipeline';
import type { ColumnMapping } from './imports.contract';
import { cellText, readRoster } from './roster-read';
import { safeCellText } from '../../shared/text';

export const TEXT_FIELDS = new Set<RosterField>(ROSTER_FIELDS.filter((f) => ROSTER_COLUMNS[f].text));
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };

/** A fictional ID number: region 110105, born 2000-01-01, sequence 123, valid check digit. */
const EXAMPLE_ID = `11010520000101123${idCheckChar('11010520000101123')}`;
const EXAMPLE: Record<RosterField, string> = {
  name: '示例张三',
  gender: '男',
  birthDate: '2000-01-01',
  idNumber: EXAMPLE_ID,
  phone: '13800000000',
  village: '（填写村或社区名称）',
  headName: '示例张三',
  relation: '户主',
  building: '1 栋',
  tags: '',
  education: '本科',
  employment: '在业',
  occupation: '教师',
  note: '示例行，导入前请删除',
};

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => (c.fill = HEADER_FILL));
}

/** The roster sheet's columns (the template's and the export's): ID and phone cells are text (numFmt @). */
export const rosterSheetColumns = () =>
  ROSTER_FIELDS.map((f) => ({
    header: ROSTER_COLUMNS[f].header,
    key: f,
    width: ROSTER_COLUMNS[f].width,
    style: TEXT_FIELDS.has(f) ? { numFmt: '@' } : {},
  }));

/** The import template: the roster sheet (headers, one example row, ID/phone columns as text) and a notes sheet. */
export async function buildTemplate({ db, actor, nodeId }: { db: Db; actor: Actor; nodeId?: string }): Promise<Buffer> {
  let path = actor.scopes.find((s) => RESIDENT_ROLES.includes(s.role))?.path ?? '/';
  if (nodeId) {
    path = (await loadNodeFor(db, nodeId, (n) => canSeeNode(actor, n))).path;
  }
  const countyId = countyOf(path);
  const tags = countyId ? await ensureTagDefs(db, countyId) : [];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = rosterSheetColumns();
  styleHeader(ws.getRow(1));
  const example = ws.addRow(ROSTER_FIELDS.map((f) => EXAMPLE[f]));
  example.font = { color: { argb: 'FF888888' }, italic: true };
  for (const f of TEXT_FIELDS) example.getCell(ROSTER_FIELDS.indexOf(f) + 1).numFmt = '@';

  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', width: 14 },
    { header: '也可以写作', width: 36 },
    { header: '说明', width: 80 },
  ];
  styleHeader(notes.getRow(1));
  for (const f of ROSTER_FIELDS)
    notes.addRow([ROSTER_COLUMNS[f].header, ROSTER_COLUMNS[f].variants.join('、'), ROSTER_COLUMNS[f].note]);
  notes.addRow([]);
  notes.addRow([
    '通用说明',
    '',
    '表头可以不在第一行（上面的标题行会被跳过），列的顺序可以任意。第二行是示例，导入前请删除。同一个文件再次导入不会重复登记：身份证号相同（或村内姓名和电话相同）的人会被更新。',
  ]);
  notes.addRow([]);
  styleHeader(notes.addRow(['人群类别', '是否敏感', '']));
  for (const t of tags) notes.addRow([t.label, t.sensitive ? '是（仅有权限的人员可见）' : '否', '']);
  if (tags.length === 0) notes.addRow(['（本县尚未设定人群类别）', '', '']);
  notes.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The bad rows as they were in the file (the sheet's columns, plus 工作表 when there are several), with a 错误说明 column naming every problem. */
export async function buildErrorReport({
  file,
  issues,
  issuesTotal,
  mapping,
}: {
  file: Buffer;
  issues: ImportIssue[];
  issuesTotal: number;
  mapping?: ColumnMapping | null;
}): Promise<Buffer> {
  const book = await readRoster(file, { mapping });
  const many = book.sheets.length > 1;
  const key = (sheet: string | undefined, row: number) => `${many ? (sheet ?? '') : ''}|${row}`;
  const byRow = new Map<string, string[]>();
  for (const i of issues)
    byRow.set(key(i.sheet, i.row), [...(byRow.get(key(i.sheet, i.row)) ?? []), `${i.column}：${i.message}`]);
  const first = book.sheets[0];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('错误行', { views: [{ state: 'frozen', ySplit: 1 }] });
  const width = Math.max(...book.sheets.map((s) => s.headers.length));
  const textCols = new Set(
    ROSTER_FIELDS.filter((f) => TEXT_FIELDS.has(f) && first.columns[f] !== undefined).map((f) => first.columns[f]! + 1),
  );
  ws.columns = [
    ...Array.from({ length: width }, (_, i) => ({
      header: first.headers[i] ?? '',
      width: 14,
      style: textCols.has(i + 1) ? { numFmt: '@' } : {},
    })),
    ...(many ? [{ header: '工作表', width: 12 }] : []),
    { header: '原行号', width: 8 },
    { header: ERROR_COLUMN, width: 60 },
  ];
  styleHeader(ws.getRow(1));
  for (const r of book.rows) {
    const sheet = book.sheets[r.sheet];
    const problems = byRow.get(key(sheet.name, r.row));
    if (!problems) continue;
    const values = Array.from({ length: width }, (_, i) => safeCellText(cellText(r.cells[i] ?? null)));
    const row = ws.addRow([...values, ...(many ? [sheet.name] : []), r.row, problems.join('；')]);
    for (const c of textCols) row.getCell(c).numFmt = '@';
  }
  if (issuesTotal > issues.length) ws.addRow([`错误太多，只列出了前 ${issues.length} 条`]);
  ws.getColumn(width + (many ? 3 : 2)).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
