import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import { PageTable } from '../../../web/components/page-table';
import { useI18n } from '../../../web/i18n/i18n';
import type { VersusRow } from '../plans.contract';
import { activitiesOf } from './plan-tab';
import { M } from './plans.messages';
import { useVersus } from './plans.queries';

type Paging = { page: number; pageSize: number; set: (patch: { page: number; pageSize: number }) => void };
const BG = { met: '#e3f4e8', missed: '#fde4e4', pending: '#f2f4f3' };

/** Every centre × month: held/planned, and the at-least-2 rule met (green) or missed (red). */
export function VersusTab({ year, nodeId, url }: { year: number; nodeId?: string; url: Paging }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useVersus({ year, nodeId, page: url.page, pageSize: url.pageSize });
  const months = Array.from({ length: 12 }, (_, i) => i);
  const columns: ColumnsType<VersusRow> = [
    {
      title: t(M.centre),
      key: 'c',
      fixed: 'left',
      render: (_: unknown, r) => (
        <div style={{ minWidth: 84 }}>
          <div style={{ fontWeight: 600 }}>{r.centreName}</div>
          <div style={{ fontSize: 12, color: '#5b6b63' }}>{r.townName}</div>
        </div>
      ),
    },
    ...months.map((i) => ({
      title: t(M.monthShort, { m: i + 1 }),
      key: `m${i}`,
      align: 'center' as const,
      onCell: (r: VersusRow) => ({
        style: {
          background: BG[r.months[i].met === true ? 'met' : r.months[i].met === false ? 'missed' : 'pending'],
          cursor: 'pointer',
        },
        onClick: () => navigate(activitiesOf(r.id, year, i + 1)),
      }),
      render: (_: unknown, r: VersusRow) => {
        const c = r.months[i];
        return (
          <span
            title={t(M.cellTitle, { a: c.actual, p: c.planned })}
            style={{
              whiteSpace: 'nowrap',
              fontWeight: c.met === false ? 600 : undefined,
              color: c.met === false ? '#b42318' : undefined,
            }}
          >
            {c.actual}/{c.planned}
          </span>
        );
      },
    })),
    {
      title: t(M.monthsMet),
      dataIndex: 'monthsMet',
      align: 'center',
      render: (v: number) => <Tag color="green">{v}</Tag>,
    },
    {
      title: t(M.monthsMissed),
      dataIndex: 'monthsMissed',
      align: 'center',
      render: (v: number) => <Tag color={v ? 'red' : 'default'}>{v}</Tag>,
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t(M.ruleHint, { n: q.data?.min ?? 2 })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t(M.legend)}</Typography.Paragraph>
      <PageTable<VersusRow> list={q} url={url} size="small" total={M.totalCentres} columns={columns} />
    </>
  );
}
