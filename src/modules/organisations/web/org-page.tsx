import { Col, Empty, Row } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../../web/components/error-state';
import { PageHeader } from '../../../web/components/page-header';
import { PageLoading } from '../../../web/components/page-loading';
import { useI18n } from '../../../web/i18n/i18n';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import { NodeDetailPanel } from './node-detail-panel';
import { M } from './org.messages';
import { OrgTreePanel } from './org-tree-panel';

/** 组织架构: the tree on the left, the chosen node on the right (stacked on a phone). */
export function OrgPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const tree = useOrgTree();
  // The chosen node lives in the URL; with none chosen, the top of the user's tree is shown.
  // Shown, not redirected to: a redirect when the tree answers would undo a menu click made
  // while the tree was still loading.
  const selectedId = id ?? tree.data?.roots[0]?.id;

  if (tree.isPending) return <PageLoading />;
  if (tree.error) return <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  if (tree.data.roots.length === 0) return <Empty description={t(M.noNodes)} style={{ marginTop: 48 }} />;

  return (
    <>
      <PageHeader title={t(M.title)} />
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} md={10} xl={8} xxl={6}>
          <OrgTreePanel index={tree.data} selectedId={selectedId} onSelect={(key) => navigate(`/org/${key}`)} />
        </Col>
        <Col xs={24} md={14} xl={16} xxl={18}>
          {selectedId ? <NodeDetailPanel id={selectedId} /> : <Empty description={t(M.chooseNodeHint)} />}
        </Col>
      </Row>
    </>
  );
}
