import crypto from 'node:crypto';
import { mapHeaders, normalizeHeader, scoreHeader, type RosterField } from './roster-columns';

type Cell = string | number | Date | { formula: string } | null;

/** A sheet's header: where it is among the top rows, how many rows it spans, its columns. */
export type FoundHeader = {
  /** Index of its first row among the top rows read. */
  at: number;
  span: 1 | 2;
  /** The header of each column as shown: a group header and its sub-header joined by “/”. */
  headers: string[];
  /** The same, normalised: the keys of a column mapping. */
  normalized: string[];
  columns: Partial<Record<RosterField, number>>;
};

const text = (c: Cell | undefined): string => {
  if (c === null || c === undefined || c instanceof Date || typeof c === 'object') return '';
  return String(c).replace(/\s+/g, ' ').trim();
};

const qualifies = (columns: Partial<Record<RosterField, number>>) =>
  columns.name !== undefined && Object.keys(columns).length >= 3;

/**
 * A second header row under the first: empty under the name (merged down), and its cells read
 * as headers (手机号码 / 固定电话 under 联系方式), not as a person's data.
 */
function isSubHeader(b: string[], nameColumn: number): boolean {
  if (b[nameColumn]) return false;
  const filled = b.filter(Boolean);
  if (filled.length === 0 || filled.some((s) => /\d{5,}/.test(s))) return false;
  const scored = filled.filter((s) => scoreHeader(s).length > 0).length;
  return scored >= 1 && scored * 2 >= filled.length;
}

function joined(a: string[], b: string[]) {
  const width = Math.max(a.length, b.length);
  const headers: string[] = [];
  const scoring: string[] = [];
  let group = '';
  for (let i = 0; i < width; i++) {
    const top = a[i] ?? '';
    const sub = b[i] ?? '';
    if (top) group = top;
    // A merged group header holds its text in its first cell only: the sub-headers to its right belong to it.
    const over = top || (sub ? group : '');
    headers.push(over && sub ? `${over}/${sub}` : over || sub);
    scoring.push(sub && scoreHeader(sub).length ? sub : top);
  }
  return { headers, scoring };
}

/**
 * The header among the top rows of a sheet: the first row naming 姓名 and two more roster
 * columns, joined with the row below when that one is a sub-header. With `final` false the
 * last row read is not decided yet (the next one may be its sub-header).
 */
export function findHeader(top: Cell[][], final: boolean): FoundHeader | null {
  for (let k = 0; k < top.length; k++) {
    if (k + 1 >= top.length && !final) return null;
    const a = top[k].map(text);
    if (k + 1 < top.length) {
      const b = top[k + 1].map(text);
      const two = joined(a, b);
      const columns = mapHeaders(two.scoring);
      if (qualifies(columns) && isSubHeader(b, columns.name!))
        return { at: k, span: 2, headers: two.headers, normalized: two.headers.map(normalizeHeader), columns };
    }
    const columns = mapHeaders(a);
    if (qualifies(columns)) return { at: k, span: 1, headers: a, normalized: a.map(normalizeHeader), columns };
  }
  return null;
}

/** The header set as a key (order-free): the same headers in any order share a remembered mapping. */
export function headerKey(headers: string[]): string {
  const set = [...new Set(headers.map(normalizeHeader).filter(Boolean))].sort();
  return crypto.createHash('sha256').update(set.join('\n')).digest('hex').slice(0, 32);
}

const SKIP =
  /^(合计|总计|小计|共计|累计|填表人|填报人|填表日期|填报日期|填报单位|审核人|审核|审批人|制表|负责人|经办人|备注|说明|注[:：])/;

/**
 * A totals, signature or note row (合计, 填表人, 审核人, 制表, 备注：…): its first filled cell, or
 * its name cell, starts with one of those words. Returns the words, for the preview.
 */
export function isSkipRow(cells: Cell[], nameColumn: number | undefined): string | null {
  const first = cells.map(text).find(Boolean) ?? '';
  const name = nameColumn === undefined ? '' : text(cells[nameColumn]);
  for (const s of [first, name]) {
    const compact = s.normalize('NFKC').replace(/\s+/g, '');
    if (SKIP.test(compact)) return s.length > 40 ? `${s.slice(0, 40)}…` : s;
  }
  return null;
}
