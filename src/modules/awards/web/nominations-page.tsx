import type { ColumnsType } from 'antd/es/table';
import { Col, Select } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { formatDate } from '../../../shared/china-time';
import { FilterCard, FilterSearch, FilterSelect } from '../../../web/components/filter-card';
import { useListPage } from '../../../web/components/list-page';
import { NavButton, PageHeader } from '../../../web/components/page-header';
import { PageTable } from '../../../web/components/page-table';
import { openColumn, orDash } from '../../../web/components/table-columns';
import { oneOf } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import { AWARD_KIND_LABELS, NOMINATION_STATUSES, NOMINATION_STATUS_LABELS, type Nomination } from '../awards.contract';
import { NominationStatusTag } from './award-tags';
import { M } from './awards.messages';
import { useNominationList, useSelectionList } from './awards.queries';
import { NominationDetailDrawer } from './nomination-detail-drawer';

const KEYS = ['q', 'selectionId', 'status', 'open'] as const;

/** 提名与审核: the nominations of the centres the user may read, filtered by selection and status; a drawer each. */
export function NominationsPage() {
  const { t, label } = useI18n();
  const page = useListPage(KEYS);
  const { url, f } = page;
  const status = oneOf(NOMINATION_STATUSES, f.status);
  const list = useNominationList({
    q: f.q,
    selectionId: f.selectionId,
    status,
    page: url.page,
    pageSize: url.pageSize,
  });
  const selections = useSelectionList({ page: 1, pageSize: 100 });
  const columns: ColumnsType<Nomination> = [
    openColumn<Nomination>(t(M.nominee), 'nomineeName', page.openRow),
    {
      title: t(M.selection),
      key: 'selection',
      render: (_: unknown, r) => `${r.year} ${label(AWARD_KIND_LABELS[r.kind])}`,
    },
    { title: t(M.centre), dataIndex: 'nodeName' },
    {
      title: t(M.status),
      dataIndex: 'status',
      render: (v: Nomination['status']) => <NominationStatusTag status={v} />,
    },
    { title: t(M.reviewScore), dataIndex: 'reviewScore', render: orDash },
    { title: t(M.submittedAt), dataIndex: 'submittedAt', render: (v: string | null) => (v ? formatDate(v) : '—') },
  ];
  return (
    <>
      <PageHeader
        title={t(M.nominationsTitle)}
        extra={<NavButton to="/awards" icon={<TrophyOutlined />} text={t(M.selectionsLink)} />}
      />
      <FilterCard onReset={url.reset}>
        <FilterSearch url={url} span={{ xs: 24, sm: 12, lg: 6 }} placeholder={t(M.searchNominee)} />
        <Col xs={24} sm={12} lg={7}>
          <Select
            value={f.selectionId}
            onChange={(v) => url.set({ selectionId: v })}
            allowClear
            placeholder={t(M.anySelection)}
            aria-label={t(M.selection)}
            style={{ width: '100%' }}
            options={(selections.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.year} ${s.title}（${s.ownerName}）`,
            }))}
          />
        </Col>
        <FilterSelect
          span={{ xs: 12, sm: 8, lg: 4 }}
          value={status}
          placeholder={t(M.anyStatus)}
          label={t(M.status)}
          onChange={(v) => url.set({ status: v })}
          options={NOMINATION_STATUSES.map((s) => ({ value: s, label: label(NOMINATION_STATUS_LABELS[s]) }))}
        />
      </FilterCard>
      <PageTable<Nomination> list={list} url={url} total={M.totalNominations} onOpen={page.openRow} columns={columns} />
      {f.open && <NominationDetailDrawer id={f.open} onClose={page.close} />}
    </>
  );
}
