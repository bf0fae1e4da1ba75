import { useMemo, type ReactNode } from 'react';
import { Button, Card, Col, Empty, Row, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { THEME_LABELS, type ThemeKey } from '../../../shared/themes';
import { urlOf } from '../../../web/api/client';
import { EChart, type ChartOption } from '../../../web/components/echart';
import { ErrorState } from '../../../web/components/error-state';
import { PageHeader } from '../../../web/components/page-header';
import { PageLoading } from '../../../web/components/page-loading';
import { useI18n } from '../../../web/i18n/i18n';
import { indicatorsApi, type Dashboard, type DashboardTable, type IndicatorValue } from '../indicators.contract';
import { MEASURE_DEFS } from '../indicators.measures';
import { M } from './indicators.messages';
import { useDashboard } from './indicators.queries';
import { PeriodFilter, recordsHref, usePeriod, useShow } from './period-filter';
import { WholeTable } from '../../../web/components/page-table';

// A page of its own (/dashboards, one menu line) rather than tabs of 指标统计: the charts bring
// ECharts, which only this page loads, and a leader or the workbench links straight to it. The
// node and period are the same URL keys as 指标统计's, so moving between the two keeps them.

const bar = (names: string[], series: { name: string; data: number[] }[], horizontal = false): ChartOption => ({
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
  xAxis: horizontal ? { type: 'value' } : { type: 'category', data: names, axisLabel: { interval: 0, rotate: 30 } },
  yAxis: horizontal ? { type: 'category', data: names, inverse: true } : { type: 'value' },
  series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data })),
});

