import { useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Segmented, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { useI18n } from '../../../web/i18n/i18n';
import { THEME_LABELS, type ThemeKey } from '../../../shared/themes';
import { portalApi, type MyActivity } from '../portal.contract';
import { useApiMutation } from '../../../web/api/hooks';
import { meCall } from './portal-api';
import { M } from './portal.messages';
import { useMyActivities, useResidentRefresh } from './portal.queries';
import { formatDate, formatTime } from '../../../shared/china-time';

const when = (a: MyActivity, locale: string) => {
  const s = new Date(a.startsAt);
  const e = new Date(a.endsAt);
  const day = `${formatDate(s)} ${s.toLocaleDateString(locale, { weekday: 'short', timeZone: 'Asia/Shanghai' })}`;
  const hm = (d: Date) => formatTime(d);
  return `${day} ${hm(s)}–${hm(e)}`;
};

/** 活动: what I registered for, and what is open near me this week; register or cancel with one button. */
export function PortalActivitiesPage() {
  const { t } = useI18n();
  const [scope, setScope] = useState<'mine' | 'near'>('mine');
  const [size, setSize] = useState(20);
  const q = useMyActivities(scope, size);
  return (
    <>
      <Segmented
        block
        value={scope}
        onChange={(v) => {
          setScope(v as typeof scope);
          setSize(20);
        }}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'mine', label: t(M.mine) },
          { value: 'near', label: t(M.near) },
        ]}
      />
      {q.isPending ? (
        <PageLoading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Empty description={t(scope === 'mine' ? M.noneMine : M.noneNear)} />
      ) : (
        <>
          {q.data.items.map((a) => (
            <ActivityCard key={a.id} a={a} />
          ))}
          {q.data.total > q.data.items.length && (
            <Button block onClick={() => setSize(size + 20)}>
              {t(M.more)}
            </Button>
          )}
        </>
      )}
    </>
  );
}

function ActivityCard({ a }: { a: MyActivity }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const refresh = useResidentRefresh();
  const register = useApiMutation(portalApi.register, {
    send: meCall,
    onSuccess: async (r) => {
      void message.success(t(r.status === 'waitlisted' ? M.doneWaitlisted : M.doneRegistered));
      await refresh();
    },
  });
  const cancel = useApiMutation(portalApi.cancel, {
    send: meCall,
    onSuccess: async () => {
      void message.success(t(M.doneCancelled));
      await refresh();
    },
  });
  const busy = register.busy || cancel.busy;
  const send = (action: 'register' | 'cancel') =>
    (action === 'register' ? register : cancel).run({ params: { activityId: a.id } });
  const theme = THEME_LABELS[a.theme as ThemeKey];
  const live = a.myRegistration === 'registered' || a.myRegistration === 'waitlisted';
  const cancelledByCentre = a.status === 'cancelled';
  return (
    <Card size="small" data-testid="portal-activity">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {a.title}
      </Typography.Title>
      <Space size={[4, 4]} wrap style={{ margin: '6px 0' }}>
        {theme && <Tag color="green">{locale === 'zh-CN' ? theme.zh : theme.en}</Tag>}
        {cancelledByCentre ? (
          <Tag color="red">{t(M.cancelledByCentre)}</Tag>
        ) : a.myRegistration === 'registered' ? (
          <Tag color="blue">{t(M.registered)}</Tag>
        ) : a.myRegistration === 'waitlisted' ? (
          <Tag color="orange">{t(M.waitlisted)}</Tag>
        ) : null}
        {a.mySignIn === 'confirmed' && <Tag color="green">{t(M.signedIn)}</Tag>}
        {a.mySignIn === 'pending' && <Tag color="orange">{t(M.signPending)}</Tag>}
      </Space>
      <div>
        <ClockCircleOutlined /> {when(a, locale)} · {t(M.hours, { n: a.hours })}
      </div>
      <div>
        <EnvironmentOutlined /> {a.place ? `${a.place} · ` : ''}
        {a.centreName}
      </div>
      <Typography.Text type="secondary">
        {a.capacity ? t(M.places, { n: a.registeredCount, cap: a.capacity }) : t(M.noLimit)}
      </Typography.Text>
      {cancelledByCentre && a.cancelReason && (
        <Typography.Paragraph type="danger" style={{ margin: '6px 0 0' }}>
          {t(M.cancelledReason, { reason: a.cancelReason })}
        </Typography.Paragraph>
      )}
      {!cancelledByCentre && a.notice && live && (
        <Typography.Paragraph type="success" style={{ margin: '6px 0 0' }}>
          {a.notice}
        </Typography.Paragraph>
      )}
      {!cancelledByCentre && a.status === 'open' && !a.mySignIn && (
        <div style={{ marginTop: 10 }}>
          {live ? (
            <Popconfirm
              title={t(M.cancelConfirm)}
              okText={t(M.yes)}
              cancelText={t(M.no)}
              onConfirm={() => send('cancel')}
            >
              <Button block loading={busy}>
                {t(M.cancel)}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="primary" block loading={busy} onClick={() => void send('register')}>
              {t(M.register)}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
