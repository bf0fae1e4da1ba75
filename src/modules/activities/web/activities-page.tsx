import { useEffect } from 'react';
import { Col, DatePicker, Segmented, Tag } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { EnvironmentOutlined } from '@ant-design/icons';
import { chinaMonth } from '../../../shared/china-time';
import { useAuth } from '../../../web/auth/auth-context';
import { ExportButton } from '../../../web/components/export-button';
import { FilterCard, FilterNode, FilterSearch, FilterSelect } from '../../../web/components/filter-card';
import { useListPage } from '../../../web/components/list-page';
import { NavButton, NewButton, PageHeader } from '../../../web/components/page-header';
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
import { ActivityCalendar } from './activity-calendar';
import { ActivityDetailDrawer } from './activity-detail-drawer';
import { ActivityFormDrawer } from './activity-form-drawer';
import { StatusTag, useThemes } from './activity-tags';
import { chinaSpan } from './activity-time';
import { M } from './activities.messages';
import { useActivityList } from './activities.queries';

// `new=1` opens the new-activity form at once (the workbench's quick action links here).
const KEYS = ['q', 'centreId', 'month', 'status', 'theme', 'view', 'open', 'new'] as const;

/** 活动与课堂: filters in the URL, a list or a month calendar, a drawer per activity, one form. */
export function ActivitiesPage() {
  const { t, label, isZh } = useI18n();
  useEffect(() => {
    dayjs.locale(isZh ? 'zh-cn' : 'en');
  }, [isZh]);
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
        <Col xs={12} sm={8} lg={4}>
          <DatePicker
            picker="month"
            style={{ width: '100%' }}
            aria-label={t(M.month)}
            placeholder={t(M.month)}
            value={month ? dayjs(`${month}-01`) : null}
            onChange={(d) => url.set({ month: d ? d.format('YYYY-MM') : null })}
            allowClear={!calendar}
          />
        </Col>
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
        <ActivityCalendar month={month!} list={list} onOpen={open} />
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
    </>
  );
}

/** 12/20 · 候补 3 */
export function PlacesText({ a }: { a: Pick<Activity, 'registered' | 'waitlisted' | 'capacity'> }) {
  const { t } = useI18n();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {a.capacity === null
        ? t(M.placesNoLimit, { r: a.registered })
        : t(M.placesOf, { r: a.registered, c: a.capacity })}
      {a.waitlisted > 0 && (
        <Tag color="orange" style={{ marginInlineStart: 6 }}>
          {t(M.waitlisted)} {a.waitlisted}
        </Tag>
      )}
    </span>
  );
}
