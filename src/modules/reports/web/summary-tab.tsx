import { useState } from 'react';
import { Button, Card, Col, Empty, Select, Table } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { chinaYear } from '../../../shared/china-time';
import { useApiMutation } from '../../../web/api/hooks';
import { DetailActions, DetailBody, DetailSection } from '../../../web/components/detail-layout';
import { FilterCard } from '../../../web/components/filter-card';
import { QueryView } from '../../../web/components/query-view';
import type { UrlQuery } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import { reportsApi, type ReportBrief, type Summary } from '../reports.contract';
import { ExportButtons, FiguresAndText, StatusTag, TimingTag } from './report-parts';
import { M } from './reports.messages';
import { useSummary } from './reports.queries';

/** 年度总结: the year's figures of a centre or town, its text, and how each month was reported. */
export function SummaryTab({
  nodeId,
  url,
}: {
  nodeId: string | undefined;
  url: UrlQuery<'node' | 'month' | 'tab' | 'open' | 'year'>;
}) {
  const { t } = useI18n();
  const thisYear = chinaYear();
  const year = Number(url.values.year) || thisYear;
  const q = useSummary(nodeId, year);
  return (
    <>
      <FilterCard>
        <Col xs={12} sm={6} lg={4}>
          <Select
            style={{ width: '100%' }}
            aria-label={t(M.year)}
            value={year}
            onChange={(v) => url.set({ year: v })}
            options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}` }))}
          />
        </Col>
      </FilterCard>
      {q.isError && (q.error as { code?: string }).code === 'NOT_FOUND' ? (
        <Empty description={t(M.summaryNodeHint)} />
      ) : (
        <QueryView query={q}>{(s) => <SummaryView key={`${s.node.id}${s.year}${s.status}`} summary={s} />}</QueryView>
      )}
    </>
  );
}

function SummaryView({ summary: s }: { summary: Summary }) {
  const { t } = useI18n();
  const [body, setBody] = useState(s.body);
  const save = useApiMutation(reportsApi.saveSummary, {
    success: (_, { body: b }) => t(b.submit ? M.summarySubmitted : M.saved),
  });
  const params = { nodeId: s.node.id, year: s.year };
  return (
    <Card title={t(M.summaryTitle, { name: s.node.name, year: s.year })} extra={<StatusTag status={s.status} />}>
      <DetailBody>
        <DetailActions>
          {s.can.write && (
            <>
              <Button
                icon={<SaveOutlined />}
                disabled={save.busy || !body.trim()}
                onClick={() => void save.run({ params, body: { body, submit: false } })}
              >
                {t(M.save)}
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={save.busy || !body.trim()}
                onClick={() => void save.run({ params, body: { body, submit: true } })}
              >
                {t(M.summarySubmit)}
              </Button>
            </>
          )}
          <ExportButtons nodeId={s.node.id} year={s.year} />
        </DetailActions>
        <FiguresAndText doc={s} textTitle={t(M.summaryText)} draft={body} onDraft={setBody} maxLength={10000} />
        <DetailSection title={t(M.monthsReported)}>
          <Table
            size="small"
            rowKey="month"
            pagination={false}
            dataSource={s.months}
            columns={[
              { title: t(M.month), dataIndex: 'month' },
              { title: t(M.status), key: 's', render: (b: ReportBrief) => <StatusTag status={b.status} /> },
              { title: t(M.timing), key: 't', render: (b: ReportBrief) => <TimingTag timing={b.timing} /> },
            ]}
          />
        </DetailSection>
      </DetailBody>
    </Card>
  );
}
