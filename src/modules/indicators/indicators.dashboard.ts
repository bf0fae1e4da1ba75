import ExcelJS from 'exceljs';
import { and, asc, eq, like } from 'drizzle-orm';
import { orgNodes } from '../../server/db/tree.table';
import { escapeLike, loadNodeFor, nodeBrief } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { safeCellText } from '../../shared/text';
import { THEME_LABELS, type ThemeKey } from '../../shared/themes';
import { ensureTagDefs } from '../people';
import { groupFigures, monthPeriod, nodeFigures, themeFigures, yearPeriod } from '../stats';
import type { Dashboard, DashboardTable, IndicatorQuery, IndicatorValue } from './indicators.contract';
import { judgesAt, MEASURE_DEFS, type Measure } from './indicators.measures';
import { canReadIndicators } from './indicators.policy';
import { gatherFacts, targetsOf, valuesOf, type Node } from './indicators.service';

// The dashboards (数据看板): the tables the charts draw, all read from the kept statistics
// (stat_counts, stat_theme_counts, stat_group_counts), so that a county of 400 centres answers
// in a few indexed reads; and the same tables as an .xlsx workbook.

const brief = (n: Node) => ({ id: n.id, name: n.name, level: n.level });
const emptyFigures = { activitiesHeld: 0, participants: 0, personTimes: 0, hours: 0 };

export async function findDashboard({ db, actor, query }: Ctx & { query: IndicatorQuery }): Promise<Dashboard> {
  const node = (await loadNodeFor(db, query.nodeId, (n) => canReadIndicators(actor, n))) as Node;
  const countyId = node.path.split('/')[1];
  const month = query.month ?? null;
  const period = month ? monthPeriod(query.year, month) : yearPeriod(query.year);
  const below = (await db
    .select(nodeBrief)
    .from(orgNodes)
    .where(and(like(orgNodes.path, `${escapeLike(node.path)}%`), eq(orgNodes.level, 'centre')))
    .orderBy(asc(orgNodes.name))) as Node[];
  const towns =
    node.level === 'county'
      ? ((await db
          .select(nodeBrief)
          .from(orgNodes)
          .where(and(eq(orgNodes.parentId, node.id), eq(orgNodes.level, 'town')))
          .orderBy(asc(orgNodes.sortOrder), asc(orgNodes.name))) as Node[])
      : [];
  const centres = node.level === 'centre' ? [node] : below;
  const monthly = Array.from({ length: 12 }, (_, i) => monthPeriod(query.year, i + 1));
  const [targets, facts, byMonth, themes, reached, tagDefs] = await Promise.all([
    targetsOf(db, countyId, query.year),
    // The node itself too: a unit has no centre below it, and the facts need a node to read under.
    gatherFacts(db, [node, ...(node.level === 'centre' ? [] : centres), ...towns], query.year, month),
    nodeFigures(db, [node.id], monthly),
    themeFigures(db, [node.id], period),
    groupFigures(db, node.id, period),
    ensureTagDefs(db, countyId),
  ]);
  const figures = (f: typeof emptyFigures) => ({
    activitiesHeld: f.activitiesHeld,
    participants: f.participants,
    personTimes: f.personTimes,
    hours: f.hours,
  });
  // The indicators judged at centres (and not waiting for another module) make the grid's columns.
  const judged = targets.filter((t) => judgesAt(t, 'centre') && !MEASURE_DEFS[t.measure].source);
  const count = new Map(reached.map((g) => [g.tag, g.residentsReached]));
  return {
    node: brief(node),
    countyId,
    year: query.year,
    month,
    months: byMonth.map((f, i) => ({ month: i + 1, ...figures(f) })),
    themes: themes.map(({ nodeId: _, ...t }) => t),
    centres: centres.map((c) => ({ node: brief(c), ...figures(facts.figures.get(c.id) ?? emptyFigures) })),
    groups: tagDefs.map((d) => ({ tag: d.code, label: d.label, residentsReached: count.get(d.code) ?? 0 })),
    attainment: {
      measures: judged.map((t) => t.measure),
      rows: centres.map((c) => ({ node: brief(c), values: valuesOf(judged, c, facts) })),
    },
    towns: towns.map((t) => ({
      node: brief(t),
      population: facts.populations.get(t.id) ?? null,
      values: valuesOf(targets, t, facts).filter((v) => v.status !== 'no_data'),
    })),
  };
}

