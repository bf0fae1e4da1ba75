import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { orgApi, type NodeDetail } from '../org.contract';
import { errorText, isApiError } from '../../../web/api/api-error';
import { useApiMutation } from '../../../web/api/hooks';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { useI18n } from '../../../web/i18n/i18n';
import { kindIcon, kindLabel } from '../../../web/org-tree/node-kind';
import { DivisionsDrawer } from './divisions-drawer';
import { LeadersCard } from './leaders-card';
import { MoveNodeModal } from './move-node-modal';
import { NodeFormDrawer, type NodeFormMode } from './node-form-drawer';
import { M } from './org.messages';
import { ORG_CHANGES, useNodeDetail } from './org.queries';
import { PopulationCard } from './population-card';
import { formatDateTime } from '../../../shared/china-time';

/** The chosen node: its details, then population, office and leadership group. */
export function NodeDetailPanel({ id }: { id: string }) {
  const { t } = useI18n();
  const q = useNodeDetail(id);
  if (q.isPending)
    return (
      <Card>
        <PageLoading />
      </Card>
    );
  if (q.error) {
    if (isApiError(q.error) && q.error.code === 'NOT_FOUND')
      return (
        <Card>
          <Typography.Text>{t(M.notFound)}</Typography.Text>
        </Card>
      );
    return (
      <Card>
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      </Card>
    );
  }
  return <NodeDetailView node={q.data} />;
}

const hasGroup = (n: NodeDetail) => n.level === 'county' || n.level === 'town';

function NodeDetailView({ node }: { node: NodeDetail }) {
  const { t, label, locale } = useI18n();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const removal = useApiMutation(orgApi.remove, {
    invalidates: ORG_CHANGES,
    // 409 NODE_HAS_CHILDREN / NODE_HAS_RECORDS: the server says why in plain words.
    onError: (err) => modal.error({ title: t(M.removeFailed), content: errorText(err, locale) }),
    onSuccess: () => {
      void message.success(t(M.removed, { name: node.name }));
      navigate(node.parentId ? `/org/${node.parentId}` : '/org', { replace: true });
    },
  });
  const [form, setForm] = useState<NodeFormMode | null>(null);
  const [moving, setMoving] = useState(false);
  const [adopting, setAdopting] = useState(false);
  const p = node.permissions;
  const dash = '—';

  const remove = () =>
    modal.confirm({
      title: t(M.removeTitle, { name: node.name }),
      content: t(M.removeBody),
      okText: t(M.remove),
      okButtonProps: { danger: true },
      onOk: () => removal.run({ params: { id: node.id } }),
    });

  const coords = node.longitude !== null && node.latitude !== null ? `${node.longitude}, ${node.latitude}` : dash;
  const items = [
    { key: 'kind', label: t(M.level), children: <Tag color="green">{label(kindLabel(node))}</Tag> },
    { key: 'parent', label: t(M.parent), children: node.parentName ?? dash },
    ...(node.level !== 'unit' ? [{ key: 'code', label: t(M.divisionCode), children: node.divisionCode ?? dash }] : []),
    { key: 'head', label: t(M.headName), children: node.headName ?? dash },
    {
      key: 'headPhone',
      label: t(M.headPhone),
      children: node.headPhone ? <a href={`tel:${node.headPhone}`}>{node.headPhone}</a> : dash,
    },
    { key: 'children', label: t(M.childCount), children: t(M.childCountValue, { n: node.childCount }) },
    { key: 'address', label: t(M.address), children: node.address ?? dash, span: 'filled' as const },
    { key: 'coords', label: t(M.coords), children: coords },
    { key: 'updated', label: t(M.updatedAt), children: formatDateTime(node.updatedAt) },
  ];
  const office = [
    { key: 'loc', label: t(M.officeLocation), children: node.officeLocation ?? dash },
    {
      key: 'phone',
      label: t(M.officePhone),
      children: node.officePhone ? <a href={`tel:${node.officePhone}`}>{node.officePhone}</a> : dash,
    },
    { key: 'head', label: t(M.officeHead), children: node.officeHead ?? dash },
  ];
  const showOffice = hasGroup(node) || node.officeLocation || node.officePhone || node.officeHead;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {p.createChild && node.level === 'county' && !node.divisionCode && node.childCount === 0 && (
        <Alert
          type="warning"
          showIcon
          title={t(M.setupBanner)}
          action={
            <Button type="primary" size="large" onClick={() => setAdopting(true)}>
              {t(M.fromList)}
            </Button>
          }
        />
      )}
      <Card
        title={
          <span
            className="cedu-wrap"
            style={{ display: 'inline-flex', gap: 8, alignItems: 'center', fontSize: 20, whiteSpace: 'normal' }}
          >
            <span style={{ color: '#0b6e4f' }}>{kindIcon(node)}</span>
            <span data-testid="node-title">{node.name}</span>
          </span>
        }
      >
        {(p.update || p.createChild || p.move || p.remove) && (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}>
            {p.update && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setForm({ kind: 'edit', node })}>
                {t(M.edit)}
              </Button>
            )}
            {p.createChild && (
              <Button icon={<PlusOutlined />} onClick={() => setForm({ kind: 'create', parent: node })}>
                {t(M.addChild)}
              </Button>
            )}
            {p.createChild && (node.level === 'county' || (node.level === 'town' && node.divisionCode)) && (
              <Button icon={<UnorderedListOutlined />} onClick={() => setAdopting(true)}>
                {t(M.fromList)}
              </Button>
            )}
            {p.move && (
              <Button icon={<DragOutlined />} onClick={() => setMoving(true)}>
                {t(M.move)}
              </Button>
            )}
            {p.remove && (
              <Button danger icon={<DeleteOutlined />} onClick={remove}>
                {t(M.remove)}
              </Button>
            )}
          </div>
        )}
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: 2, xxl: 3 }} items={items} />
      </Card>

      {showOffice && (
        <Card title={t(M.office)}>
          <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: 2, xxl: 3 }} items={office} />
        </Card>
      )}

      <PopulationCard node={node} />
      {hasGroup(node) && <LeadersCard node={node} />}

      {form && (
        <NodeFormDrawer
          mode={form}
          onClose={() => setForm(null)}
          onSaved={(savedId) => {
            setForm(null);
            if (savedId !== node.id) navigate(`/org/${savedId}`);
          }}
        />
      )}
      {moving && <MoveNodeModal node={node} onClose={() => setMoving(false)} />}
      {adopting && <DivisionsDrawer node={node} onClose={() => setAdopting(false)} />}
    </Space>
  );
}
