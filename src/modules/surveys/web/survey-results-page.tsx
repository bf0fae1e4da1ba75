import { useMemo } from 'react';
import { Card, Col, Empty, List, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { EChart, type ChartOption } from '../../../web/components/echart';
import { ExportButton } from '../../../web/components/export-button';
import { NavButton, PageHeader } from '../../../web/components/page-header';
import { QueryView } from '../../../web/components/query-view';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import { RATE_LABELS, surveysApi, type QuestionResult, type Results } from '../surveys.contract';
import { M } from './surveys.messages';
import { useResults } from './surveys.queries';

const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 1000) / 10}%` : '—');

/** 问卷结果: per question the count and share of each answer with its sample, a bar chart, per centre or town. */
export function SurveyResultsPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const url = useUrlQuery(['nodeId'] as const);
  const nodeId = url.values.nodeId;
  const q = useResults(id, nodeId);
  return (
    <>
      <PageHeader
        title={q.data ? `${t(M.resultsTitle)} · ${q.data.title}` : t(M.resultsTitle)}
        extra={
          <>
            <NavButton to="/surveys" icon={<UnorderedListOutlined />} text={t(M.back)} />
            <ExportButton
              endpoint={surveysApi.resultsExport}
              input={{ params: { id }, query: { nodeId } }}
              fileName="survey-results.xlsx"
            />
          </>
        }
      />
      <QueryView query={q}>
        {(r) => <ResultsView r={r} nodeId={nodeId} onNode={(v) => url.set({ nodeId: v })} />}
      </QueryView>
    </>
  );
}

function ResultsView({ r, nodeId, onNode }: { r: Results; nodeId?: string; onNode: (id: string | undefined) => void }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Row gutter={16} align="middle">
          <Col xs={24} sm={12}>
            <Select
              aria-label={t(M.place)}
              style={{ width: '100%' }}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t(M.allPlaces)}
              value={nodeId}
              onChange={(v) => onNode(v ?? undefined)}
              options={r.places.map((p) => ({ value: p.id, label: p.name }))}
            />
          </Col>
          <Col xs={24} sm={12}>
            <Statistic title={t(M.responses)} value={r.respondents} />
          </Col>
        </Row>
      </Card>
      {r.questions.map((q, i) => (
        <QuestionCard key={q.id} q={q} n={i + 1} minSample={r.minSample} />
      ))}
    </Space>
  );
}

function QuestionCard({ q, n, minSample }: { q: QuestionResult; n: number; minSample: number }) {
  const { t, label } = useI18n();
  const counts = q.counts.length ? q.counts : [];
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: counts.map((c) => c.label) },
      series: [
        {
          type: 'bar',
          data: counts.map((c) => c.count),
          itemStyle: { color: '#0b6e4f' },
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [counts],
  );
  const rate = q.rate;
  return (
    <Card title={`${n}. ${q.title}`} extra={<Tag>{t(M.sample, { n: q.answered })}</Tag>}>
      {rate && (
        <Typography.Paragraph strong style={{ fontSize: 16 }}>
          {t(M.rateLine, {
            rate: label(RATE_LABELS[rate.rate]),
            yes: rate.yes,
            of: rate.of,
            pct: pct(rate.yes, rate.of),
          })}
          {rate.of < minSample && (
            <Typography.Text type="warning" style={{ display: 'block', fontSize: 14 }}>
              {t(M.smallSample, { n: minSample })}
            </Typography.Text>
          )}
        </Typography.Paragraph>
      )}
      {q.average !== null && <Typography.Paragraph>{t(M.average, { n: q.average })}</Typography.Paragraph>}
      {q.answered === 0 ? (
        <Empty description={t(M.noAnswers)} />
      ) : counts.length > 0 ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <CountTable counts={counts} of={q.answered} />
          </Col>
          <Col xs={24} md={12}>
            <EChart
              option={option}
              height={Math.max(120, counts.length * 40)}
              label={t(M.chartOf, { title: q.title })}
            />
          </Col>
        </Row>
      ) : q.rows.length > 0 ? (
        q.rows.map((row) => (
          <div key={row.id} style={{ marginBottom: 12 }}>
            <Typography.Text strong>
              {row.label}（{t(M.sample, { n: row.answered })}）
            </Typography.Text>
            <CountTable counts={row.counts} of={row.answered} />
          </div>
        ))
      ) : (
        <List
          header={t(M.texts, { n: q.texts.length })}
          size="small"
          bordered
          dataSource={q.texts}
          renderItem={(text) => <List.Item>{text}</List.Item>}
          style={{ maxHeight: 320, overflow: 'auto' }}
        />
      )}
    </Card>
  );
}

function CountTable({ counts, of }: { counts: QuestionResult['counts']; of: number }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={counts}
      columns={[
        { title: t(M.option), dataIndex: 'label' },
        { title: t(M.count), dataIndex: 'count', align: 'right' },
        {
          title: t(M.share),
          key: 'share',
          align: 'right',
          render: (_: unknown, c) => `${pct(c.count, of)}（n=${of}）`,
        },
      ]}
    />
  );
}
