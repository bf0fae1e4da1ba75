import { useCallback } from 'react';
import type { TreeNode } from '../../organisations/org.contract';
import { useRoleReach } from '../../../web/auth/admin-reach';
import { CREDIT_STAFF_ROLES } from '../credits.policy';

/** Places whose residents' accounts the user keeps, to grey out the others in the filter. The server decides. */
export function useKeeperReach() {
  const { reaches } = useRoleReach(CREDIT_STAFF_ROLES);
  return useCallback((n: TreeNode) => n.level !== 'unit' && reaches(n), [reaches]);
}