/** 数据看板: by month, by theme, by centre, by special group, the centres' attainment, towns compared. */
export function DashboardsPage() {
  const { t, label } = useI18n();
  const show = useShow();
  const period = usePeriod();
  const { nodeId, year, month } = period;
  const q = useDashboard(nodeId ? { nodeId, year, month } : null);
  const d = q.data;
  const themeName = (k: string) => (THEME_LABELS[k as ThemeKey] ? label(THEME_LABELS[k as ThemeKey]) : k);
  const exportUrl = (table?: DashboardTable) =>
    nodeId ? urlOf(indicatorsApi.dashboardExport, { query: { nodeId, year, month, table } }) : undefined;
  const exportButton = (table: DashboardTable) => (
    <Button icon={<DownloadOutlined />} href={exportUrl(table)} aria-label={`${t(M.exportOne)} ${table}`}>
      {t(M.exportOne)}
    </Button>
  );

  const charts = useMemo(() => {
    if (!d) return null;
    const names = { held: t(M.activitiesHeld), people: t(M.participants), times: t(M.personTimes) };
    // The busiest centres first; a county's 400 centres would not fit one chart.
    const centres = [...d.centres].sort((a, b) => b.personTimes - a.personTimes).slice(0, 20);
    const months: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: d.months.map((m) => t(M.monthN, { n: m.month })) },
      yAxis: [{ type: 'value' }, { type: 'value', name: names.held }],
      series: [
        { type: 'line', name: names.people, data: d.months.map((m) => m.participants) },
        { type: 'line', name: names.times, data: d.months.map((m) => m.personTimes) },
        { type: 'line', name: names.held, yAxisIndex: 1, data: d.months.map((m) => m.activitiesHeld) },
      ],
    };
    const townTimes = d.towns.map((x) => x.values.find((v) => v.measure === 'person_times')?.value ?? 0);
    return {
      months,
      themes: bar(
        d.themes.map((x) => themeName(x.theme)),
        [
          { name: names.held, data: d.themes.map((x) => x.activitiesHeld) },
          { name: names.times, data: d.themes.map((x) => x.personTimes) },
        ],
      ),
      centres: bar(
        centres.map((c) => c.node.name),
        [{ name: names.times, data: centres.map((c) => c.personTimes) }],
        true,
      ),
      groups: bar(
        d.groups.map((g) => g.label),
        [{ name: names.people, data: d.groups.map((g) => g.residentsReached) }],
      ),
      towns: bar(
        d.towns.map((x) => x.node.name),
        [{ name: names.times, data: townTimes }],
      ),
    };
  }, [d, t]);

  const card = (title: ReactNode, table: DashboardTable, body: ReactNode, span = 12) => (
    <Col xs={24} xl={span}>
      <Card title={title} extra={exportButton(table)} style={{ height: '100%' }}>
        {body}
      </Card>
    </Col>
  );
  const judgedCell = (v: IndicatorValue | undefined, node: string) => {
    if (!v) return '—';
    const mark = v.status === 'met' ? ` ${t(M.metMark)}` : v.status === 'missed' ? ` ${t(M.missedMark)}` : '';
    const color = v.status === 'missed' ? '#a8071a' : v.status === 'met' ? '#237804' : undefined;
    return (
      <span style={{ color, whiteSpace: 'nowrap', fontWeight: v.status === 'missed' ? 600 : undefined }}>
        <Link to={recordsHref({ nodeId: node, measure: v.measure, year, month })}>{show(v)}</Link>
        {mark}
      </span>
    );
  };
  const measureColumns = (measures: IndicatorValue['measure'][]) =>
    measures.map((m) => ({
      title: label(MEASURE_DEFS[m].label),
      key: m,
      align: 'right' as const,
      render: (_: unknown, r: { node: { id: string }; values: IndicatorValue[] }) =>
        judgedCell(
          r.values.find((v) => v.measure === m),
          r.node.id,
        ),
    }));
  const nameColumn = {
    title: t(M.nameCol),
    key: 'name',
    render: (_: unknown, r: { node: { name: string } }) => r.node.name,
  };
  const townMeasures = d ? [...new Set(d.towns.flatMap((x) => x.values.map((v) => v.measure)))] : [];

  return (
    <>
      <PageHeader
        title={t(M.dashTitle)}
        extra={
          <Button size="large" icon={<DownloadOutlined />} href={exportUrl()}>
            {t(M.exportAll)}
          </Button>
        }
      />
      <PeriodFilter period={period} />
      {q.isPending ? (
        <PageLoading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        charts &&
        d && (
          <Row gutter={[16, 16]}>
            {card(
              t(M.byMonth, { year }),
              'months',
              <EChart option={charts.months} label={t(M.byMonth, { year })} />,
              24,
            )}
            {card(
              t(M.byTheme),
              'themes',
              d.themes.length === 0 ? (
                <Empty description={t(M.recordsEmpty)} />
              ) : (
                <EChart option={charts.themes} label={t(M.byTheme)} />
              ),
            )}
            {card(t(M.byGroup), 'groups', <EChart option={charts.groups} label={t(M.byGroup)} />)}
            {card(
              t(M.byCentre),
              'centres',
              <>
                <EChart
                  option={charts.centres}
                  label={t(M.byCentre)}
                  height={Math.max(200, 24 * Math.min(20, d.centres.length) + 60)}
                />
                <Table<Dashboard['centres'][number]>
                  rowKey={(r) => r.node.id}
                  size="small"
                  dataSource={d.centres}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    nameColumn,
                    { title: t(M.activitiesHeld), dataIndex: 'activitiesHeld', align: 'right' },
                    { title: t(M.participants), dataIndex: 'participants', align: 'right' },
                    { title: t(M.personTimes), dataIndex: 'personTimes', align: 'right' },
                    { title: t(M.hours), dataIndex: 'hours', align: 'right' },
                  ]}
                />
              </>,
              24,
            )}
            {card(
              t(M.attainment),
              'attainment',
              <Table<Dashboard['attainment']['rows'][number]>
                rowKey={(r) => r.node.id}
                dataSource={d.attainment.rows}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: <Empty description={t(M.attainmentEmpty)} /> }}
                columns={[{ ...nameColumn, fixed: 'left' as const }, ...measureColumns(d.attainment.measures)]}
              />,
              24,
            )}
            {d.towns.length > 0 &&
              card(
                t(M.towns),
                'towns',
                <>
                  <EChart option={charts.towns} label={t(M.towns)} />
                  <WholeTable<Dashboard['towns'][number]>
                    rowKey={(r) => r.node.id}
                    rows={d.towns}
                    columns={[{ ...nameColumn, fixed: 'left' as const }, ...measureColumns(townMeasures)]}
                  />
                </>,
                24,
              )}
          </Row>
        )
      )}
    </>
  );
}
