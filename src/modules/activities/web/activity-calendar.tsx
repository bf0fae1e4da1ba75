import { Card, Empty, Grid, List, Tag } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { chinaWeekday, formatDate, formatTime } from '../../../shared/china-time';
import type { Page } from '../../../shared/pagination';
import { ErrorState } from '../../../web/components/error-state';
import { useI18n } from '../../../web/i18n/i18n';
import type { Activity, ActivityStatus } from '../activities.contract';
import { M } from './activities.messages';
import { StatusTag } from './activity-tags';
import { WEEKDAYS_EN, WEEKDAYS_ZH } from './activity-time';

const DOT: Record<ActivityStatus, string> = {
  planned: '#1677ff',
  open: '#2f8f5b',
  done: '#8a9a92',
  cancelled: '#d9363e',
};

/** One month: a 7-column grid (weeks from Monday) on wide screens, a day-by-day list on a phone. */
export function ActivityCalendar({
  month,
  list,
  onOpen,
}: {
  month: string;
  list: UseQueryResult<Page<Activity>>;
  onOpen: (id: string) => void;
}) {
  const { isZh, t } = useI18n();
  const screens = Grid.useBreakpoint();
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  const byDay = new Map<string, Activity[]>();
  for (const a of items) byDay.set(formatDate(a.startsAt), [...(byDay.get(formatDate(a.startsAt)) ?? []), a]);
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const dates = Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
  const names = isZh ? WEEKDAYS_ZH.map((d) => `周${d}`) : WEEKDAYS_EN;

  if (screens.md === false) {
    const withActs = dates.filter((d) => byDay.has(d));
    return (
      <Card loading={list.isFetching && !list.data} styles={{ body: { padding: 0 } }}>
        {withActs.length === 0 ? (
          <Empty style={{ padding: 24 }} />
        ) : (
          <List
            dataSource={withActs}
            renderItem={(d) => (
              <List.Item style={{ display: 'block', padding: '12px 16px' }}>
                <div style={{ fontWeight: 600, marginBottom: 6 }}>
                  {d.slice(5)} {names[chinaWeekday(d) - 1]}
                </div>
                {byDay.get(d)!.map((a) => (
                  <button
                    key={a.id}
                    type="button"
                    onClick={() => onOpen(a.id)}
                    style={{
                      display: 'flex',
                      gap: 8,
                      alignItems: 'center',
                      width: '100%',
                      minHeight: 44,
                      background: 'none',
                      border: 0,
                      padding: '4px 0',
                      textAlign: 'left',
                      cursor: 'pointer',
                      fontSize: 16,
                      fontFamily: 'inherit',
                    }}
                  >
                    <span style={{ color: '#5b6b63', whiteSpace: 'nowrap' }}>{formatTime(a.startsAt)}</span>
                    <span style={{ flex: 1, textDecoration: a.status === 'cancelled' ? 'line-through' : undefined }}>
                      {a.title}
                    </span>
                    <StatusTag status={a.status} />
                  </button>
                ))}
              </List.Item>
            )}
          />
        )}
      </Card>
    );
  }

  const lead = chinaWeekday(dates[0]) - 1;
  const cells: (string | null)[] = [...Array(lead).fill(null), ...dates];
  while (cells.length % 7) cells.push(null);
  return (
    <Card loading={list.isFetching && !list.data} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4 }}>
        {names.map((n) => (
          <div key={n} style={{ textAlign: 'center', fontWeight: 600, padding: 4 }}>
            {n}
          </div>
        ))}
        {cells.map((d, i) => (
          <div
            key={d ?? `x${i}`}
            style={{
              minHeight: 96,
              border: '1px solid #e3ebe6',
              borderRadius: 6,
              padding: 4,
              background: d ? '#fff' : '#f6f8f7',
            }}
          >
            {d && <div style={{ fontSize: 13, color: '#5b6b63' }}>{Number(d.slice(8))}</div>}
            {d &&
              (byDay.get(d) ?? []).map((a) => (
                <button
                  key={a.id}
                  type="button"
                  onClick={() => onOpen(a.id)}
                  title={a.title}
                  style={{
                    display: '-webkit-box',
                    WebkitLineClamp: 2,
                    WebkitBoxOrient: 'vertical',
                    width: '100%',
                    textAlign: 'left',
                    background: 'none',
                    border: 0,
                    padding: '2px 0',
                    cursor: 'pointer',
                    fontSize: 14,
                    fontFamily: 'inherit',
                    lineHeight: 1.35,
                    overflow: 'hidden',
                    textDecoration: a.status === 'cancelled' ? 'line-through' : undefined,
                  }}
                >
                  <span
                    style={{
                      display: 'inline-block',
                      width: 8,
                      height: 8,
                      borderRadius: 4,
                      background: DOT[a.status],
                      marginInlineEnd: 4,
                    }}
                  />
                  {formatTime(a.startsAt)} {a.title}
                </button>
              ))}
          </div>
        ))}
      </div>
      {items.length === 0 && <Tag style={{ marginTop: 8 }}>{t(M.noneThisMonth)}</Tag>}
    </Card>
  );
}
