import { useState } from 'react';
import { App, Button, Card, Col, Input, Modal, Row, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import { PrinterOutlined, QrcodeOutlined, UserAddOutlined, FileImageOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useApiMutation } from '../../../web/api/hooks';
import { ErrorState } from '../../../web/components/error-state';
import { ExportButton } from '../../../web/components/export-button';
import { PageHeader } from '../../../web/components/page-header';
import { PageLoading } from '../../../web/components/page-loading';
import { PageTable } from '../../../web/components/page-table';
import { formatDateTime } from '../../../shared/china-time';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { urlOf } from '../../../web/api/client';
import { filesApi } from '../../files/files.contract';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { SIGN_IN_STATUSES, signInApi, type AttendanceItem, type SignInStatus } from '../signin.contract';
import { PaperSheetModal } from './paper-sheet-modal';
import { RosterPickModal } from './roster-pick-modal';
import { M, METHOD_MSG, STATUS_MSG } from './signin.messages';
import { placeText, useAttendance } from './signin.queries';

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
  const { t } = useI18n();
  const { message } = App.useApp();
  const { activityId = '' } = useParams();
  const url = useUrlQuery(KEYS);
  const status = SIGN_IN_STATUSES.includes(url.values.status as SignInStatus)
    ? (url.values.status as SignInStatus)
    : undefined;
  const list = useAttendance(activityId, { status, page: url.page, pageSize: url.pageSize });
  const [adding, setAdding] = useState(false);
  const [paper, setPaper] = useState(false);
  const [matching, setMatching] = useState<AttendanceItem | null>(null);
  const [removing, setRemoving] = useState<AttendanceItem | null>(null);
  const [reason, setReason] = useState('');
  /** The row whose change is running (its button spins). */
  const [busy, setBusy] = useState<string | null>(null);
  const saved = (done: string) => ({
    onSuccess: (r: { credits: number }) =>
      void message.success(r.credits > 0 ? `${done} · ${t(M.creditsPaid, { n: r.credits })}` : done),
  });
  const confirm = useApiMutation(signInApi.confirm, saved(t(M.confirmed)));
  const manual = useApiMutation(signInApi.manual, saved(t(M.confirmed)));
  const checkOut = useApiMutation(signInApi.checkOut, saved(t(M.checkedOut)));
  const reject = useApiMutation(signInApi.reject, saved(t(M.rejectedDone)));
  const act = async (key: string, run: Promise<{ ok: boolean }>) => {
    setBusy(key);
    const { ok } = await run;
    setBusy(null);
    return ok;
  };

  if (list.isPending) return <PageLoading />;
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const { activity, counts, canRun } = list.data;
  return (
    <>
      <PageHeader
        title={activity.title}
        extra={
          <>
            {canRun && (
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
            )}
            <ExportButton
              endpoint={signInApi.attendanceExport}
              input={{ params: { activityId }, query: { status } }}
              fileName="attendance.xlsx"
            />
          </>
        }
      >
        <Typography.Text type="secondary">
          {formatDateTime(activity.startsAt)} · {placeText(activity)}
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
                styles={{ content: k === 'pending' && counts.pending > 0 ? { color: '#b35c00' } : undefined }}
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
        columns={[
          {
            title: t(M.name),
            dataIndex: 'name',
            render: (v: string, r) => (
              <Space orientation="vertical" size={0}>
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
                              ? void act(r.id, confirm.run({ params: { signInId: r.id }, body: {} }))
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
                          onClick={() =>
                            void act(`out-${r.id}`, checkOut.run({ params: { signInId: r.id }, body: {} }))
                          }
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
                    · <a href={urlOf(filesApi.download, { params: { id: r.evidenceFileId } })}>{t(M.evidence)}</a>
                  </>
                )}
              </>
            ),
          },
          { title: t(M.signedAt), dataIndex: 'signedAt', render: (v: string) => formatDateTime(v) },
          { title: t(M.hours), dataIndex: 'attendedHours', render: (h: number | null) => h ?? '' },
        ]}
      />
      {adding && (
        <RosterPickModal
          activityId={activityId}
          title={t(M.addByHand)}
          onClose={() => setAdding(false)}
          onPick={async (h) => {
            if (await act(h.id, manual.run({ params: { activityId }, body: { residentId: h.id } }))) setAdding(false);
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
            if (await act(matching.id, confirm.run({ params: { signInId: matching.id }, body: { residentId: h.id } })))
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
                reject.run({ params: { signInId: removing.id }, body: { reason: reason.trim() || undefined } }),
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
