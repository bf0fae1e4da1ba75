import { useCallback, useMemo } from 'react';
import { Alert, App, Form, Modal, Typography } from 'antd';
import type { NodeDetail, TreeNode } from '../org.contract';
import { allowedChildLevels } from '../../../shared/roles';
import { api } from '../../../web/api/client';
import { useFormErrors } from '../../../web/components/form-errors';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { subtreeIds } from '../../../web/org-tree/tree-index';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import { M } from './org.messages';
import { useOrgRefresh } from './org.queries';

/** Move a node and its subtree under another parent that may hold its level. */
export function MoveNodeModal({ node, onClose }: { node: NodeDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newParentId: string }>();
  const errors = useFormErrors(form);
  const refresh = useOrgRefresh();
  const tree = useOrgTree();

  const inside = useMemo(() => (tree.data ? subtreeIds(tree.data, node.id) : new Set<string>()), [tree.data, node.id]);
  const selectable = useCallback(
    (n: TreeNode) => !inside.has(n.id) && n.id !== node.parentId && allowedChildLevels(n.level).includes(node.level),
    [inside, node.parentId, node.level],
  );

  const submit = ({ newParentId }: { newParentId: string }) =>
    errors.run(async () => {
      await api.post(`/api/org/nodes/${node.id}/move`, { newParentId });
      await refresh(node.id, node.parentId, newParentId);
      void message.success(t(M.moved));
      onClose();
    });

  return (
    <Modal
      open
      title={t(M.moveTitle, { name: node.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(M.move)}
      cancelText={t(APP.cancel)}
      confirmLoading={errors.busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        {errors.alert}
        <Alert type="info" showIcon title={t(M.moveHelp)} style={{ marginBottom: 16 }} />
        {node.parentName && (
          <Typography.Paragraph>
            {t(M.parent)}：{node.parentName}
          </Typography.Paragraph>
        )}
        <Form.Item name="newParentId" label={t(M.moveTo)} rules={[{ required: true, message: t(M.chooseParent) }]}>
          <NodeTreeSelect selectable={selectable} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
