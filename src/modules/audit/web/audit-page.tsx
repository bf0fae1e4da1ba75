import { useEffect } from 'react';
import { Col, DatePicker, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { auditApi, type AuditEntryOut } from '../audit.contract';
import type { EndpointInput } from '../../../shared/endpoint';
import { useApi } from '../../../web/api/hooks';
import { useAuth } from '../../../web/auth/auth-context';
import { formatDateTime } from '../../../shared/china-time';
import { ExportButton } from '../../../web/components/export-button';
import { PageHeader } from '../../../web/components/page-header';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { useI18n, type Msg } from '../../../web/i18n/i18n';
import { ACTION_FILTERS, ACTION_LABELS, REASON_LABELS } from './audit-actions';
import { VerifyChainButton } from './verify-chain-button';
import { PageTable } from '../../../web/components/page-table';
import { FilterCard, FilterNode, FilterSelect } from '../../../web/components/filter-card';
import { orDash } from '../../../web/components/table-columns';

const M = {
  title: ['审计日志', 'Audit log'],
  help: [
    '谁在什么时候做了什么，最新的在最前面。记录不能修改或删除。',
    'Who did what and when, newest first. Entries cannot be changed or deleted.',
  ],
  action: ['操作', 'Action'],
  anyAction: ['全部操作', 'All actions'],
  outcome: ['结果', 'Outcome'],
  anyOutcome: ['全部结果', 'Any outcome'],
  ok: ['成功', 'Done'],
  denied: ['被拒绝', 'Denied'],
  failed: ['失败', 'Failed'],
  when: ['时间', 'Time'],
  who: ['操作人', 'Who'],
  node: ['组织', 'Node'],
  anyNode: ['全部组织', 'All nodes'],
  ip: ['IP 地址', 'IP address'],
  dates: ['日期范围', 'Dates'],
  details: ['详细内容', 'Details'],
  entity: ['对象', 'Object'],
  reason: ['原因', 'Reason'],
  totalRows: ['共 {n} 条记录', '{n} entries'],
  system: ['系统', 'System'],
} satisfies Record<string, Msg>;

const KEYS = ['action', 'outcome', 'from', 'to', 'nodeId'] as const;
const OUTCOMES = ['ok', 'denied', 'failed'] as const;
const OUTCOME_COLOR = { ok: 'green', denied: 'red', failed: 'orange' } as const;

/** 审计日志: filters in the URL, newest first, details on demand. */
export function AuditPage() {
  const { t, isZh } = useI18n();
  const { hasRole } = useAuth();
  const url = useUrlQuery(KEYS);
  const f = url.values;
  const outcome = OUTCOMES.find((o) => o === f.outcome);

  useEffect(() => {
    dayjs.locale(isZh ? 'zh-cn' : 'en');
  }, [isZh]);

  const filters: EndpointInput<typeof auditApi.export>['query'] = {
    action: f.action,
    outcome,
    from: f.from,
    to: f.to,
    nodeId: f.nodeId,
  };
  const query: EndpointInput<typeof auditApi.list>['query'] = { ...filters, page: url.page, pageSize: url.pageSize };
  const list = useApi(auditApi.list, { query }, { keepPrevious: true });

  const actionText = (a: string) => (ACTION_LABELS[a] ? t(ACTION_LABELS[a]) : a);
  const range: [Dayjs | null, Dayjs | null] | null =
    f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null;

  const columns: ColumnsType<AuditEntryOut> = [
    {
      title: t(M.when),
      dataIndex: 'at',
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>,
    },
    { title: t(M.who), dataIndex: 'actorName', render: (v: string | null) => v ?? t(M.system) },
    { title: t(M.node), dataIndex: 'nodeName', render: orDash },
    {
      title: t(M.action),
      dataIndex: 'action',
      render: (a: string, e) => (
        <span>
          {actionText(a)}
          {typeof e.summary?.reason === 'string' && REASON_LABELS[e.summary.reason] && (
            <Typography.Text type="secondary" style={{ fontSize: 14 }}>
              （{t(REASON_LABELS[e.summary.reason])}）
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t(M.outcome),
      dataIndex: 'outcome',
      render: (o: AuditEntryOut['outcome']) => <Tag color={OUTCOME_COLOR[o]}>{t(M[o])}</Tag>,
    },
    { title: t(M.ip), dataIndex: 'ip', render: orDash },
  ];
  return (
    <>
      <PageHeader
        title={t(M.title)}
        extra={
          <>
            <ExportButton endpoint={auditApi.export} input={{ query: filters }} fileName="audit.xlsx" />
            {hasRole(auditApi.verify.policy.roles) && <VerifyChainButton />}
          </>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t(M.help)}
        </Typography.Paragraph>
      </PageHeader>
      <FilterCard onReset={() => url.reset()} resetSpan={{ xs: 24, sm: 24, lg: 2 }}>
        <FilterSelect
          span={{ xs: 24, sm: 12, lg: 6 }}
          showSearch={{ optionFilterProp: 'label' }}
          value={f.action}
          placeholder={t(M.anyAction)}
          label={t(M.action)}
          onChange={(v) => url.set({ action: v })}
          options={[
            ...ACTION_FILTERS.map((a) => ({ value: a.value, label: t(a.label) })),
            ...Object.entries(ACTION_LABELS)
              .filter(([k]) => !ACTION_FILTERS.some((a) => a.value === k))
              .map(([k, l]) => ({ value: k, label: t(l) })),
          ]}
        />
        <FilterSelect
          span={{ xs: 12, sm: 12, lg: 4 }}
          value={outcome}
          placeholder={t(M.anyOutcome)}
          label={t(M.outcome)}
          onChange={(v) => url.set({ outcome: v })}
          options={OUTCOMES.map((o) => ({ value: o, label: t(M[o]) }))}
          popupMatchSelectWidth
        />
        <FilterNode
          span={{ xs: 12, sm: 12, lg: 5 }}
          value={f.nodeId}
          onChange={(v) => url.set({ nodeId: v })}
          placeholder={t(M.anyNode)}
          label={t(M.node)}
        />
        <Col xs={24} sm={12} lg={7}>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            value={range}
            allowEmpty={[true, true]}
            inputReadOnly
            aria-label={t(M.dates)}
            onChange={(v) =>
              url.set({ from: v?.[0]?.format('YYYY-MM-DD') ?? null, to: v?.[1]?.format('YYYY-MM-DD') ?? null })
            }
          />
        </Col>
      </FilterCard>
      <PageTable<AuditEntryOut>
        list={list}
        url={url}
        total={M.totalRows}
        expandable={{ expandedRowRender: (e) => <AuditDetails entry={e} />, expandRowByClick: true }}
        pageSizes={[20, 50, 100]}
        columns={columns}
      />
    </>
  );
}

function AuditDetails({ entry }: { entry: AuditEntryOut }) {
  const { t } = useI18n();
  return (
    <div style={{ maxWidth: 'calc(100vw - 48px)' }}>
      <Typography.Text type="secondary" style={{ fontSize: 14 }}>
        #{entry.id} · {entry.action}
        {entry.entityType && ` · ${t(M.entity)}: ${entry.entityType}${entry.entityId ? ` ${entry.entityId}` : ''}`}
      </Typography.Text>
      {entry.summary && (
        <pre
          style={{
            margin: '8px 0 0',
            padding: 12,
            background: '#f7faf8',
            border: '1px solid #e6ece9',
            borderRadius: 6,
            fontSize: 14,
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-all',
          }}
        >
          {JSON.stringify(entry.summary, null, 2)}
        </pre>
      )}
    </div>
  );
}
