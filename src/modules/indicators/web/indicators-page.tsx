import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Select, Table, Tag, Typography } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { chinaMonth } from '../../../shared/china-time';
import { ErrorState } from '../../../web/components/error-state';
import { FilterCard } from '../../../web/components/filter-card';
import { PageHeader } from '../../../web/components/page-header';
import { PageLoading } from '../../../web/components/page-loading';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import type { IndicatorStatus, IndicatorValue } from '../indicators.contract';
import { MEASURE_DEFS } from '../indicators.measures';
import { M } from './indicators.messages';
import { useIndicators, useTargets } from './indicators.queries';
import { TargetsDrawer } from './targets-drawer';

const KEYS = ['nodeId', 'year', 'month'] as const;

const STATUS_COLOR: Record<IndicatorStatus, string> = {
  met: 'green',
  missed: 'red',
  no_target: 'default',
  no_data: 'default',
  no_population: 'orange',
};

/** A value as people read it: 30%, +5.2 个百分点, 22 小时, ¥2.00. */
function useShow() {
  const { t, locale } = useI18n();
  return (v: IndicatorValue) => {
    if (v.value === null) return '—';
    const unit = MEASURE_DEFS[v.measure].unit;
    const n = v.value.toLocaleString(locale);
    if (unit === 'percent') return `${n}%`;
    if (unit === 'points') return `${v.value > 0 ? '+' : ''}${n} ${t(['个百分点', 'points'])}`;
    if (unit === 'hours') return `${n} ${t(['小时', 'h'])}`;
    if (unit === 'yuan') return `¥${v.value.toFixed(2)}`;
    return n;
  };
}

