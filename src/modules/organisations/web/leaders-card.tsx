import { useState } from 'react';
import { Button, Card, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { NodeDetail } from '../org.contract';
import { LEADER_POST_LABELS } from '../../../shared/roles';
import { useI18n } from '../../../web/i18n/i18n';
import { LeadersFormDrawer } from './leaders-form-drawer';
import { M } from './org.messages';
import { WholeTable } from '../../../web/components/page-table';

type LeaderRow = NodeDetail['leaders'][number];
const POST_COLOR = { leader: 'red', deputy: 'orange', member: 'default' } as const;

/** 领导小组 of a county or town: read here, edited as one list in a drawer. */
export function LeadersCard({ node }: { node: NodeDetail }) {
  const { t, label } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={t(M.leaders)}
      extra={
        node.permissions.update && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t(M.editLeaders)}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 14 }}>
        {t(M.leadersHelp)}
      </Typography.Paragraph>
      <WholeTable<LeaderRow>
        rowKey="id"
        size="middle"
        rows={node.leaders}
        empty={t(M.noLeaders)}
        columns={[
          {
            title: t(M.leaderPost),
            dataIndex: 'post',
            width: 110,
            render: (p: LeaderRow['post']) => <Tag color={POST_COLOR[p]}>{label(LEADER_POST_LABELS[p])}</Tag>,
          },
          { title: t(M.leaderName), dataIndex: 'name' },
          { title: t(M.leaderTitle), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
          {
            title: t(M.leaderPhone),
            dataIndex: 'phone',
            render: (v: string | null) => (v ? <a href={`tel:${v}`}>{v}</a> : '—'),
          },
        ]}
      />
      {editing && <LeadersFormDrawer node={node} onClose={() => setEditing(false)} />}
    </Card>
  );
}
