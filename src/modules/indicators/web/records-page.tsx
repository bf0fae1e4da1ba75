import { Alert, Breadcrumb, Button, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { chinaYear } from '../../../shared/china-time';
import { THEME_LABELS, type ThemeKey } from '../../../shared/themes';
import { urlOf } from '../../../web/api/client';
import { formatDateTime } from '../../../web/components/format';
import { PageHeader } from '../../../web/components/page-header';
import { PageTable } from '../../../web/components/page-table';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import {
  indicatorsApi,
  RECORD_MEASURES,
  type RecordsQuery,
  type Records,
  type RecordMeasure,
  type RecordResident,
} from '../indicators.contract';
import { MEASURE_DEFS } from '../indicators.measures';
import { M } from './indicators.messages';
import { useRecords } from './indicators.queries';

const KEYS = ['nodeId', 'measure', 'year', 'month', 'tag'] as const;
type Activity = Records['activities'][number];
/** The whole list, not the page on screen. */
const exportQuery = ({ page: _p, pageSize: _s, ...q }: RecordsQuery) => q;

/**
 * 明细 (/indicators/records?nodeId&measure&year&month): the records behind one value of the
 * indicators — its activities, or the residents who took part (names as the user may read
 * them; a count alone otherwise). The workbench and the dashboards link to exactly this address.
 */
export function RecordsPage() {
  const { t, label, locale } = useI18n();
  const url = useUrlQuery(KEYS);
  const f = url.values;
  const measure = (RECORD_MEASURES as readonly string[]).includes(f.measure ?? '')
    ? (f.measure as RecordMeasure)
    : 'participants';
  const year = Number(f.year) || chinaYear();
  const month = Number(f.month) || undefined;
  const query = f.nodeId
    ? { nodeId: f.nodeId, measure, year, month, tag: f.tag, page: url.page, pageSize: url.pageSize }
    : null;
  const acts = useRecords<Activity>(query, (r) => r.activities as Activity[]);
  const people = useRecords<RecordResident>(query, (r) => r.residents as RecordResident[]);
  const r = acts.data;
  const what =
    measure === 'special_group'
      ? t(M.specialGroup, { label: r?.tagLabel ?? f.tag ?? '' })
      : label(MEASURE_DEFS[measure as Exclude<RecordMeasure, 'special_group'>].label);
  const when = month ? t(M.monthOf, { year, month }) : t(M.wholeYearOf, { year });
  const back = `/indicators?${new URLSearchParams({ nodeId: f.nodeId ?? '', year: String(year), month: month ? String(month) : 'all' })}`;
  const num = (n: number) => n.toLocaleString(locale);
  // Either list of the drill-down: its page in the URL, one empty text.
  const table = { url, empty: M.recordsEmpty };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8, fontSize: 15 }}
        items={[{ title: <Link to={back}>{t(M.title)}</Link> }, { title: t(M.recordsOf, { measure: what }) }]}
      />
      <PageHeader
        title={t(M.recordsOf, { measure: what })}
        extra={
          query && (
            <Button
              size="large"
              icon={<DownloadOutlined />}
              href={urlOf(indicatorsApi.recordsExport, { query: exportQuery(query) })}
            >
              {t(M.exportOne)}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 16 }}>
          {[r?.node.name, when].filter(Boolean).join(' · ')}
        </Typography.Paragraph>
      </PageHeader>
      {r && r.kind === 'residents' && !r.namesShown ? (
        <Alert type="info" showIcon style={{ fontSize: 16 }} title={t(M.countOnly, { n: num(r.total) })} />
      ) : r?.kind === 'residents' ? (
        <PageTable<RecordResident>
          list={people}
          total={M.recordsTotalResidents}
          {...table}
          columns={[
            { title: t(M.colName), dataIndex: 'name' },
            { title: t(M.colVillage), dataIndex: 'villageName' },
            { title: t(M.colTimes), dataIndex: 'times', align: 'right' },
            { title: t(M.colHours), dataIndex: 'hours', align: 'right', render: (h: number | null) => h ?? '—' },
          ]}
        />
      ) : (
        <PageTable<Activity>
          list={acts}
          total={M.recordsTotalActivities}
          {...table}
          columns={[
            { title: t(M.colTitle), dataIndex: 'title' },
            { title: t(M.colDate), dataIndex: 'startsAt', render: (v: string) => formatDateTime(v) },
            { title: t(M.colCentre), dataIndex: 'centreName' },
            {
              title: t(M.colTheme),
              dataIndex: 'theme',
              render: (v: string) => (THEME_LABELS[v as ThemeKey] ? label(THEME_LABELS[v as ThemeKey]) : v),
            },
            {
              title: t(M.colStatus),
              dataIndex: 'status',
              render: (v: string) => (v === 'done' ? t(M.statusDone) : t(M.statusOpen)),
            },
            { title: t(M.colPersonTimes), dataIndex: 'personTimes', align: 'right' },
            { title: t(M.colHours), dataIndex: 'hours', align: 'right' },
          ]}
        />
      )}
    </>
  );
}
