import type { ReactNode } from 'react';
import { Button, Card, Col, Empty, Row, Tabs, Tag, Typography } from 'antd';
import { PrinterOutlined, QrcodeOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { chinaWeekday, formatDate, formatTime } from '../../../shared/china-time';
import { percentText } from '../../../web/components/format';
import { useI18n } from '../../../web/i18n/i18n';
import { ACTIVITY_STATUS_LABELS, type ActivityStatus } from '../../activities/activities.contract';
import { SIGNIN_STAFF_ROLES } from '../../signin/signin.policy';
import { useAuth } from '../../../web/auth/auth-context';
import type { QuickAction } from '../workbench.policy';
import type { Workbench, WorkbenchActivity } from '../workbench.contract';
import { M, WAITING_LABELS, WEEKDAYS } from './workbench.messages';

type Value = Workbench['indicators'][number];

const BIG = { fontSize: 17 } as const;
const ROW = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 8,
  padding: '10px 0',
  borderBottom: '1px solid #f0f0f0',
} as const;

/** Met, missed…: a coloured tag that says it in words too. */
const STATUS_COLOR: Record<Value['status'], string> = {
  met: 'green',
  missed: 'red',
  no_target: 'default',
  no_data: 'default',
  no_population: 'orange',
  small_sample: 'orange',
};

export function StatusTag({ status }: { status: Value['status'] }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ fontSize: 15, padding: '2px 8px' }}>
      {t(M[status])}
    </Tag>
  );
}

/** 待办: each kind of waiting work, with how many and its nearest deadline, a link to where it is done. */
export function WaitingCard({ items }: { items: NonNullable<Workbench['waiting']> }) {
  const { t } = useI18n();
  return (
    <Card title={t(M.waitingTitle)} style={{ height: '100%' }} data-testid="waiting">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span style={BIG}>{t(M.waitingEmpty)}</span>} />
      ) : (
        items.map((i) => (
          <Link key={i.key} to={i.path} style={{ ...ROW, color: 'inherit' }}>
            <span style={BIG}>{WAITING_LABELS[i.key] ? t(WAITING_LABELS[i.key]) : i.key}</span>
            <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              {i.due && <Typography.Text type="warning">{t(M.due, { date: i.due })}</Typography.Text>}
              <Tag color="blue" style={{ fontSize: 16, padding: '2px 10px' }}>
                {t(M.countUnit, { n: i.count })}
              </Tag>
              <RightOutlined />
            </span>
          </Link>
        ))
      )}
    </Card>
  );
}

const ACTION_PATHS: Record<QuickAction, (wb: Workbench) => string> = {
  new_activity: () => '/activities?new=1',
  sign_in_desk: () => '/sign-in',
  plan_versus: (wb) => `/plans?tab=versus&year=${wb.year}&nodeId=${wb.node.id}`,
};

/** 快捷操作: links to the screens where the work starts. */
export function ActionsCard({ wb }: { wb: Workbench }) {
  const { t } = useI18n();
  return (
    <Card title={t(M.actionsTitle)} style={{ height: '100%' }}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        {wb.actions.map((a) => (
          <Link key={a} to={ACTION_PATHS[a](wb)}>
            <Button size="large" block type={a === 'new_activity' ? 'primary' : 'default'}>
              {t(M[a])}
            </Button>
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 2 }}>
              {t(M[`${a}Hint`])}
            </Typography.Text>
          </Link>
        ))}
      </div>
    </Card>
  );
}

/** A value as people read it: 30%, +5.2 个百分点, 22 小时, ¥2.00. */
function useShow() {
  const { t, locale } = useI18n();
  return (v: Value) => {
    if (v.value === null) return '—';
    if (v.measure === 'staffing') return t(M.staffCounts, { ft: v.numerator ?? 0, pt: v.denominator ?? 0 });
    if (v.unit === 'percent') return percentText(v.value, locale);
    const n = v.value.toLocaleString(locale, { maximumFractionDigits: 1 });
    if (v.unit === 'points') return `${v.value > 0 ? '+' : ''}${n} ${t(M.points)}`;
    if (v.unit === 'hours') return `${n} ${t(M.hoursUnit)}`;
    if (v.unit === 'yuan') return `¥${v.value.toFixed(2)}`;
    return n;
  };
}

