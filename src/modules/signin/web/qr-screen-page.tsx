import { Button, Typography } from 'antd';
import { ArrowLeftOutlined, ClockCircleOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { formatDateTime } from '../../../shared/china-time';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './signin.messages';
import { useScreenQr } from './signin.queries';

/**
 * The code on the big screen: a new one every 30 s, the counts underneath; nothing else to
 * distract. Outside the county's sign-in window the server cuts no code: the screen says
 * when scanning opens, or that it has closed.
 */
export function QrScreenPage() {
  const { t } = useI18n();
  const { activityId = '' } = useParams();
  const q = useScreenQr(activityId);
  if (q.isPending) return <PageLoading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const { activity, svg, counts, window } = q.data;
  const closed = window.state === 'late' || activity.status === 'done' || activity.status === 'cancelled';
  return (
    <div
      style={{
        minHeight: '100vh',
        background: '#fff',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        padding: 16,
        boxSizing: 'border-box',
        textAlign: 'center',
      }}
    >
      <div style={{ alignSelf: 'stretch', display: 'flex', justifyContent: 'space-between', gap: 8 }}>
        <Link to={`/sign-in/${activityId}`}>
          <Button icon={<ArrowLeftOutlined />}>{t(M.back)}</Button>
        </Link>
        <Button
          icon={<FullscreenOutlined />}
          onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
        >
          {t(M.fullscreen)}
        </Button>
      </div>
      <Typography.Title level={1} style={{ margin: '12px 0 4px', fontSize: 'clamp(22px, 4vw, 40px)' }}>
        {activity.title}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 18 }}>
        {formatDateTime(activity.startsAt)} ·{' '}
        <span data-testid="signin-place">{activity.place ?? activity.centreName}</span>
      </Typography.Text>
      {svg ? (
        <>
          <Typography.Title level={3} style={{ margin: '16px 0 8px', fontSize: 'clamp(20px, 3vw, 32px)' }}>
            {t(M.qrTitle)}
          </Typography.Title>
          {/* The SVG comes from our own server's QR encoder, not from user input. */}
          <div
            data-testid="signin-qr"
            data-url={q.data.url ?? ''}
            style={{ width: 'min(80vw, 62vh, 560px)', aspectRatio: '1' }}
            dangerouslySetInnerHTML={{ __html: svg.replace('<svg ', '<svg width="100%" height="100%" ') }}
          />
        </>
      ) : (
        <div
          data-testid="signin-qr-closed"
          data-state={closed ? 'late' : 'early'}
          style={{
            width: 'min(80vw, 62vh, 560px)',
            aspectRatio: '1',
            display: 'flex',
            flexDirection: 'column',
            justifyContent: 'center',
            alignItems: 'center',
            gap: 12,
            background: '#f5f7f6',
            borderRadius: 16,
            marginTop: 16,
            padding: 24,
            boxSizing: 'border-box',
          }}
        >
          <ClockCircleOutlined style={{ fontSize: 64, color: closed ? '#8a8a8a' : '#0b6e4f' }} />
          <Typography.Title level={2} style={{ margin: 0, fontSize: 'clamp(24px, 4vw, 44px)' }}>
            {t(closed ? M.qrLate : M.qrEarly)}
          </Typography.Title>
          <Typography.Text style={{ fontSize: 'clamp(18px, 2.4vw, 26px)' }}>
            {closed
              ? t(M.qrClosedAt, { time: formatDateTime(window.closesAt) })
              : t(M.qrOpensAt, { time: formatDateTime(window.opensAt) })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 16 }}>
            {t(M.qrNotNow)}
          </Typography.Text>
        </div>
      )}
      <Typography.Text style={{ fontSize: 22, marginTop: 12 }} data-testid="signin-counts">
        {t(M.qrCounts, counts)}
      </Typography.Text>
      {svg && (
        <Typography.Text type="secondary" style={{ fontSize: 16 }}>
          {t(M.qrHint)}
        </Typography.Text>
      )}
    </div>
  );
}
