import type { Ctx } from '../../server/types';
import { DOCX_TYPE, toDocx, toXlsx, XLSX_TYPE, type ReportDoc } from './report-export';
import { getReport } from './report-read.service';
import { getSummary } from './summary.service';

type Format = 'xlsx' | 'docx';

const STATUS_ZH: Record<string, string> = {
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  accepted: '已采纳',
};

async function fileOf(doc: ReportDoc, format: Format, base: string) {
  return format === 'xlsx'
    ? { type: XLSX_TYPE, name: `${base}.xlsx`, data: await toXlsx(doc) }
    : { type: DOCX_TYPE, name: `${base}.docx`, data: await toDocx(doc) };
}

/** A monthly report as a file: the frozen figures once submitted, else the live ones. */
export async function exportReport(args: Ctx & { nodeId: string; month: string; format: Format }) {
  const r = await getReport(args);
  const [y, m] = r.month.split('-');
  const title = `${r.node.name}${y}年${Number(m)}月社区教育工作月报`;
  const doc: ReportDoc = {
    title,
    meta: [
      ['单位', r.node.name],
      ['月份', `${y}年${Number(m)}月`],
      ['状态', r.status ? STATUS_ZH[r.status] : '未填报'],
      ['报送时间', r.submittedAt ?? '—'],
      ['截止日期', r.deadline],
    ],
    figures: r.frozen ?? r.live,
    body: r.body,
  };
  return fileOf(doc, args.format, title);
}

/** The annual summary as a file. */
export async function exportSummary(args: Ctx & { nodeId: string; year: number; format: Format }) {
  const s = await getSummary(args);
  const title = `${s.node.name}${s.year}年度社区教育工作总结`;
  const doc: ReportDoc = {
    title,
    meta: [
      ['单位', s.node.name],
      ['年度', `${s.year}年`],
      ['状态', s.status === 'submitted' ? '已提交' : '草稿'],
    ],
    figures: s.frozen ?? s.live,
    body: s.body,
  };
  return fileOf(doc, args.format, title);
}
