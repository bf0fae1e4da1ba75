import { useCallback, useMemo } from 'react';
import { Alert, Form, Typography } from 'antd';
import { orgApi, type NodeDetail, type NodeMove, type TreeNode } from '../org.contract';
import { allowedChildLevels } from '../../../shared/roles';
import { useFormMutation } from '../../../web/api/hooks';
import { FormModal } from '../../../web/components/form-modal';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { subtreeIds } from '../../../web/org-tree/tree-index';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import { M } from './org.messages';
import { ORG_CHANGES } from './org.queries';

/** Move a node and its subtree under another parent that may hold its level. */
export function MoveNodeModal({ node, onClose }: { node: NodeDetail; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<NodeMove>();
  const move = useFormMutation(form, orgApi.move, {
    invalidates: ORG_CHANGES,
    success: t(M.moved),
    onSuccess: onClose,
  });
  const tree = useOrgTree();

  const inside = useMemo(() => (tree.data ? subtreeIds(tree.data, node.id) : new Set<string>()), [tree.data, node.id]);
  const selectable = useCallback(
    (n: TreeNode) => !inside.has(n.id) && n.id !== node.parentId && allowedChildLevels(n.level).includes(node.level),
    [inside, node.parentId, node.level],
  );

  const submit = (body: NodeMove) => move.submit({ params: { id: node.id }, body });

  return (
    <FormModal<NodeMove>
      title={t(M.moveTitle, { name: node.name })}
      onClose={onClose}
      {...move.formProps(submit)}
      okText={t(M.move)}
    >
      <Alert type="info" showIcon title={t(M.moveHelp)} style={{ marginBottom: 16 }} />
      {node.parentName && (
        <Typography.Paragraph>
          {t(M.parent)}：{node.parentName}
        </Typography.Paragraph>
      )}
      <Form.Item name="newParentId" label={t(M.moveTo)} rules={[{ required: true, message: t(M.chooseParent) }]}>
        <NodeTreeSelect selectable={selectable} />
      </Form.Item>
    </FormModal>
  );
}
