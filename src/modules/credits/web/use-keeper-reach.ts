import { useCallback, useMemo } from 'react';
import type { TreeNode } from '../../organisations/org.contract';
import { useAuth } from '../../../web/auth/auth-context';
import { isUnderAny } from '../../../web/org-tree/tree-index';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import { CREDIT_STAFF_ROLES } from '../credits.policy';

/** Places whose residents' accounts the user keeps, to grey out the others in the filter. The server decides. */
export function useKeeperReach() {
  const { me } = useAuth();
  const tree = useOrgTree();
  const all = !!me?.scopes.some((s) => s.role === 'system_admin');
  const kept = useMemo(
    () => new Set(me?.scopes.filter((s) => CREDIT_STAFF_ROLES.includes(s.role)).map((s) => s.nodeId) ?? []),
    [me],
  );
  return useCallback(
    (n: TreeNode) => n.level !== 'unit' && (all || (!!tree.data && isUnderAny(tree.data, n.id, kept))),
    [all, tree.data, kept],
  );
}
