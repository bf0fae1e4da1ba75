import { useCallback, useMemo } from 'react';
import type { TreeNode } from '../../modules/organisations/org.contract';
import { ADMIN_ROLES } from '../../shared/roles';
import { isUnderAny } from '../org-tree/tree-index';
import { useOrgTree } from '../org-tree/use-org-tree';
import { useAuth } from './auth-context';

/**
 * Which nodes the user administers (the subtrees of their admin roles), to grey out the
 * others in pickers. The server decides; this only saves a refused request.
 */
export function useAdminReach() {
  const { me } = useAuth();
  const tree = useOrgTree();
  const isSystemAdmin = !!me?.scopes.some((s) => s.role === 'system_admin');
  const adminNodes = useMemo(
    () => new Set(me?.scopes.filter((s) => ADMIN_ROLES.includes(s.role)).map((s) => s.nodeId) ?? []),
    [me],
  );
  const canAdminister = useCallback(
    (n: TreeNode) => isSystemAdmin || (!!tree.data && isUnderAny(tree.data, n.id, adminNodes)),
    [isSystemAdmin, tree.data, adminNodes],
  );
  return { isSystemAdmin, canAdminister };
}