/** 本月指标: each measure's value against its target, met or missed in words and colour. */
export function IndicatorsCard({ wb }: { wb: Workbench }) {
  const { t, label } = useI18n();
  const show = useShow();
  const shown = wb.indicators.filter((v) => v.status !== 'no_data');
  const noData = wb.indicators.length - shown.length;
  return (
    <Card
      title={t(M.indicatorsTitle, { month: wb.month })}
      extra={<Link to={`/indicators?nodeId=${wb.node.id}`}>{t(M.indicatorsMore)}</Link>}
      data-testid="indicators"
    >
      {shown.length === 0 && <Empty description={t(M.indicatorsEmpty)} />}
      <Row gutter={[12, 12]}>
        {shown.map((v) => (
          <Col key={v.measure} xs={24} sm={12} xl={8}>
            <div
              style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, height: '100%' }}
              data-testid={`wb-${v.measure}`}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, ...BIG }}>
                <span>{label(v.label)}</span>
                <StatusTag status={v.status} />
              </div>
              <div style={{ fontSize: 28, fontWeight: 600 }}>{show(v)}</div>
              <div style={{ fontSize: 15 }}>
                {[
                  v.threshold !== null &&
                    t(v.direction === 'at_least' ? M.targetAtLeast : M.targetAtMost, { n: v.threshold }),
                  v.measure === 'staffing' && t(M.byStaffingNorm),
                  v.meeting && t(v.measure.startsWith('dept_') ? M.meetingUnits : M.meeting, v.meeting),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
            </div>
          </Col>
        ))}
      </Row>
      {noData > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {t(M.noDataCount, { n: noData })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** 未达标的中心: centres that have not held their activities this month so far, each with its drill-down. */
export function MissedCentresCard({ wb }: { wb: Workbench }) {
  const { t } = useI18n();
  const m = wb.missedCentres;
  const n = m.threshold ?? 2;
  const empty = (text: string) => (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span style={BIG}>{text}</span>} />
  );
  return (
    <Card title={t(M.missedTitle)} data-testid="missed-centres">
      {m.of === 0 ? (
        empty(t(M.missedNoCentres))
      ) : !m.judged ? (
        empty(t(M.missedNoTarget))
      ) : m.centres.length === 0 ? (
        empty(t(M.missedNone, { n }))
      ) : (
        <>
          <Typography.Paragraph style={{ ...BIG, marginBottom: 4 }}>
            {t(M.missedIntro, { n, of: m.of })}
          </Typography.Paragraph>
          {m.centres.map((c) => (
            <div key={c.id} style={ROW} data-testid={`missed-${c.id}`}>
              <span style={BIG}>
                {c.townName && wb.node.level === 'county' ? `${c.townName} · ` : ''}
                <strong>{c.name}</strong> <Tag color="red">{t(M.missed)}</Tag>
                {t(M.held, { n: c.held })}
              </span>
              <span style={{ display: 'flex', gap: 12 }}>
                <Link
                  to={`/indicators/records?nodeId=${c.id}&measure=activities_held&year=${wb.year}&month=${wb.month}`}
                >
                  {t(M.records)}
                </Link>
                <Link to={`/indicators?nodeId=${c.id}`}>{t(M.centreIndicators)}</Link>
              </span>
            </div>
          ))}
        </>
      )}
    </Card>
  );
}

function ActivityRows({ items, withDay, empty }: { items: WorkbenchActivity[]; withDay: boolean; empty: string }) {
  const { t, label } = useI18n();
  // Today's activities: their sign-in one click away (the QR screen, the sheet), for those who run it.
  const { hasRole } = useAuth();
  const signIn = !withDay && hasRole(SIGNIN_STAFF_ROLES);
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span style={BIG}>{empty}</span>} />;
  return items.map((a) => {
    const weekday = chinaWeekday(formatDate(a.startsAt));
    return (
      <div key={a.id} style={ROW}>
        <span style={BIG}>
          <Typography.Text strong style={{ ...BIG, marginRight: 8 }}>
            {withDay && `${t(WEEKDAYS[weekday - 1])} `}
            {formatTime(a.startsAt)}–{formatTime(a.endsAt)}
          </Typography.Text>
          <Link to={`/activities?open=${a.id}`}>{a.title}</Link>
        </span>
        <span>
          {a.centreName}
          {a.place ? ` · ${a.place}` : ''} <Tag>{label(ACTIVITY_STATUS_LABELS[a.status as ActivityStatus])}</Tag>
          {signIn && a.status !== 'cancelled' && a.status !== 'done' && (
            <>
              <Link to={`/sign-in/${a.id}/qr`}>
                <Button type="primary" icon={<QrcodeOutlined />} aria-label={`${t(M.showQr)} · ${a.title}`}>
                  {t(M.showQr)}
                </Button>
              </Link>{' '}
              <Link to={`/print/sign-in/${a.id}?print=1`} target="_blank">
                <Button icon={<PrinterOutlined />} aria-label={`${t(M.printSheet)} · ${a.title}`}>
                  {t(M.printSheet)}
                </Button>
              </Link>
            </>
          )}
        </span>
      </div>
    );
  });
}

/** 今日/本周活动, China time. */
export function ActivitiesCard({ wb }: { wb: Workbench }) {
  const { t } = useI18n();
  const { today, week, weekTotal } = wb.activities;
  const tab = (key: string, title: string, body: ReactNode) => ({
    key,
    label: <span style={BIG}>{title}</span>,
    children: body,
  });
  return (
    <Card
      title={t(M.activitiesTitle)}
      extra={<Link to="/activities">{t(M.allActivities)}</Link>}
      data-testid="activities"
    >
      <Tabs
        items={[
          tab(
            'today',
            t(M.todayTab, { n: today.length }),
            <ActivityRows items={today} withDay={false} empty={t(M.todayEmpty)} />,
          ),
          tab(
            'week',
            t(M.weekTab, { n: weekTotal }),
            <>
              <ActivityRows items={week} withDay empty={t(M.weekEmpty, wb.week)} />
              {weekTotal > week.length && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  {t(M.weekMore, { n: weekTotal, shown: week.length })}
                </Typography.Paragraph>
              )}
            </>,
          ),
        ]}
      />
    </Card>
  );
}
