import { lazy, Suspense } from 'react';
import { Segmented, Tag } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { chinaMonth } from '../../../shared/china-time';
import { useAuth } from '../../../web/auth/auth-context';
import { ExportButton } from '../../../web/components/export-button';
import { FilterCard, FilterNode, FilterSearch, FilterSelect } from '../../../web/components/filter-card';
import { useListPage } from '../../../web/components/list-page';
import { NavButton, NewButton, PageHeader } from '../../../web/components/page-header';
import { PageLoading } from '../../../web/components/page-loading';
import { PageTable } from '../../../web/components/page-table';
import { openColumn } from '../../../web/components/table-columns';
import { oneOf } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import {
  ACTIVITY_STATUSES,
  ACTIVITY_STATUS_LABELS,
  activitiesApi,
  type Activity,
  type ActivityStatus,
} from '../activities.contract';
import { ACTIVITY_KEEPER_ROLES } from '../activities.policy';
import { PlacesText, StatusTag, useThemes } from './activity-tags';
import { chinaSpan } from './activity-time';
import { M } from './activities.messages';
import { useActivityList } from './activities.queries';

// The month calendar, the activity's drawer and the form load when first shown: the list (what a
// village connection must show first) does not wait for them.
const ActivityCalendar = lazy(() => import('./activity-calendar').then((m) => ({ default: m.ActivityCalendar })));
const ActivityDetailDrawer = lazy(() =>
  import('./activity-detail-drawer').then((m) => ({ default: m.ActivityDetailDrawer })),
);
const ActivityFormDrawer = lazy(() =>
  import('./activity-form-drawer').then((m) => ({ default: m.ActivityFormDrawer })),
);

// `new=1` opens the new-activity form at once (the workbench's quick action links here).
const KEYS = ['q', 'centreId', 'month', 'status', 'theme', 'view', 'open', 'new'] as const;

/** 活动与课堂: filters in the URL, a list or a month calendar, a drawer per activity, one form. */
export function ActivitiesPage() {
  const { t, label, isZh } = useI18n();
  const { hasRole } = useAuth();
  const page = useListPage(KEYS);
  const { url, f, open } = page;
  const themes = useThemes();
  const calendar = f.view === 'calendar';
  const month = calendar ? (f.month ?? chinaMonth()) : f.month;
  const status = oneOf(ACTIVITY_STATUSES, f.status);
  const list = useActivityList({
    q: f.q,
    centreId: f.centreId,
    month,
    status,
    theme: f.theme,
    page: calendar ? 1 : url.page,
    pageSize: calendar ? 200 : url.pageSize,
  });
  const canCreate = hasRole(ACTIVITY_KEEPER_ROLES);

  return (
    <>
      <PageHeader
        title={t(M.title)}
        extra={
          <>
            <NavButton to="/venues" icon={<EnvironmentOutlined />} text={t(M.venuesLink)} />
            <ExportButton
              endpoint={activitiesApi.export}
              input={{ query: { q: f.q, centreId: f.centreId, month, status, theme: f.theme } }}
              fileName="activities.xlsx"
            />
            {canCreate && <NewButton onClick={page.create}>{t(M.newActivity)}</NewButton>}
          </>
        }
      />
      <FilterCard onReset={url.reset} resetSpan={{ xs: 24, sm: 24, lg: 3 }}>
        <FilterSearch url={url} span={{ xs: 24, sm: 12, lg: 5 }} placeholder={t(M.searchPlaceholder)} />
        <FilterNode
          span={{ xs: 24, sm: 12, lg: 5 }}
          value={f.centreId}
          onChange={(v) => url.set({ centreId: v })}
          placeholder={t(M.anyCentre)}
          label={t(M.centre)}
          selectable={(n) => n.level !== 'unit'}
        />
        <FilterSelect<string>
          span={{ xs: 12, sm: 8, lg: 4 }}
          value={month}
          onChange={(v) => url.set({ month: v ?? null })}
          placeholder={t(M.month)}
          label={t(M.month)}
          allowClear={!calendar}
          options={monthOptions(month, isZh)}
        />
        <FilterSelect<ActivityStatus>
          span={{ xs: 12, sm: 8, lg: 3 }}
          value={status}
          onChange={(v) => url.set({ status: v })}
          placeholder={t(M.anyStatus)}
          label={t(M.status)}
          options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: label(ACTIVITY_STATUS_LABELS[s]) }))}
        />
        <FilterSelect<string>
          span={{ xs: 24, sm: 8, lg: 4 }}
          value={f.theme}
          onChange={(v) => url.set({ theme: v })}
          placeholder={t(M.anyTheme)}
          label={t(M.theme)}
          options={themes.options}
        />
      </FilterCard>
      <Segmented
        size="large"
        style={{ marginBottom: 12 }}
        value={calendar ? 'calendar' : 'list'}
        onChange={(v) =>
          url.set({
            view: v === 'calendar' ? 'calendar' : null,
            month: v === 'calendar' ? (month ?? chinaMonth()) : f.month,
          })
        }
        options={[
          { value: 'list', label: t(M.listView) },
          { value: 'calendar', label: t(M.calendarView) },
        ]}
      />
      {calendar ? (
        <Suspense fallback={<PageLoading />}>
          <ActivityCalendar month={month!} list={list} onOpen={open} />
        </Suspense>
      ) : (
        <PageTable<Activity>
          list={list}
          url={url}
          total={M.total}
          onOpen={page.openRow}
          columns={[
            openColumn<Activity>(t(M.titleField), 'title', page.openRow, { wrap: true }),
            {
              title: t(M.when),
              key: 'when',
              render: (_: unknown, r) => (
                <span style={{ whiteSpace: 'nowrap' }}>{chinaSpan(r.startsAt, r.endsAt)}</span>
              ),
            },
            { title: t(M.status), dataIndex: 'status', render: (v: ActivityStatus) => <StatusTag status={v} /> },
            { title: t(M.centre), dataIndex: 'centreName' },
            { title: t(M.theme), dataIndex: 'theme', render: (v: string) => <Tag>{themes.name(v)}</Tag> },
            { title: t(M.venue), key: 'venue', render: (_: unknown, r) => r.venueName ?? r.place ?? '—' },
            { title: t(M.places), key: 'places', render: (_: unknown, r) => <PlacesText a={r} /> },
          ]}
        />
      )}
      <Suspense fallback={null}>
        {f.open && <ActivityDetailDrawer id={f.open} onClose={page.close} onOpen={open} />}
        {canCreate && (page.creating || f.new === '1') && (
          <ActivityFormDrawer
            mode={{ kind: 'create', centreId: f.centreId }}
            onClose={() => {
              page.cancelCreate();
              url.set({ new: null });
            }}
            onSaved={(id) => {
              page.cancelCreate();
              url.set({ new: null, open: id });
            }}
          />
        )}
      </Suspense>
    </>
  );
}

/**
 * The month filter's choices: half a year ahead down to two years back, newest first (a plain
 * list, not a date picker: the list page does not load the picker; a month from the URL outside
 * the range is kept as a choice).
 */
function monthOptions(chosen: string | undefined, isZh: boolean) {
  const [y, m] = chinaMonth().split('-').map(Number);
  const months = Array.from({ length: 31 }, (_, i) => {
    const at = y * 12 + (m - 1) + 6 - i;
    return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
  });
  if (chosen && !months.includes(chosen)) months.push(chosen);
  return months.map((v) => ({ value: v, label: isZh ? `${v.slice(0, 4)}年${Number(v.slice(5))}月` : v }));
}
