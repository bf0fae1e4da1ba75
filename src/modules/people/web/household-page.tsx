import { useState } from 'react';
import { Button, Card, Descriptions } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { RELATION_LABELS, type HouseholdDetail, type Resident } from '../people.contract';
import { NewButton, PageHeader } from '../../../web/components/page-header';
import { QueryView } from '../../../web/components/query-view';
import { useListPage } from '../../../web/components/list-page';
import { openColumn, orDash } from '../../../web/components/table-columns';
import { useI18n } from '../../../web/i18n/i18n';
import { HouseholdFormModal } from './household-form-modal';
import { M } from './people.messages';
import { useHousehold } from './people.queries';
import { ResidentDetailDrawer } from './resident-detail-drawer';
import { ResidentFormDrawer } from './resident-form-drawer';
import { useResidentColumns } from './resident-columns';
import { WholeTable } from '../../../web/components/page-table';

const KEYS = ['open'] as const;

/** 户: the household's details and every member, masked as in the roster. */
export function HouseholdPage() {
  const { id } = useParams();
  const q = useHousehold(id);
  return <QueryView query={q}>{(h) => <Household h={h} />}</QueryView>;
}

function Household({ h }: { h: HouseholdDetail }) {
  const { t, label } = useI18n();
  const page = useListPage(KEYS);
  const columns = useResidentColumns();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <PageHeader
        title={t(M.householdTitle, { name: h.headName })}
        extra={
          h.canUpdate && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t(M.editHousehold)}
              </Button>
              <NewButton onClick={page.create}>{t(M.addMember)}</NewButton>
            </>
          )
        }
      >
        <Link to={`/residents?nodeId=${h.nodeId}`} style={{ display: 'inline-flex', gap: 6, marginTop: 8 }}>
          <ArrowLeftOutlined />
          {t(M.backToList)}
        </Link>
      </PageHeader>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'head', label: t(M.headName), children: h.headName },
            { key: 'node', label: t(M.node), children: h.nodeName },
            { key: 'building', label: t(M.building), children: h.building ?? '—' },
            { key: 'address', label: t(M.address), children: h.address ?? '—' },
            { key: 'n', label: t(M.members), children: t(M.memberCount, { n: h.memberCount }) },
          ]}
        />
      </Card>
      <Card title={t(M.members)} styles={{ body: { padding: 0 } }}>
        <WholeTable<Resident>
          rowKey="id"
          rows={h.members}
          empty={t(M.noMembers)}
          onRow={(r) => ({ onClick: () => page.openRow(r), style: { cursor: 'pointer' } })}
          columns={[
            openColumn<Resident>(t(M.name), 'name', page.openRow),
            {
              title: t(M.relation),
              dataIndex: 'relationToHead',
              render: (v: Resident['relationToHead']) => (v ? label(RELATION_LABELS[v]) : '—'),
            },
            columns.gender,
            columns.age,
            { title: t(M.phone), dataIndex: 'phone', render: orDash },
            columns.tags,
          ]}
        />
      </Card>
      {page.f.open && <ResidentDetailDrawer id={page.f.open} onClose={page.close} />}
      {editing && (
        <HouseholdFormModal household={h} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
      {page.creating && (
        <ResidentFormDrawer
          mode={{ kind: 'create', nodeId: h.nodeId, householdId: h.id }}
          onClose={page.cancelCreate}
          onSaved={page.created}
        />
      )}
    </>
  );
}
