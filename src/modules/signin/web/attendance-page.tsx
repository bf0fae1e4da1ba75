import { useState } from 'react';
import { App, Button, Card, Col, Input, Modal, Row, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import { PrinterOutlined, QrcodeOutlined, UserAddOutlined, FileImageOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { errorText } from '../../../web/api/api-error';
import { api } from '../../../web/api/client';
import { ErrorState } from '../../../web/components/error-state';
import { PageHeader } from '../../../web/components/page-header';
import { PageLoading } from '../../../web/components/page-loading';
import { PageTable } from '../../../web/components/page-table';
import { formatDateTime } from '../../../web/components/format';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { SIGN_IN_STATUSES, type AttendanceItem, type SignInStatus } from '../signin.contract';
import { PaperSheetModal } from './paper-sheet-modal';
import { RosterPickModal } from './roster-pick-modal';
import { M, METHOD_MSG, STATUS_MSG } from './signin.messages';
import { useAttendance, useSignInRefresh } from './signin.queries';

const KEYS = ['status'] as const;
const PENDING_MSG = {
  unknown: M.unknownPerson,
  ambiguous: M.ambiguousPerson,
  device: M.sharedDevice,
  source: M.sharedSource,
} as const;
const STATUS_COLOR = { confirmed: 'green', pending: 'orange', rejected: 'default' } as const;

/** 签到情况: counts, the QR screen and sheet, sign-in by hand or from paper, and each sign-in to confirm, remove or check out. */
export function AttendancePage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { activityId = '' } = useParams();
  const url = useUrlQuery(KEYS);
  const status = SIGN_IN_STATUSES.includes(url.values.status as SignInStatus)
    ? (url.values.status as SignInStatus)
    : undefined;
  const list = useAttendance(activityId, { status, page: url.page, pageSize: url.pageSize });
  const refresh = useSignInRefresh();
  const [adding, setAdding] = useState(false);
  const [paper, setPaper] = useState(false);
  const [matching, setMatching] = useState<AttendanceItem | null>(null);
  const [removing, setRemoving] = useState<AttendanceItem | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (key: string, path: string, body: unknown, done: string) => {
    setBusy(key);
    try {
      const r = await api.post<{ credits: number }>(path, body);
      await refresh();
      void message.success(r.credits > 0 ? `${done} · ${t(M.creditsPaid, { n: r.credits })}` : done);
      return true;
    } catch (err) {
      void message.error(errorText(err, locale));
      return false;
    } finally {
      setBusy(null);
    }
  };

  if (list.isPending) return <PageLoading />;
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const { activity, counts, canRun } = list.data;
  return (
    <>
      <PageHeader
        title={activity.title}
        extra={
          canRun && (
            <>
              <Link to={`/sign-in/${activityId}/qr`}>
                <Button type="primary" icon={<QrcodeOutlined />}>
                  {t(M.showQr)}
                </Button>
              </Link>
              <Link to={`/print/sign-in/${activityId}`} target="_blank">
                <Button icon={<PrinterOutlined />}>{t(M.printSheet)}</Button>
              </Link>
              <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
                {t(M.addByHand)}
              </Button>
              <Button icon={<FileImageOutlined />} onClick={() => setPaper(true)}>
                {t(M.enterPaper)}
              </Button>
            </>
          )
        }
      >
        <Typography.Text type="secondary">
          {formatDateTime(activity.startsAt, locale)} · {activity.place ?? ''} {activity.centreName}
        </Typography.Text>
      </PageHeader>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {(
          [
            ['confirmed', M.signedIn],
            ['pending', M.pending],
            ['registered', M.registered],
          ] as const
        ).map(([k, label]) => (
          <Col xs={8} key={k}>
            <Card size="small">
              <Statistic
                title={t(label)}
                value={counts[k]}
                valueStyle={k === 'pending' && counts.pending > 0 ? { color: '#b35c00' } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Segmented
        style={{ marginBottom: 12 }}
        value={status ?? 'all'}
        onChange={(v) => url.set({ status: v === 'all' ? null : String(v) })}
        options={[
          { value: 'all', label: t(M.allStatuses) },
          ...SIGN_IN_STATUSES.map((s) => ({ value: s, label: t(STATUS_MSG[s]) })),
        ]}
      />
      <PageTable<AttendanceItem>
        list={list}
        url={url}
        totalText={(n) => `${n}`}
        columns={[
          {
            title: t(M.name),
            dataIndex: 'name',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <span>{v}</span>
                {r.status === 'pending' && (
                  <Typography.Text type="warning" style={{ fontSize: 13 }}>
                    {t(PENDING_MSG[r.pendingReason ?? (r.sharedDevice ? 'device' : 'unknown')])}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t(M.status),
            dataIndex: 'status',
            render: (s: SignInStatus) => <Tag color={STATUS_COLOR[s]}>{t(STATUS_MSG[s])}</Tag>,
          },
          ...(canRun
            ? [
                {
                  title: t(M.actions),
                  key: 'actions',
                  render: (_: unknown, r: AttendanceItem) => (
                    <Space wrap size={4}>
                      {r.status === 'pending' && (
                        <Button
                          size="small"
                          type="primary"
                          loading={busy === r.id}
                          onClick={() =>
                            r.residentId
                              ? void act(r.id, `/api/sign-in/${r.id}/confirm`, {}, t(M.confirmed))
                              : setMatching(r)
                          }
                        >
                          {t(M.confirm)}
                        </Button>
                      )}
                      {r.status === 'confirmed' && !r.checkedOutAt && (
                        <Button
                          size="small"
                          loading={busy === `out-${r.id}`}
                          onClick={() => void act(`out-${r.id}`, `/api/sign-in/${r.id}/check-out`, {}, t(M.checkedOut))}
                        >
                          {t(M.checkOut)}
                        </Button>
                      )}
                      {r.status !== 'rejected' && (
                        <Button
                          size="small"
                          danger
                          onClick={() => {
                            setReason('');
                            setRemoving(r);
                          }}
                        >
                          {t(r.status === 'pending' ? M.reject : M.remove)}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
          { title: t(M.phone), dataIndex: 'phone' },
          {
            title: t(M.method),
            dataIndex: 'method',
            render: (m: AttendanceItem['method'], r) => (
              <>
                {t(METHOD_MSG[m])}
                {r.evidenceFileId && (
                  <>
                    {' '}
                    · <a href={`/api/files/${r.evidenceFileId}`}>{t(M.evidence)}</a>
                  </>
                )}
              </>
            ),
          },
          { title: t(M.signedAt), dataIndex: 'signedAt', render: (v: string) => formatDateTime(v, locale) },
          { title: t(M.hours), dataIndex: 'attendedHours', render: (h: number | null) => h ?? '' },
        ]}
      />
      {adding && (
        <RosterPickModal
          activityId={activityId}
          title={t(M.addByHand)}
          onClose={() => setAdding(false)}
          onPick={async (h) => {
            if (await act(h.id, `/api/sign-in/activities/${activityId}/manual`, { residentId: h.id }, t(M.confirmed)))
              setAdding(false);
          }}
        />
      )}
      {matching && (
        <RosterPickModal
          activityId={activityId}
          title={t(M.matchTitle)}
          initial={matching.name}
          onClose={() => setMatching(null)}
          onPick={async (h) => {
            if (await act(matching.id, `/api/sign-in/${matching.id}/confirm`, { residentId: h.id }, t(M.confirmed)))
              setMatching(null);
          }}
        />
      )}
      {paper && <PaperSheetModal activity={activity} onClose={() => setPaper(false)} />}
      {removing && (
        <Modal
          open
          title={t(M.rejectTitle)}
          okText={t(removing.status === 'pending' ? M.reject : M.remove)}
          okButtonProps={{ danger: true }}
          cancelText={t(APP.cancel)}
          confirmLoading={busy === removing.id}
          onCancel={() => setRemoving(null)}
          onOk={async () => {
            if (
              await act(
                removing.id,
                `/api/sign-in/${removing.id}/reject`,
                { reason: reason.trim() || undefined },
                t(M.rejectedDone),
              )
            )
              setRemoving(null);
          }}
        >
          <Typography.Paragraph>
            {removing.name} · {removing.phone}
          </Typography.Paragraph>
          <label htmlFor="reject-reason">{t(M.rejectReason)}</label>
          <Input id="reject-reason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Modal>
      )}
    </>
  );
}
