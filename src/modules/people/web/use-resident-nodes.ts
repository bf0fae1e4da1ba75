import { useCallback, useMemo } from 'react';
import type { TreeNode } from '../../organisations/org.contract';
import { RESIDENT_ROLES } from '../../../shared/roles';
import { useAuth } from '../../../web/auth/auth-context';
import { isUnderAny } from '../../../web/org-tree/tree-index';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';

/** Which nodes may hold residents for this user: villages/communities where they keep residents. */
export function useResidentNodes() {
  const { me } = useAuth();
  const tree = useOrgTree();
  const system = !!me?.scopes.some((s) => s.role === 'system_admin');
  const keeperNodes = useMemo(
    () => new Set(me?.scopes.filter((s) => RESIDENT_ROLES.includes(s.role)).map((s) => s.nodeId) ?? []),
    [me],
  );
  return useCallback(
    (n: TreeNode) => n.level === 'centre' && (system || (!!tree.data && isUnderAny(tree.data, n.id, keeperNodes))),
    [system, tree.data, keeperNodes],
  );
}
