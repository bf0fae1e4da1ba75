import { useState } from 'react';
import { Badge, Button, Checkbox, Col, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SettingOutlined, TagsOutlined } from '@ant-design/icons';
import { useAuth } from '../../../web/auth/auth-context';
import { FilterCard, FilterSearch, FilterSelect } from '../../../web/components/filter-card';
import { useListPage } from '../../../web/components/list-page';
import { NavButton, NewButton, PageHeader } from '../../../web/components/page-header';
import { PageTable } from '../../../web/components/page-table';
import { OpenLink, orDash } from '../../../web/components/table-columns';
import { oneOf } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import { useThemes } from '../../themes/web';
import { COURSE_EDITOR_ROLES, COURSE_REVIEWER_ROLES } from '../courses.policy';
import {
  COURSE_FORM_LABELS,
  COURSE_STATUSES,
  COURSE_STATUS_LABELS,
  type Course,
  type CourseForm,
  type CourseStatus,
} from '../courses.contract';
import { CourseDetailDrawer } from './course-detail-drawer';
import { CourseFormDrawer } from './course-form-drawer';
import { CourseStatusTag, FeaturedTag } from './course-tags';
import { M } from './courses.messages';
import { useCourseList } from './courses.queries';
import { FeaturedRulesModal } from './featured-rules-modal';

const KEYS = ['view', 'q', 'theme', 'status', 'townId', 'featured', 'open'] as const;

/** 课程: every course the user may read, a 待审核 tab for reviewers, filters in the URL, a drawer per course. */
export function CoursesPage() {
  const { t, label, isZh } = useI18n();
  const { hasRole } = useAuth();
  const page = useListPage(KEYS);
  const { url, f } = page;
  const reviewer = hasRole(COURSE_REVIEWER_ROLES);
  const review = reviewer && f.view === 'review';
  const status = oneOf(COURSE_STATUSES, f.status);
  const list = useCourseList({
    q: f.q,
    theme: f.theme,
    status: review ? undefined : status,
    townId: f.townId,
    featured: f.featured === 'true' ? 'true' : undefined,
    toReview: review ? 'true' : undefined,
    page: url.page,
    pageSize: url.pageSize,
  });
  const pending = useCourseList({ toReview: 'true', page: 1, pageSize: 1 }, reviewer);
  const themes = useThemes();
  const tree = useOrgTree();
  const towns = (tree.data?.nodes ?? []).filter((n) => n.level === 'town');
  const [rules, setRules] = useState(false);

  const columns: ColumnsType<Course> = [
    {
      title: t(M.courseTitle),
      dataIndex: 'title',
      render: (v: string, r) => (
        <div style={{ minWidth: 160, maxWidth: 280, whiteSpace: 'normal' }}>
          <OpenLink wrap style={{ fontSize: 16 }} onOpen={() => page.open(r.id)}>
            {v}
          </OpenLink>
          {r.featured && (
            <div>
              <FeaturedTag centre={r.featuredCentreName} />
            </div>
          )}
        </div>
      ),
    },
    { title: t(M.status), dataIndex: 'status', render: (v: CourseStatus) => <CourseStatusTag status={v} /> },
    { title: t(M.theme), key: 'theme', render: (_: unknown, r) => (isZh ? r.themeName : r.themeNameEn) },
    { title: t(M.form), dataIndex: 'form', render: (v: CourseForm) => label(COURSE_FORM_LABELS[v]) },
    { title: t(M.owner), dataIndex: 'nodeName' },
    { title: t(M.town), dataIndex: 'townName', render: (v: string | null) => v ?? t(M.countyLevel) },
    { title: t(M.firstSessionDate), dataIndex: 'firstSessionDate', render: orDash },
    { title: t(M.hours), dataIndex: 'hours' },
  ];
  return (
    <>
      <PageHeader
        title={t(M.title)}
        extra={
          <>
            <NavButton to="/courses/themes" icon={<TagsOutlined />} text={t(M.themesLink)} />
            {reviewer && towns.length > 0 && (
              <Button icon={<SettingOutlined />} onClick={() => setRules(true)}>
                {t(M.featuredRules)}
              </Button>
            )}
            {hasRole(COURSE_EDITOR_ROLES) && <NewButton onClick={page.create}>{t(M.newCourse)}</NewButton>}
          </>
        }
      />
      {reviewer && (
        <Tabs
          activeKey={review ? 'review' : 'all'}
          onChange={(k) => url.set({ view: k === 'review' ? 'review' : null, status: null })}
          size="large"
          items={[
            { key: 'all', label: t(M.tabAll) },
            {
              key: 'review',
              label: (
                <Badge count={pending.data?.total ?? 0} offset={[10, -2]}>
                  {t(M.tabReview)}
                </Badge>
              ),
            },
          ]}
        />
      )}
      <FilterCard onReset={url.reset} resetSpan={{ xs: 24, sm: 6, lg: 3 }}>
        <FilterSearch url={url} span={{ xs: 24, sm: 12, lg: 6 }} placeholder={t(M.searchPlaceholder)} />
        <FilterSelect<string>
          span={{ xs: 12, sm: 6, lg: 4 }}
          value={f.theme}
          onChange={(v) => url.set({ theme: v })}
          placeholder={t(M.anyTheme)}
          label={t(M.theme)}
          options={(themes.data?.themes ?? []).map((x) => ({ value: x.key, label: isZh ? x.nameZh : x.nameEn }))}
        />
        {!review && (
          <FilterSelect<CourseStatus>
            span={{ xs: 12, sm: 6, lg: 3 }}
            value={status}
            onChange={(v) => url.set({ status: v })}
            placeholder={t(M.anyStatus)}
            label={t(M.status)}
            options={COURSE_STATUSES.map((s) => ({ value: s, label: label(COURSE_STATUS_LABELS[s]) }))}
          />
        )}
        {towns.length > 1 && (
          <FilterSelect<string>
            span={{ xs: 12, sm: 6, lg: 4 }}
            value={f.townId}
            onChange={(v) => url.set({ townId: v })}
            placeholder={t(M.anyTown)}
            label={t(M.town)}
            options={towns.map((n) => ({ value: n.id, label: n.name }))}
          />
        )}
        <Col xs={12} sm={6} lg={4} style={{ whiteSpace: 'nowrap' }}>
          <Checkbox
            checked={f.featured === 'true'}
            onChange={(e) => url.set({ featured: e.target.checked ? 'true' : null })}
          >
            {t(M.onlyFeatured)}
          </Checkbox>
        </Col>
      </FilterCard>
      <PageTable<Course>
        list={list}
        url={url}
        total={M.totalCourses}
        onOpen={page.openRow}
        empty={review ? M.noReview : undefined}
        columns={columns}
      />
      {f.open && <CourseDetailDrawer id={f.open} onClose={page.close} />}
      {page.creating && <CourseFormDrawer onClose={page.cancelCreate} onSaved={page.created} />}
      {rules && <FeaturedRulesModal towns={towns} onClose={() => setRules(false)} />}
    </>
  );
}
