import { Col } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { BarChartOutlined } from '@ant-design/icons';
import { DEFAULT_THEMES, THEME_LABELS, type ThemeKey } from '../../../shared/themes';
import { ExportButton } from '../../../web/components/export-button';
import { NavButton, NewButton, PageHeader } from '../../../web/components/page-header';
import { oneOf } from '../../../web/components/use-url-query';
import { useListPage } from '../../../web/components/list-page';
import { useI18n } from '../../../web/i18n/i18n';
import {
  TEACHER_CATEGORIES,
  TEACHER_CATEGORY_LABELS,
  TEACHER_STATUSES,
  TEACHER_STATUS_LABELS,
  type Teacher,
  type TeacherCategory,
  type TeacherStatus,
  teachersApi,
} from '../teachers.contract';
import { BankSelect } from './bank-select';
import { CategoryTag, TeacherStatusTag, ThemeTags } from './teacher-tags';
import { TeacherDetailDrawer } from './teacher-detail-drawer';
import { TeacherFormDrawer } from './teacher-form-drawer';
import { M } from './teachers.messages';
import { useBanks, useTeacherList } from './teachers.queries';
import { FilterCard, FilterSearch, FilterSelect } from '../../../web/components/filter-card';
import { PageTable } from '../../../web/components/page-table';
import { openColumn, orDash } from '../../../web/components/table-columns';

const KEYS = ['q', 'bankNodeId', 'category', 'status', 'speciality', 'open'] as const;

/** 师资库: the banks the user may read, filters in the URL, a drawer per teacher, one form. */
export function TeachersPage() {
  const { t, label } = useI18n();
  const page = useListPage(KEYS);
  const { url, f } = page;
  const category = oneOf(TEACHER_CATEGORIES, f.category);
  const status = oneOf(TEACHER_STATUSES, f.status);
  const speciality = oneOf(DEFAULT_THEMES, f.speciality);
  const filters = { q: f.q, bankNodeId: f.bankNodeId, category, status, speciality };
  const list = useTeacherList({ ...filters, page: url.page, pageSize: url.pageSize });
  const banks = useBanks();
  const canCreate = !!banks.data?.some((b) => b.canKeep);

  const columns: ColumnsType<Teacher> = [
    openColumn<Teacher>(t(M.name), 'name', page.openRow),
    { title: t(M.category), dataIndex: 'category', render: (v: TeacherCategory) => <CategoryTag category={v} /> },
    { title: t(M.status), dataIndex: 'status', render: (v: TeacherStatus) => <TeacherStatusTag status={v} /> },
    { title: t(M.specialities), dataIndex: 'specialities', render: (v: ThemeKey[]) => <ThemeTags themes={v} /> },
    {
      title: t(M.bank),
      key: 'bank',
      render: (_: unknown, r) => t(r.bankLevel === 'town' ? M.townBank : M.centreBank, { name: r.bankNodeName }),
    },
    { title: t(M.phone), dataIndex: 'phone', render: orDash },
    { title: t(M.feeEligible), dataIndex: 'feeEligible', render: (v: boolean) => t(v ? M.feeYes : M.feeNo) },
  ];
  return (
    <>
      <PageHeader
        title={t(M.title)}
        extra={
          <>
            <NavButton to="/staffing" icon={<BarChartOutlined />} text={t(M.staffingLink)} />
            <ExportButton endpoint={teachersApi.export} input={{ query: filters }} fileName="teachers.xlsx" />
            {canCreate && <NewButton onClick={page.create}>{t(M.newTeacher)}</NewButton>}
          </>
        }
      />
      <FilterCard onReset={url.reset}>
        <FilterSearch url={url} span={{ xs: 24, sm: 12, lg: 6 }} placeholder={t(M.searchPlaceholder)} />
        <Col xs={24} sm={12} lg={5}>
          <BankSelect
            value={f.bankNodeId}
            onChange={(v) => url.set({ bankNodeId: v })}
            allowClear
            placeholder={t(M.anyBank)}
            aria-label={t(M.filterBank)}
          />
        </Col>
        <FilterSelect
          span={{ xs: 12, sm: 8, lg: 3 }}
          value={category}
          placeholder={t(M.anyCategory)}
          label={t(M.category)}
          onChange={(v) => url.set({ category: v })}
          options={TEACHER_CATEGORIES.map((c) => ({ value: c, label: label(TEACHER_CATEGORY_LABELS[c]) }))}
        />
        <FilterSelect
          span={{ xs: 12, sm: 8, lg: 3 }}
          value={status}
          placeholder={t(M.anyStatus)}
          label={t(M.status)}
          onChange={(v) => url.set({ status: v })}
          options={TEACHER_STATUSES.map((s) => ({ value: s, label: label(TEACHER_STATUS_LABELS[s]) }))}
        />
        <FilterSelect
          span={{ xs: 24, sm: 8, lg: 4 }}
          value={speciality}
          placeholder={t(M.anySpeciality)}
          label={t(M.specialities)}
          onChange={(v) => url.set({ speciality: v })}
          options={DEFAULT_THEMES.map((k) => ({ value: k, label: label(THEME_LABELS[k]) }))}
        />
      </FilterCard>
      <PageTable<Teacher> list={list} url={url} total={M.totalTeachers} onOpen={page.openRow} columns={columns} />
      {f.open && <TeacherDetailDrawer id={f.open} onClose={page.close} />}
      {page.creating && (
        <TeacherFormDrawer
          mode={{ kind: 'create', bankNodeId: f.bankNodeId }}
          onClose={page.cancelCreate}
          onSaved={page.created}
        />
      )}
    </>
  );
}
