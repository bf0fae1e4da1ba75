import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ErrorState } from '../../../web/components/error-state';
import { PageHeader } from '../../../web/components/page-header';
import { PageLoading } from '../../../web/components/page-loading';
import { useI18n } from '../../../web/i18n/i18n';
import type { IndicatorStatus, IndicatorValue } from '../indicators.contract';
import { MEASURE_DEFS } from '../indicators.measures';
import { M } from './indicators.messages';
import { useIndicators, useTargets } from './indicators.queries';
import { percentText } from '../../../web/components/format';
import { PeriodFilter, recordsHref, usePeriod, useShow } from './period-filter';
import { TargetsDrawer } from './targets-drawer';
import { WholeTable } from '../../../web/components/page-table';

const STATUS_COLOR: Record<IndicatorStatus, string> = {
  met: 'green',
  missed: 'red',
  no_target: 'default',
  no_data: 'default',
  no_population: 'orange',
  small_sample: 'orange',
};

/** The survey rates: their respondents are anonymous, so there are no records to list behind them. */
const SURVEY_RATES: IndicatorValue['measure'][] = ['awareness_rate', 'approval_rate', 'satisfaction_rate'];

/** 指标统计: a node's measures for a year or month, judged against the county's targets, and the nodes below. */
export function IndicatorsPage() {
  const { t, label, locale } = useI18n();
  const show = useShow();
  const period = usePeriod();
  const { url, nodeId, year, month } = period;
  const [editing, setEditing] = useState(false);
  const q = useIndicators(nodeId ? { nodeId, year, month } : null);
  const targets = useTargets(q.data?.countyId ?? null, year);
  /** A value links to the records behind it (measures cedu records; staffing has none). */
  const linked = (v: IndicatorValue, node: string, text: string) =>
    MEASURE_DEFS[v.measure].source || v.measure === 'staffing' || SURVEY_RATES.includes(v.measure) ? (
      text
    ) : (
      <Link to={recordsHref({ nodeId: node, measure: v.measure, year, month })} title={t(M.seeRecords)}>
        {text}
      </Link>
    );

  const statusTag = (v: IndicatorValue) => <Tag color={STATUS_COLOR[v.status]}>{t(M[v.status])}</Tag>;
  const targetText = (v: IndicatorValue) => {
    const rule = MEASURE_DEFS[v.measure].judgedBy;
    if (rule) return t(M.judgedBy, { rule: label(rule) });
    return v.threshold === null
      ? null
      : t(v.direction === 'at_least' ? M.targetAtLeast : M.targetAtMost, { n: v.threshold });
  };

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
        help={t(M.intro)}
      />
      <PeriodFilter period={period}>
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
      </PeriodFilter>
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
                      {linked(v, q.data.node.id, show(v))}
                    </div>
                    <div style={{ fontSize: 15 }}>
                      {[
                        targetText(v),
                        v.meeting &&
                          `${t(M.meeting, v.meeting)}${t(v.measure === 'activities_held' ? M.centreMonths : v.measure === 'staffing' ? M.centres : M.units)}`,
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
                          : v.status === 'small_sample'
                            ? t(M.smallSampleHint, { n: v.denominator ?? 0 })
                            : label(def.means)}
                    </Typography.Paragraph>
                  </Card>
                </Col>
              );
            })}
          </Row>
          <Card title={t(M.gridTitle)} style={{ marginBottom: 16 }}>
            <WholeTable
              rowKey={(r) => r.node.id}
              rows={q.data.children}
              empty={<Empty description={t(M.gridEmpty)} />}
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
                          {linked(v, r.node.id, show(v))}
                          {v.status === 'missed' || v.status === 'no_population' ? ` ${t(M[v.status])}` : ''}
                        </span>
                      );
                    },
                  })),
              ]}
            />
          </Card>
          <Card title={t(M.trendTitle, { year })} style={{ marginBottom: 16 }}>
            <WholeTable
              rowKey="measure"
              rows={q.data.trend}
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
                    return MEASURE_DEFS[r.measure].unit === 'percent' ? percentText(v, locale) : v;
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
                    <div style={{ fontSize: 24, fontWeight: 600 }}>
                      <Link
                        to={recordsHref({ nodeId: q.data.node.id, measure: 'special_group', year, month, tag: g.tag })}
                      >
                        {g.residentsReached}
                      </Link>
                    </div>
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
