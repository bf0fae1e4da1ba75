import type { ReactNode } from 'react';
import { Col, Select } from 'antd';
import { chinaMonth } from '../../../shared/china-time';
import { FilterCard } from '../../../web/components/filter-card';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import type { IndicatorValue } from '../indicators.contract';
import { MEASURE_DEFS } from '../indicators.measures';
import { M } from './indicators.messages';
import { percentText } from '../../../web/components/format';

const KEYS = ['nodeId', 'year', 'month'] as const;

/**
 * The node and period of the indicators and the dashboards, kept in the URL: no node, the
 * user's first; no month, this month of this year and the whole of another year.
 */
export function usePeriod() {
  const url = useUrlQuery(KEYS);
  const tree = useOrgTree();
  const now = chinaMonth();
  const thisYear = Number(now.slice(0, 4));
  const nodeId = url.values.nodeId ?? tree.data?.roots[0]?.id;
  const year = Number(url.values.year) || thisYear;
  const month =
    url.values.month === 'all'
      ? undefined
      : Number(url.values.month) || (year === thisYear ? Number(now.slice(5, 7)) : undefined);
  return { url, nodeId, year, month, thisYear };
}

/** The filter bar: node, year, month (or the whole year), and what else the page shows beside them. */
export function PeriodFilter({ period, children }: { period: ReturnType<typeof usePeriod>; children?: ReactNode }) {
  const { t } = useI18n();
  const { url, nodeId, year, month, thisYear } = period;
  return (
    <FilterCard>
      <Col xs={24} sm={12} lg={8}>
        <NodeTreeSelect value={nodeId} onChange={(v) => url.set({ nodeId: v })} aria-label={t(M.node)} />
      </Col>
      <Col xs={12} sm={6} lg={4}>
        <Select
          style={{ width: '100%' }}
          aria-label={t(M.year)}
          value={year}
          onChange={(v) => url.set({ year: v, month: v === thisYear ? undefined : 'all' })}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}` }))}
        />
      </Col>
      <Col xs={12} sm={6} lg={4}>
        <Select
          style={{ width: '100%' }}
          aria-label={t(M.month)}
          value={month ?? 0}
          onChange={(v) => url.set({ month: v === 0 ? 'all' : v })}
          options={[
            { value: 0, label: t(M.wholeYear) },
            ...Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t(M.monthN, { n: i + 1 }) })),
          ]}
        />
      </Col>
      {children}
    </FilterCard>
  );
}

/** The drill-down's address: the workbench and the dashboards link to exactly this. */
export function recordsHref(q: { nodeId: string; measure: string; year: number; month?: number | null; tag?: string }) {
  // Funding per resident: the records behind it are the approved expenses of the ledger.
  if (q.measure === 'funding_per_resident')
    return `/funding/expenses?${new URLSearchParams({ nodeId: q.nodeId, year: String(q.year), status: 'approved' })}`;
  const p = new URLSearchParams({ nodeId: q.nodeId, measure: q.measure, year: String(q.year) });
  if (q.month) p.set('month', String(q.month));
  if (q.tag) p.set('tag', q.tag);
  return `/indicators/records?${p}`;
}

/** A value as people read it: 30%, <0.1%, +5.2 个百分点, 22 小时, ¥2.00, 专职 2 · 兼职 3. */
export function useShow() {
  const { t, locale } = useI18n();
  return (v: IndicatorValue) => {
    if (v.value === null) return '—';
    if (v.measure === 'staffing') return t(M.staffCounts, { ft: v.numerator ?? 0, pt: v.denominator ?? 0 });
    const unit = MEASURE_DEFS[v.measure].unit;
    const n = v.value.toLocaleString(locale);
    if (unit === 'percent') return percentText(v.value, locale);
    if (unit === 'points') return `${v.value > 0 ? '+' : ''}${n} ${t(['个百分点', 'points'])}`;
    if (unit === 'hours') return `${n} ${t(['小时', 'h'])}`;
    if (unit === 'yuan') return `¥${v.value.toFixed(2)}`;
    return n;
  };
}
