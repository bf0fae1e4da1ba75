import { useCallback, useMemo } from 'react';
import type { TreeNode } from '../../modules/organisations/org.contract';
import { ADMIN_ROLES, type Role } from '../../shared/roles';
import { isUnderAny } from '../org-tree/tree-index';
import { useOrgTree } from '../org-tree/use-org-tree';
import { useAuth } from './auth-context';

/**
 * Which nodes the user holds one of `roles` over (the subtrees of those roles; every node for
 * a system admin), to grey out the others in pickers. The server decides; this only saves a
 * refused request.
 */
export function useRoleReach(roles: readonly Role[]) {
  const { me } = useAuth();
  const tree = useOrgTree();
  const isSystemAdmin = !!me?.scopes.some((s) => s.role === 'system_admin');
  const held = useMemo(
    () => new Set(me?.scopes.filter((s) => roles.includes(s.role)).map((s) => s.nodeId) ?? []),
    [me, roles],
  );
  const reaches = useCallback(
    (n: TreeNode) => isSystemAdmin || (!!tree.data && isUnderAny(tree.data, n.id, held)),
    [isSystemAdmin, tree.data, held],
  );
  return { isSystemAdmin, reaches };
}

/** Which nodes the user administers (the subtrees of their admin roles). */
export function useAdminReach() {
  const { isSystemAdmin, reaches } = useRoleReach(ADMIN_ROLES);
  return { isSystemAdmin, canAdminister: reaches };
}