/** 指标统计: a node's measures for a year or month, judged against the county's targets, and the nodes below. */
export function IndicatorsPage() {
  const { t, label } = useI18n();
  const show = useShow();
  const url = useUrlQuery(KEYS);
  const tree = useOrgTree();
  const [editing, setEditing] = useState(false);
  const now = chinaMonth();
  const nodeId = url.values.nodeId ?? tree.data?.roots[0]?.id;
  const year = Number(url.values.year) || Number(now.slice(0, 4));
  // No month in the address: this month of this year, the whole of another year.
  const month =
    url.values.month === 'all'
      ? undefined
      : Number(url.values.month) || (year === Number(now.slice(0, 4)) ? Number(now.slice(5, 7)) : undefined);
  const q = useIndicators(nodeId ? { nodeId, year, month } : null);
  const targets = useTargets(q.data?.countyId ?? null, year);
  const thisYear = Number(now.slice(0, 4));

  const statusTag = (v: IndicatorValue) => <Tag color={STATUS_COLOR[v.status]}>{t(M[v.status])}</Tag>;
  const targetText = (v: IndicatorValue) =>
    v.threshold === null ? null : t(v.direction === 'at_least' ? M.targetAtLeast : M.targetAtMost, { n: v.threshold });

  return (
    <>
      <PageHeader
        title={t(M.title)}
        extra={
          targets.data?.canEdit && (
            <Button icon={<AimOutlined />} size="large" onClick={() => setEditing(true)}>
              {t(M.targets)}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t(M.intro)}
        </Typography.Paragraph>
      </PageHeader>
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
        {q.data && (
          <Col xs={24} lg={8} style={{ fontSize: 16 }}>
            {t(M.population)}：
            {q.data.population === null ? (
              <Typography.Text type="warning">{t(M.noPopulation)}</Typography.Text>
            ) : (
              q.data.population.toLocaleString()
            )}
          </Col>
        )}
      </FilterCard>
      {q.isPending ? (
        <PageLoading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {q.data.values.map((v) => {
              const def = MEASURE_DEFS[v.measure];
              return (
                <Col key={v.measure} xs={24} sm={12} xl={8}>
                  <Card size="small" title={label(def.label)} extra={statusTag(v)} style={{ height: '100%' }}>
                    <div style={{ fontSize: 28, fontWeight: 600 }} data-testid={`value-${v.measure}`}>
                      {show(v)}
                    </div>
                    <div style={{ fontSize: 15 }}>
                      {[
                        targetText(v),
                        v.meeting &&
                          `${t(M.meeting, v.meeting)}${t(v.measure === 'activities_held' ? M.centreMonths : M.units)}`,
                        v.denominator !== null &&
                          def.unit === 'percent' &&
                          t(M.ofWhich, { num: v.numerator ?? '—', den: v.denominator }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                    <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 14 }}>
                      {v.status === 'no_data' && def.source
                        ? t(M.noDataFrom, { source: label(def.source) })
                        : v.status === 'no_population'
                          ? t(M.noPopulationHint, { year })
                          : label(def.means)}
                    </Typography.Paragraph>
                  </Card>
                </Col>
              );
            })}
          </Row>
          <Card title={t(M.gridTitle)} style={{ marginBottom: 16 }}>
            <Table
              rowKey={(r) => r.node.id}
              dataSource={q.data.children}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <Empty description={t(M.gridEmpty)} /> }}
              columns={[
                {
                  title: t(M.nameCol),
                  key: 'name',
                  fixed: 'left',
                  render: (_: unknown, r) => (
                    <Button type="link" style={{ padding: 0 }} onClick={() => url.set({ nodeId: r.node.id })}>
                      {r.node.name}
                    </Button>
                  ),
                },
                ...q.data.values
                  .filter((v) => v.status !== 'no_data')
                  .map((head) => ({
                    title: label(MEASURE_DEFS[head.measure].label),
                    key: head.measure,
                    align: 'right' as const,
                    render: (_: unknown, r: (typeof q.data.children)[number]) => {
                      const v = r.values.find((x) => x.measure === head.measure);
                      if (!v) return '—';
                      const color = v.status === 'missed' ? '#a8071a' : v.status === 'met' ? '#237804' : undefined;
                      return (
                        <span
                          style={{ color, fontWeight: v.status === 'missed' ? 600 : undefined, whiteSpace: 'nowrap' }}
                        >
                          {show(v)}
                          {v.status === 'missed' || v.status === 'no_population' ? ` ${t(M[v.status])}` : ''}
                        </span>
                      );
                    },
                  })),
              ]}
            />
          </Card>
          <Card title={t(M.trendTitle, { year })} style={{ marginBottom: 16 }}>
            <Table
              rowKey="measure"
              dataSource={q.data.trend}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t(M.trendMeasure),
                  key: 'measure',
                  fixed: 'left',
                  render: (_: unknown, r) => label(MEASURE_DEFS[r.measure].label),
                },
                ...Array.from({ length: 12 }, (_, i) => ({
                  title: t(M.monthN, { n: i + 1 }),
                  key: `m${i}`,
                  align: 'right' as const,
                  render: (_: unknown, r: (typeof q.data.trend)[number]) => {
                    const v = r.months[i];
                    if (v === null) return '—';
                    return MEASURE_DEFS[r.measure].unit === 'percent' ? `${v}%` : v;
                  },
                })),
              ]}
            />
          </Card>
          <Card title={t(M.groupsTitle)}>
            {q.data.groups.length === 0 ? (
              <Empty description={t(M.groupsEmpty)} />
            ) : (
              <Row gutter={[12, 12]}>
                {q.data.groups.map((g) => (
                  <Col key={g.tag} xs={12} sm={8} lg={4}>
                    <div style={{ fontSize: 15 }}>{g.label}</div>
                    <div style={{ fontSize: 24, fontWeight: 600 }}>{g.residentsReached}</div>
                  </Col>
                ))}
              </Row>
            )}
          </Card>
        </>
      )}
      {editing && targets.data && <TargetsDrawer targets={targets.data} onClose={() => setEditing(false)} />}
    </>
  );
}
