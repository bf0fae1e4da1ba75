import { useQuery } from '@tanstack/react-query';
import type { TreeNode } from '../../modules/organisations/org.contract';
import { api } from '../api/client';
import { indexTree, type TreeIndex } from './tree-index';

export const ORG_TREE_KEY = ['org', 'tree'] as const;

/** The nodes the signed-in user may see, with an index for parents, children and search. */
export function useOrgTree() {
  return useQuery({
    queryKey: ORG_TREE_KEY,
    queryFn: async () => (await api.get<{ nodes: TreeNode[] }>('/api/org/tree')).nodes,
    select: (nodes): TreeIndex => indexTree(nodes),
    staleTime: 60_000,
  });
}
