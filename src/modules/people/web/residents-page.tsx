import { Button } from 'antd';
import { TagsOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { RESIDENT_ROLES } from '../../../shared/roles';
import { AGE_BAND_LABELS, AGE_BANDS, GENDER_LABELS, GENDERS, type Resident } from '../people.contract';
import { NewButton, PageHeader } from '../../../web/components/page-header';
import { oneOf, useUrlQuery } from '../../../web/components/use-url-query';
import { useListPage } from '../../../web/components/list-page';
import { useAuth } from '../../../web/auth/auth-context';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './people.messages';
import { useCountyTags, useResidentList } from './people.queries';
import { ResidentDetailDrawer } from './resident-detail-drawer';
import { ResidentFormDrawer } from './resident-form-drawer';
import { ResidentStatsCard } from './resident-stats-card';
import { useResidentColumns } from './resident-columns';
import { PageTable } from '../../../web/components/page-table';
import { FilterCard, FilterNode, FilterSearch, FilterSelect } from '../../../web/components/filter-card';
import { openColumn, orDash } from '../../../web/components/table-columns';

const KEYS = ['q', 'nodeId', 'tag', 'ageBand', 'gender', 'open'] as const;

/** A masked phone or ID number: figures of one width, so the rows line up. */
const digits = (v: string | null) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v ?? '—'}</span>;

/** 居民: the roster for resident keepers; counts only (no names) for leaders. */
export function ResidentsPage() {
  const { hasRole } = useAuth();
  return hasRole(RESIDENT_ROLES) ? <ResidentRoster /> : <ResidentCountsOnly />;
}

/** Leaders see how many residents of each group and age live where, never who. */
function ResidentCountsOnly() {
  const { t } = useI18n();
  const url = useUrlQuery(KEYS);
  return (
    <>
      <PageHeader title={t(M.title)} />
      <FilterCard>
        <FilterNode
          span={{ xs: 24, sm: 12, lg: 8 }}
          value={url.values.nodeId}
          onChange={(v) => url.set({ nodeId: v })}
          placeholder={t(M.anyNode)}
          label={t(M.filterNode)}
        />
      </FilterCard>
      <ResidentStatsCard nodeId={url.values.nodeId} />
    </>
  );
}

/** Filters in the URL, a server-paged roster with masked values, a drawer per person, one form. */
function ResidentRoster() {
  const { t, label } = useI18n();
  const { hasRole } = useAuth();
  const page = useListPage(KEYS);
  const { url, f } = page;
  const columns = useResidentColumns();
  const ageBand = oneOf(AGE_BANDS, f.ageBand);
  const gender = oneOf(GENDERS, f.gender);
  const list = useResidentList({
    q: f.q,
    nodeId: f.nodeId,
    tag: f.tag,
    ageBand,
    gender,
    page: url.page,
    pageSize: url.pageSize,
  });
  const tags = useCountyTags();

  return (
    <>
      <PageHeader
        title={t(M.title)}
        extra={
          <>
            {hasRole(['system_admin', 'county_admin']) && (
              <Link to="/residents/tags">
                <Button icon={<TagsOutlined />}>{t(M.tagSettings)}</Button>
              </Link>
            )}
            <NewButton onClick={page.create}>{t(M.newResident)}</NewButton>
          </>
        }
      />
      <FilterCard onReset={url.reset} resetSpan={{ xs: 12, sm: 4, lg: 2 }}>
        <FilterSearch url={url} span={{ xs: 24, sm: 12, lg: 7 }} placeholder={t(M.searchPlaceholder)} />
        <FilterNode
          span={{ xs: 24, sm: 12, lg: 5 }}
          value={f.nodeId}
          onChange={(v) => url.set({ nodeId: v })}
          placeholder={t(M.anyNode)}
          label={t(M.filterNode)}
        />
        <FilterSelect
          span={{ xs: 12, sm: 8, lg: 4 }}
          value={f.tag}
          placeholder={t(M.anyTag)}
          label={t(M.filterTag)}
          onChange={(v) => url.set({ tag: v })}
          options={tags.data?.tags.map((d) => ({ value: d.code, label: d.label })) ?? []}
        />
        <FilterSelect
          span={{ xs: 12, sm: 8, lg: 3 }}
          value={ageBand}
          placeholder={t(M.anyAge)}
          label={t(M.filterAge)}
          onChange={(v) => url.set({ ageBand: v })}
          options={AGE_BANDS.map((b) => ({ value: b, label: label(AGE_BAND_LABELS[b]) }))}
        />
        <FilterSelect
          span={{ xs: 12, sm: 4, lg: 3 }}
          value={gender}
          placeholder={t(M.anyGender)}
          label={t(M.filterGender)}
          onChange={(v) => url.set({ gender: v })}
          options={GENDERS.map((g) => ({ value: g, label: label(GENDER_LABELS[g]) }))}
          popupMatchSelectWidth
        />
      </FilterCard>
      <ResidentStatsCard
        nodeId={f.nodeId}
        onTag={(code) => url.set({ tag: code })}
        onAgeBand={(band) => url.set({ ageBand: band })}
      />
      <PageTable<Resident>
        list={list}
        url={url}
        total={M.totalResidents}
        onOpen={page.openRow}
        columns={[
          openColumn<Resident>(t(M.name), 'name', page.openRow, { wrap: true }),
          columns.gender,
          columns.age,
          { title: t(M.node), dataIndex: 'nodeName' },
          { title: t(M.building), dataIndex: 'building', render: orDash },
          { title: t(M.phone), dataIndex: 'phone', render: digits },
          { title: t(M.idNumber), dataIndex: 'idNumber', render: digits },
          columns.tags,
        ]}
      />
      {f.open && <ResidentDetailDrawer id={f.open} onClose={page.close} />}
      {page.creating && (
        <ResidentFormDrawer
          mode={{ kind: 'create', nodeId: f.nodeId }}
          onClose={page.cancelCreate}
          onSaved={page.created}
        />
      )}
    </>
  );
}
