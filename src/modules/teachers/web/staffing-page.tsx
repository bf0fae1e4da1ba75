import { useState } from 'react';
import { Button, Card, Col, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { FilterCard, FilterSelect } from '../../../web/components/filter-card';
import { PageHeader } from '../../../web/components/page-header';
import { PageTable } from '../../../web/components/page-table';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import type { CentreStaffing, Norm } from '../staffing.contract';
import { NormModal } from './norm-modal';
import { M } from './teachers.messages';
import { useStaffing } from './teachers.queries';

const KEYS = ['nodeId', 'met'] as const;

/** 师资配备: every centre in reach, its active full-time and part-time people, met or not and why. */
export function StaffingPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const url = useUrlQuery(KEYS);
  const met = url.values.met === 'true' || url.values.met === 'false' ? url.values.met : undefined;
  const q = useStaffing({ nodeId: url.values.nodeId, met, page: url.page, pageSize: url.pageSize });
  const [editing, setEditing] = useState<Norm | null>(null);

  const columns: ColumnsType<CentreStaffing> = [
    { title: t(M.centre), dataIndex: 'name' },
    { title: t(M.town), dataIndex: 'townName', render: (v: string | null) => v ?? '—' },
    { title: t(M.fullTime), dataIndex: 'fullTime', align: 'right' },
    { title: t(M.partTime), dataIndex: 'partTime', align: 'right' },
    {
      title: t(M.result),
      key: 'met',
      render: (_: unknown, r) => (
        <div>
          <Tag color={r.met ? 'green' : 'red'}>{t(r.met ? M.met : M.notMet)}</Tag>
          {r.shortfalls.map((s) => (
            <div key={s.kind} style={{ color: '#a8071a', fontSize: 14 }}>
              {t(M[`short_${s.kind}`], { actual: s.actual, limit: s.limit })}
            </div>
          ))}
        </div>
      ),
    },
    {
      title: '',
      key: 'go',
      render: (_: unknown, r) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => navigate(`/teachers?bankNodeId=${r.nodeId}`)}>
          {t(M.viewBank)}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t(M.staffingTitle)} help={t(M.staffingIntro)} />
      {q.data?.norms.map((n) => (
        <Card key={n.countyId} size="small" style={{ marginBottom: 12 }}>
          <div
            style={{
              display: 'flex',
              flexWrap: 'wrap',
              gap: 12,
              alignItems: 'center',
              justifyContent: 'space-between',
            }}
          >
            <span style={{ fontSize: 16 }}>
              <strong>
                {n.countyName} · {t(M.norm)}：
              </strong>
              {t(M.normText, { ft: n.fullTimeMin, ptMin: n.partTimeMin, ptMax: n.partTimeMax })}
            </span>
            {n.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(n)}>
                {t(M.editNorm)}
              </Button>
            )}
          </div>
        </Card>
      ))}
      <FilterCard
        onReset={() => url.reset()}
        resetSpan={{ xs: 12, sm: 4, lg: 3 }}
        after={
          q.data && (
            <Col xs={24} lg={10} style={{ fontSize: 16 }}>
              {t(M.metSummary, { centres: q.data.summary.centres, met: q.data.summary.met })}
            </Col>
          )
        }
      >
        <Col xs={24} sm={10} lg={7}>
          <NodeTreeSelect
            value={url.values.nodeId}
            onChange={(v) => url.set({ nodeId: v })}
            allowClear
            placeholder={t(M.town)}
            aria-label={t(M.town)}
          />
        </Col>
        <FilterSelect
          span={{ xs: 12, sm: 6, lg: 4 }}
          value={met}
          placeholder={t(M.result)}
          label={t(M.result)}
          onChange={(v) => url.set({ met: v })}
          options={[
            { value: 'true' as const, label: t(M.met) },
            { value: 'false' as const, label: t(M.notMet) },
          ]}
        />
      </FilterCard>
      <PageTable<CentreStaffing> list={q} url={url} rowKey="nodeId" total={APP.total} columns={columns} />
      {editing && <NormModal norm={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
