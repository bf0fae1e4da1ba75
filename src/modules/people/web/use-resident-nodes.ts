import { useCallback } from 'react';
import type { TreeNode } from '../../organisations/org.contract';
import { RESIDENT_ROLES } from '../../../shared/roles';
import { useRoleReach } from '../../../web/auth/admin-reach';

/** Which nodes may hold residents for this user: villages/communities where they keep residents. */
export function useResidentNodes() {
  const { reaches } = useRoleReach(RESIDENT_ROLES);
  return useCallback((n: TreeNode) => n.level === 'centre' && reaches(n), [reaches]);
}