const STATUS_TEXT: Record<IndicatorValue['status'], string> = {
  met: '达标',
  missed: '未达标',
  no_target: '无目标',
  no_data: '暂无数据',
  no_population: '缺常住人口',
  small_sample: '样本不足',
};
export const measureLabel = (m: Measure) => MEASURE_DEFS[m].label.zh;
/** A value and its judgement in one cell, as the page shows it: "2 达标". */
const judgedCell = (v: IndicatorValue | undefined) =>
  v?.measure === 'staffing'
    ? `专职${v.numerator} 兼职${v.denominator} ${STATUS_TEXT[v.status]}`
    : v
      ? `${v.value ?? '—'}${MEASURE_DEFS[v.measure].unit === 'percent' && v.value !== null ? '%' : ''} ${STATUS_TEXT[v.status]}`
      : '—';
export const themeLabel = (key: string) => THEME_LABELS[key as ThemeKey]?.zh ?? key;

export type Sheet = { name: string; head: string[]; rows: (string | number | null)[][] };

/** The dashboard's tables as sheets (Chinese headings, as offices file them). */
function sheetsOf(d: Dashboard): Record<DashboardTable, Sheet> {
  const figureHead = ['活动场次', '参与人数', '参与人次', '学习时长（小时）'];
  const figureCells = (f: Dashboard['months'][number] | Dashboard['centres'][number]) => [
    f.activitiesHeld,
    f.participants,
    f.personTimes,
    f.hours,
  ];
  const townMeasures = [...new Set(d.towns.flatMap((t) => t.values.map((v) => v.measure)))];
  return {
    months: {
      name: '逐月',
      head: ['月份', ...figureHead],
      rows: d.months.map((m) => [`${m.month}月`, ...figureCells(m)]),
    },
    themes: {
      name: '按主题',
      head: ['主题', '活动场次', '参与人次', '学习时长（小时）'],
      rows: d.themes.map((t) => [themeLabel(t.theme), t.activitiesHeld, t.personTimes, t.hours]),
    },
    centres: {
      name: '按学习中心',
      head: ['学习中心', ...figureHead],
      rows: d.centres.map((c) => [c.node.name, ...figureCells(c)]),
    },
    groups: {
      name: '重点人群',
      head: ['重点人群', '参与人数'],
      rows: d.groups.map((g) => [g.label, g.residentsReached]),
    },
    attainment: {
      name: '达标情况',
      head: ['学习中心', ...d.attainment.measures.map(measureLabel)],
      rows: d.attainment.rows.map((r) => [
        r.node.name,
        ...d.attainment.measures.map((m) => judgedCell(r.values.find((v) => v.measure === m))),
      ]),
    },
    towns: {
      name: '镇街对比',
      head: ['镇（街道）', '常住人口', ...townMeasures.map(measureLabel)],
      rows: d.towns.map((t) => [
        t.node.name,
        t.population,
        ...townMeasures.map((m) => judgedCell(t.values.find((v) => v.measure === m))),
      ]),
    },
  };
}

/** Sheets as an .xlsx workbook: a title row, the headings, the rows; every text cell formula-safe. */
export async function workbookOf(title: string, sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.addRow([safeCellText(`${title} ${s.name}`)]).font = { bold: true, size: 14 };
    ws.addRow(s.head).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((c) => (typeof c === 'string' ? safeCellText(c) : c)));
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 24 : 16));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The period as offices write it: 2026年3月, or 2026年 for the year. */
export const periodText = (year: number, month: number | null) => `${year}年${month ? `${month}月` : ''}`;

/** The dashboard's tables (one, or all a sheet each) as an .xlsx workbook. */
export async function dashboardWorkbook(
  ctx: Ctx & { query: IndicatorQuery & { table?: DashboardTable } },
): Promise<{ file: Buffer; name: string }> {
  const d = await findDashboard(ctx);
  const sheets = sheetsOf(d);
  const period = periodText(d.year, d.month);
  const file = await workbookOf(
    `${d.node.name} ${period}`,
    ctx.query.table ? [sheets[ctx.query.table]] : Object.values(sheets),
  );
  const what = ctx.query.table ? sheets[ctx.query.table].name : '数据看板';
  return { file, name: `${d.node.name}${period}${what}.xlsx` };
}
