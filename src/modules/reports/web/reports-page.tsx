import { useState } from 'react';
import { Button, Card, Col, Select, Table, Tabs, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { chinaMonth } from '../../../shared/china-time';
import { FilterCard } from '../../../web/components/filter-card';
import { PageHeader } from '../../../web/components/page-header';
import { QueryView } from '../../../web/components/query-view';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { ancestorsOf } from '../../../web/org-tree/tree-index';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import type { ReportBrief } from '../reports.contract';
import { RateLine, StatusTag, TimingTag } from './report-parts';
import { ReportDrawer } from './report-drawer';
import { M } from './reports.messages';
import { useOverview, useReportSettings } from './reports.queries';
import { SettingsModal } from './settings-modal';
import { SummaryTab } from './summary-tab';

const KEYS = ['node', 'month', 'tab', 'open', 'year'] as const;

/** The last twelve months, newest first (YYYY-MM). */
function recentMonths(): string[] {
  const [y, m] = chinaMonth().split('-').map(Number);
  return Array.from({ length: 13 }, (_, i) => {
    const n = y * 12 + (m - 1) - i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

/** 月报: a centre's months; a town's centres for a month and its own; the county's towns and the rate. */
export function ReportsPage() {
  const { t } = useI18n();
  const url = useUrlQuery(KEYS);
  const tree = useOrgTree();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const months = recentMonths();
  const nodeId = url.values.node ?? tree.data?.roots[0]?.id;
  const month = url.values.month && /^\d{4}-\d{2}$/.test(url.values.month) ? url.values.month : months[1];
  const q = useOverview(nodeId, month);
  const county =
    nodeId && tree.data
      ? [...ancestorsOf(tree.data, nodeId), tree.data.byId.get(nodeId)].find((n) => n?.level === 'county')
      : undefined;
  const settings = useReportSettings(county?.id);
  const open = (id: string, m = month) => url.set({ open: id, month: m });

  const columns = (withRate: boolean) => [
    { title: t(M.node), key: 'node', render: (b: ReportBrief) => b.node.name },
    { title: t(M.month), dataIndex: 'month' },
    { title: t(M.status), key: 'status', render: (b: ReportBrief) => <StatusTag status={b.status} /> },
    { title: t(M.timing), key: 'timing', render: (b: ReportBrief) => <TimingTag timing={b.timing} /> },
    { title: t(M.submittedAt), key: 'at', render: (b: ReportBrief) => b.submittedAt ?? '—' },
    ...(withRate
      ? [{ title: t(M.centresRate), key: 'rate', render: (b: ReportBrief) => b.rate && <RateLine rate={b.rate} /> }]
      : []),
    {
      title: '',
      key: 'open',
      render: (b: ReportBrief) => (
        <Button type="link" onClick={() => open(b.node.id, b.month)}>
          {t(M.open)}
        </Button>
      ),
    },
  ];

  const monthly = (
    <>
      <FilterCard>
        <Col xs={24} sm={12} lg={8}>
          <NodeTreeSelect
            value={nodeId}
            onChange={(v) => url.set({ node: v })}
            aria-label={t(M.node)}
            selectable={(n) => n.level !== 'unit'}
          />
        </Col>
        <Col xs={24} sm={8} lg={4}>
          <Select
            style={{ width: '100%' }}
            aria-label={t(M.month)}
            value={month}
            onChange={(v) => url.set({ month: v })}
            options={months.map((m) => ({ value: m, label: m }))}
          />
        </Col>
      </FilterCard>
      <QueryView query={q}>
        {(o) => (
          <>
            {o.own && (
              <Card title={t(M.own)} style={{ marginBottom: 16 }}>
                <Table rowKey="month" pagination={false} dataSource={[...o.year].reverse()} columns={columns(false)} />
              </Card>
            )}
            {o.children.length > 0 && (
              <Card
                title={`${t(M.fromBelow)}（${o.month}，${t(M.deadline)} ${o.deadline}）`}
                extra={<RateLine rate={o.rate} />}
              >
                {o.centresRate && (
                  <Typography.Paragraph style={{ fontSize: 16 }}>
                    {t(M.allCentres)}：<RateLine rate={o.centresRate} />
                  </Typography.Paragraph>
                )}
                <Table
                  rowKey={(b) => b.node.id}
                  pagination={false}
                  dataSource={o.children}
                  columns={columns(o.node.level === 'county')}
                />
              </Card>
            )}
          </>
        )}
      </QueryView>
    </>
  );

  return (
    <>
      <PageHeader
        title={t(M.title)}
        extra={
          settings.data?.canEdit && (
            <Button size="large" icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
              {t(M.settings)}
            </Button>
          )
        }
        help={t(M.intro)}
      />
      <Tabs
        activeKey={url.values.tab === 'annual' ? 'annual' : 'monthly'}
        onChange={(k) => url.set({ tab: k === 'annual' ? 'annual' : undefined })}
        items={[
          { key: 'monthly', label: t(M.tabMonthly), children: monthly },
          {
            key: 'annual',
            label: t(M.tabAnnual),
            children: <SummaryTab nodeId={nodeId} url={url} />,
          },
        ]}
      />
      {url.values.open && (
        <ReportDrawer nodeId={url.values.open} month={month} onClose={() => url.set({ open: undefined })} />
      )}
      {settingsOpen && county && settings.data && (
        <SettingsModal countyId={county.id} settings={settings.data} onClose={() => setSettingsOpen(false)} />
      )}
    </>
  );
}
