import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { TreeNode } from '../../modules/organisations/org.contract';
import { useI18n } from '../i18n/i18n';
import { M } from '../i18n/messages';
import { kindLabel } from './node-kind';
import { nest } from './tree-index';
import { useOrgTree } from './use-org-tree';

type Props = {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Nodes that may be chosen; the others stay visible (for orientation) but greyed out. */
  selectable?: (node: TreeNode) => boolean;
  id?: string;
  'aria-label'?: string;
};

/** Pick one node of the organisation tree the user may see; searchable by name. */
export function NodeTreeSelect({ value, onChange, placeholder, allowClear, selectable, id, ...rest }: Props) {
  const { t, label } = useI18n();
  const tree = useOrgTree();
  const data = useMemo(
    () =>
      tree.data
        ? nest(tree.data, (n) => ({
            title: n.name,
            kind: label(kindLabel(n)),
            disabled: selectable ? !selectable(n) : false,
          }))
        : [],
    [tree.data, selectable, label],
  );
  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={data}
      loading={tree.isPending}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      placeholder={placeholder ?? t(M.chooseNode)}
      treeDefaultExpandedKeys={tree.data?.roots.map((r) => r.id)}
      treeNodeLabelProp="title"
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'calc(100vw - 24px)' } } }}
      style={{ width: '100%' }}
      treeTitleRender={(n) => (
        <span>
          <span>{String(n.title)}</span>{' '}
          <span style={{ color: '#8a9a92', fontSize: 13 }}>{String((n as { kind?: string }).kind ?? '')}</span>
        </span>
      )}
    />
  );
}
