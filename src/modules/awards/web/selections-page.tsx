import type { ColumnsType } from 'antd/es/table';
import { FileDoneOutlined } from '@ant-design/icons';
import { chinaYear } from '../../../shared/china-time';
import { useAuth } from '../../../web/auth/auth-context';
import { FilterCard, FilterSelect } from '../../../web/components/filter-card';
import { useListPage } from '../../../web/components/list-page';
import { NavButton, NewButton, PageHeader } from '../../../web/components/page-header';
import { PageTable } from '../../../web/components/page-table';
import { openColumn } from '../../../web/components/table-columns';
import { oneOf } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import {
  AWARD_KINDS,
  AWARD_KIND_LABELS,
  QUOTA_SCOPE_LABELS,
  SELECTION_STATUSES,
  SELECTION_STATUS_LABELS,
  type Selection,
} from '../awards.contract';
import { SELECTION_KEEPER_ROLES } from '../awards.policy';
import { SelectionStatusTag } from './award-tags';
import { M } from './awards.messages';
import { useSelectionList } from './awards.queries';
import { SelectionDetailDrawer } from './selection-detail-drawer';
import { SelectionFormDrawer } from './selection-form-drawer';

const KEYS = ['year', 'kind', 'status', 'open'] as const;
const YEARS = () => Array.from({ length: 4 }, (_, i) => String(chinaYear() + 1 - i));

/** 评选表彰: the selections the user may read, a drawer per selection, one form. */
export function SelectionsPage() {
  const { t, label } = useI18n();
  const { hasRole } = useAuth();
  const page = useListPage(KEYS);
  const { url, f } = page;
  const kind = oneOf(AWARD_KINDS, f.kind);
  const status = oneOf(SELECTION_STATUSES, f.status);
  const year = oneOf(YEARS(), f.year);
  const list = useSelectionList({
    year: year ? Number(year) : undefined,
    kind,
    status,
    page: url.page,
    pageSize: url.pageSize,
  });
  const columns: ColumnsType<Selection> = [
    openColumn<Selection>(t(M.title), 'title', page.openRow),
    { title: t(M.year), dataIndex: 'year' },
    { title: t(M.kind), dataIndex: 'kind', render: (v: Selection['kind']) => label(AWARD_KIND_LABELS[v]) },
    { title: t(M.owner), dataIndex: 'ownerName' },
    { title: t(M.window), key: 'window', render: (_: unknown, r) => `${r.nominateFrom} ~ ${r.nominateUntil}` },
    {
      title: t(M.quota),
      key: 'quota',
      render: (_: unknown, r) => t(M.quotaText, { scope: label(QUOTA_SCOPE_LABELS[r.quotaScope]), n: r.quota }),
    },
    { title: t(M.status), dataIndex: 'status', render: (v: Selection['status']) => <SelectionStatusTag status={v} /> },
  ];
  return (
    <>
      <PageHeader
        title={t(M.selectionsTitle)}
        extra={
          <>
            <NavButton to="/awards/nominations" icon={<FileDoneOutlined />} text={t(M.nominationsLink)} />
            {hasRole(SELECTION_KEEPER_ROLES) && <NewButton onClick={page.create}>{t(M.newSelection)}</NewButton>}
          </>
        }
      />
      <FilterCard onReset={url.reset}>
        <FilterSelect
          span={{ xs: 12, sm: 8, lg: 4 }}
          value={year}
          placeholder={t(M.anyYear)}
          label={t(M.year)}
          onChange={(v) => url.set({ year: v })}
          options={YEARS().map((y) => ({ value: y, label: y }))}
        />
        <FilterSelect
          span={{ xs: 12, sm: 8, lg: 5 }}
          value={kind}
          placeholder={t(M.anyKind)}
          label={t(M.kind)}
          onChange={(v) => url.set({ kind: v })}
          options={AWARD_KINDS.map((k) => ({ value: k, label: label(AWARD_KIND_LABELS[k]) }))}
        />
        <FilterSelect
          span={{ xs: 12, sm: 8, lg: 4 }}
          value={status}
          placeholder={t(M.anyStatus)}
          label={t(M.status)}
          onChange={(v) => url.set({ status: v })}
          options={SELECTION_STATUSES.map((s) => ({ value: s, label: label(SELECTION_STATUS_LABELS[s]) }))}
        />
      </FilterCard>
      <PageTable<Selection> list={list} url={url} total={M.totalSelections} onOpen={page.openRow} columns={columns} />
      {f.open && <SelectionDetailDrawer id={f.open} onClose={page.close} />}
      {page.creating && (
        <SelectionFormDrawer mode={{ kind: 'create' }} onClose={page.cancelCreate} onSaved={page.created} />
      )}
    </>
  );
}
