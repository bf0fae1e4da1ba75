import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Row, Select, Statistic, Tabs } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Page } from '../../../shared/pagination';
import { TEACHER_BANK_ROLES } from '../../../shared/roles';
import { useAuth } from '../../../web/auth/auth-context';
import { ErrorState } from '../../../web/components/error-state';
import { ExportButton } from '../../../web/components/export-button';
import { PageHeader } from '../../../web/components/page-header';
import { PageLoading } from '../../../web/components/page-loading';
import { PageTable } from '../../../web/components/page-table';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import { HOURS_STATUSES, HOURS_STATUS_LABELS, volunteerApi, type Hours, type HoursStatus } from '../volunteer.contract';
import { HoursSubmitModal } from './hours-submit-modal';
import { RecordRangeModal } from './record-range-modal';
import { ReviewButtons } from './review-buttons';
import { HoursStatusTag } from './teacher-tags';
import { M } from './teachers.messages';
import { useHoursToReview, useMyHours } from './teachers.queries';

const KEYS = ['tab', 'status'] as const;

/** 志愿服务: my hours and the form to log them; for centre managers and admins, the review list. */
export function VolunteerPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const url = useUrlQuery(KEYS);
  const reviewer = hasRole(TEACHER_BANK_ROLES);
  const tab = url.values.tab === 'mine' || !reviewer ? 'mine' : (url.values.tab ?? 'review');
  const items = [
    ...(reviewer ? [{ key: 'review', label: t(M.tabReview), children: <ReviewTab url={url} /> }] : []),
    { key: 'mine', label: t(M.tabMine), children: <MyTab url={url} /> },
  ];
  return (
    <>
      <PageHeader title={t(M.volunteerTitle)} />
      <Tabs activeKey={tab} onChange={(k) => url.set({ tab: k, status: null })} items={items} />
    </>
  );
}

type Url = ReturnType<typeof useUrlQuery<(typeof KEYS)[number]>>;
const statusOf = (v: string | undefined) =>
  HOURS_STATUSES.includes(v as HoursStatus) ? (v as HoursStatus) : undefined;

function MyTab({ url }: { url: Url }) {
  const { t } = useI18n();
  const status = statusOf(url.values.status);
  const q = useMyHours({ status, page: url.page, pageSize: url.pageSize });
  const [submitting, setSubmitting] = useState(false);
  const [printing, setPrinting] = useState<string | null>(null);
  if (q.isPending) return <PageLoading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const entries = q.data.teachers;
  if (entries.length === 0) return <Alert type="info" showIcon title={t(M.notLinked)} />;
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {entries.map((e) => (
          <Col xs={24} md={12} key={e.id}>
            <Card size="small" title={`${e.name} · ${e.bankNodeName}`}>
              <Statistic title={t(M.approvedHours)} value={e.approvedHours} suffix={t(M.hoursUnit)} />
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 12 }}>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  disabled={e.status !== 'active'}
                  onClick={() => setSubmitting(true)}
                >
                  {t(M.submitHours)}
                </Button>
                <Button icon={<PrinterOutlined />} onClick={() => setPrinting(e.id)}>
                  {t(M.printRecord)}
                </Button>
              </div>
            </Card>
          </Col>
        ))}
      </Row>
      <HoursTable list={q} url={url} status={status} mine />
      {submitting && <HoursSubmitModal entries={entries} onClose={() => setSubmitting(false)} />}
      {printing && <RecordRangeModal teacherId={printing} onClose={() => setPrinting(null)} />}
    </>
  );
}

function ReviewTab({ url }: { url: Url }) {
  const status = url.values.status === 'all' ? undefined : (statusOf(url.values.status) ?? 'pending');
  const q = useHoursToReview({ status, page: url.page, pageSize: url.pageSize }, true);
  const exportButton = (
    <ExportButton endpoint={volunteerApi.export} input={{ query: { status } }} fileName="volunteer-hours.xlsx" />
  );
  return <HoursTable list={q} url={url} status={status ?? 'all'} extra={exportButton} />;
}

function HoursTable({
  list,
  url,
  status,
  mine,
  extra,
}: {
  list: UseQueryResult<Page<Hours>>;
  url: Url;
  status: HoursStatus | 'all' | undefined;
  mine?: boolean;
  /** Beside the status filter (the review list's export). */
  extra?: ReactNode;
}) {
  const { t, label } = useI18n();
  const options = [
    ...(mine ? [] : [{ value: 'all', label: t(M.anyResult) }]),
    ...HOURS_STATUSES.map((s) => ({ value: s, label: label(HOURS_STATUS_LABELS[s]) })),
  ];
  return (
    <PageTable<Hours>
      list={list}
      url={url}
      total={M.totalRecords}
      empty={mine ? M.noHours : M.nothingPending}
      title={
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
          <Select
            allowClear={mine}
            value={status}
            placeholder={t(M.anyResult)}
            aria-label={t(M.status)}
            style={{ minWidth: 140 }}
            onChange={(v) => url.set({ status: v })}
            options={options}
          />
          {extra}
        </div>
      }
      columns={[
        { title: t(M.serviceDate), dataIndex: 'serviceDate' },
        ...(mine ? [] : [{ title: t(M.volunteer), dataIndex: 'teacherName' }]),
        { title: t(M.place), dataIndex: 'nodeName' },
        { title: t(M.hours), dataIndex: 'hours' },
        { title: t(M.description), dataIndex: 'description', width: 260 },
        { title: t(M.status), dataIndex: 'status', render: (v: HoursStatus) => <HoursStatusTag status={v} /> },
        {
          title: t(M.reviewNote),
          key: 'review',
          render: (_: unknown, h: Hours) =>
            h.reviewedByName ? `${h.reviewedByName}${h.reviewNote ? `：${h.reviewNote}` : ''}` : '—',
        },
        ...(mine ? [] : [{ title: '', key: 'act', render: (_: unknown, h: Hours) => <ReviewButtons hours={h} /> }]),
      ]}
    />
  );
}
