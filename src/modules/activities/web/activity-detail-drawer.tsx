import { useState } from 'react';
import type { z } from 'zod';
import { App, Button, Card, Form, Tabs, Tag, Typography } from 'antd';
import {
  CheckOutlined,
  CloseCircleOutlined,
  EditOutlined,
  PrinterOutlined,
  QrcodeOutlined,
  TeamOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/china-time';
import { useApiMutation, useFormMutation } from '../../../web/api/hooks';
import { DetailActions, DetailBody, DetailFields, DetailSection } from '../../../web/components/detail-layout';
import { TextField } from '../../../web/components/field-text';
import { FormModal } from '../../../web/components/form-modal';
import { DetailDrawer } from '../../../web/components/query-view';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { ATTENDANCE_READER_ROLES, SIGNIN_STAFF_ROLES } from '../../signin/signin.policy';
import { useAuth } from '../../../web/auth/auth-context';
import {
  ACTIVITY_FORM_LABELS,
  ACTIVITY_LIMITS,
  activitiesApi,
  type ActivityDetail,
  type ZCancel,
} from '../activities.contract';
import { PlacesText } from './activity-tags';
import { ActivityFormDrawer, SeriesScopeField } from './activity-form-drawer';
import { RecordsTab } from './records-tab';
import { RegistrationsTab } from './registrations-tab';
import { StatusTag, useThemes } from './activity-tags';
import { chinaSpan } from './activity-time';
import { M } from './activities.messages';
import { ACTIVITY_CHANGES, useActivity } from './activities.queries';

/** One activity: details and actions, registrations with the waiting list, records. */
export function ActivityDetailDrawer({
  id,
  onClose,
  onOpen,
}: {
  id: string;
  onClose: () => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const q = useActivity(id);
  return (
    <DetailDrawer query={q} width={680} title={(a) => a?.title ?? t(M.title)} onClose={onClose}>
      {(a) => (
        <Tabs
          size="large"
          items={[
            { key: 'info', label: t(M.tabInfo), children: <ActivityInfo a={a} onOpen={onOpen} /> },
            ...(a.permissions.update
              ? [{ key: 'reg', label: t(M.tabRegistrations), children: <RegistrationsTab a={a} /> }]
              : []),
            { key: 'records', label: t(M.tabRecords), children: <RecordsTab a={a} /> },
          ]}
        />
      )}
    </DetailDrawer>
  );
}

function ActivityInfo({ a, onOpen }: { a: ActivityDetail; onOpen: (id: string) => void }) {
  const { t, label } = useI18n();
  const { message, modal } = App.useApp();
  const themes = useThemes();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const live = a.status === 'planned' || a.status === 'open';
  const can = a.permissions.update;
  const { run } = useApiMutation(activitiesApi.changeStatus, {
    invalidates: ACTIVITY_CHANGES,
    onSuccess: () => void message.success(t(M.statusChanged)),
  });
  const setStatus = (status: 'open' | 'done') => run({ params: { id: a.id }, body: { status } });
  const dash = (v: string | null | undefined) => v || '—';
  const started = new Date(a.startsAt).getTime() <= Date.now();

  return (
    <DetailBody gap={16}>
      {can && live && (
        <DetailActions>
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t(M.edit)}
          </Button>
          {a.status === 'planned' && (
            <Button icon={<UnlockOutlined />} onClick={() => void setStatus('open')}>
              {t(M.open)}
            </Button>
          )}
          {started && (
            <Button
              icon={<CheckOutlined />}
              onClick={() =>
                modal.confirm({
                  title: t(M.done),
                  content: t(M.doneConfirm),
                  okText: t(M.done),
                  cancelText: t(APP.cancel),
                  onOk: () => setStatus('done'),
                })
              }
            >
              {t(M.done)}
            </Button>
          )}
          <Button danger icon={<CloseCircleOutlined />} onClick={() => setCancelling(true)}>
            {t(M.cancel)}
          </Button>
        </DetailActions>
      )}
      {a.status === 'cancelled' && (
        <Typography.Text type="danger" style={{ fontSize: 16 }}>
          {t(M.cancelled)}：{a.cancelReason}
        </Typography.Text>
      )}
      {a.status !== 'cancelled' && <SignInCard a={a} />}
      <DetailFields
        items={[
          { key: 'status', label: t(M.status), children: <StatusTag status={a.status} /> },
          { key: 'when', label: t(M.when), children: chinaSpan(a.startsAt, a.endsAt) },
          { key: 'centre', label: t(M.centre), children: a.centreName },
          { key: 'venue', label: t(M.venue), children: dash(a.venueName ?? a.place) },
          {
            key: 'equipment',
            label: t(M.equipment),
            children: a.equipment.length ? a.equipment.map((e) => <Tag key={e.id}>{e.name}</Tag>) : '—',
          },
          { key: 'teachers', label: t(M.teachers), children: dash(a.teachers.map((x) => x.name).join('、')) },
          {
            key: 'theme',
            label: t(M.theme),
            children: `${themes.name(a.theme)} · ${label(ACTIVITY_FORM_LABELS[a.form])}`,
          },
          { key: 'course', label: t(M.course), children: dash(a.courseTitle) },
          { key: 'unit', label: t(M.unit), children: dash(a.responsibleUnitName) },
          { key: 'places', label: t(M.places), children: <PlacesText a={a} /> },
          { key: 'audience', label: t(M.audience), children: dash(a.audience) },
          { key: 'hours', label: t(M.hours), children: a.hours },
          { key: 'credits', label: t(M.credits), children: <CreditsText a={a} /> },
          {
            key: 'desc',
            label: t(M.description),
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{dash(a.description)}</div>,
          },
        ]}
      />
      {a.series.length > 1 && (
        <DetailSection title={t(M.series, { n: a.series.length })}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
            {a.series.map((s, i) => (
              <Button
                key={s.id}
                size="small"
                type={s.id === a.id ? 'primary' : 'default'}
                danger={s.status === 'cancelled'}
                onClick={() => onOpen(s.id)}
              >
                {t(M.seriesNo, { i: i + 1 })} · {formatDate(s.startsAt).slice(5)}
              </Button>
            ))}
          </div>
        </DetailSection>
      )}
      {editing && (
        <ActivityFormDrawer
          mode={{ kind: 'edit', activity: a }}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {cancelling && <CancelModal a={a} onClose={() => setCancelling(false)} />}
    </DetailBody>
  );
}

/** 签到可得 2 学分（签到时发放）: the county's rule for the theme decides, not the form's number. */
function CreditsText({ a }: { a: ActivityDetail }) {
  const { t } = useI18n();
  const c = a.signInCredits;
  if (c.credits <= 0) return <>{t(M.creditsNone)}</>;
  return <>{t(c.grantAt === 'done' ? M.creditsWhenDone : M.creditsAtSignIn, { n: c.credits })}</>;
}

/** 签到: the QR screen, the printable sheet and the desk, first thing in the panel, with the counts so far. */
function SignInCard({ a }: { a: ActivityDetail }) {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const staff = hasRole(SIGNIN_STAFF_ROLES);
  if (!hasRole(ATTENDANCE_READER_ROLES)) return null;
  const live = a.status !== 'done';
  return (
    <Card
      size="small"
      data-testid="activity-signin"
      title={<span style={{ fontSize: 18 }}>{t(M.signIns)}</span>}
      extra={
        <span style={{ fontSize: 16 }}>{t(M.signInCounts, { c: a.signIns.confirmed, p: a.signIns.pending })}</span>
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {staff && live && (
          <Link to={`/sign-in/${a.id}/qr`}>
            <Button type="primary" size="large" icon={<QrcodeOutlined />}>
              {t(M.signInQr)}
            </Button>
          </Link>
        )}
        {staff && (
          <Link to={`/print/sign-in/${a.id}?print=1`} target="_blank">
            <Button size="large" icon={<PrinterOutlined />}>
              {t(M.signInSheet)}
            </Button>
          </Link>
        )}
        <Link to={`/sign-in/${a.id}`}>
          <Button size="large" icon={<TeamOutlined />}>
            {t(M.signInList)}
          </Button>
        </Link>
      </div>
      <Typography.Paragraph style={{ margin: '8px 0 0', fontSize: 16 }}>
        <CreditsText a={a} />
      </Typography.Paragraph>
    </Card>
  );
}

type CancelValues = z.input<typeof ZCancel>;

function CancelModal({ a, onClose }: { a: ActivityDetail; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CancelValues>();
  const { submit, busy, alert } = useFormMutation(form, activitiesApi.cancel, {
    invalidates: ACTIVITY_CHANGES,
    onSuccess: onClose,
  });
  return (
    <FormModal<CancelValues>
      title={t(M.cancel)}
      form={form}
      onClose={onClose}
      busy={busy}
      onFinish={(v) => void submit({ params: { id: a.id }, body: v })}
      okText={t(M.cancel)}
      cancelText={t(APP.close)}
      danger
      initialValues={{ scope: 'one' }}
      alert={alert}
    >
      <TextField
        name="reason"
        label={t(M.cancelReason)}
        extra={t(M.cancelReasonHelp)}
        max={ACTIVITY_LIMITS.cancelReason}
        required
        rows={2}
        autoFocus
      />
      {a.seriesId && <SeriesScopeField />}
    </FormModal>
  );
}
