import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { NodeDetail } from '../org.contract';
import { api } from '../../../web/api/client';
import { ORG_TREE_KEY } from '../../../web/org-tree/use-org-tree';

export const nodeKey = (id: string) => ['org', 'node', id] as const;

export function useNodeDetail(id: string | undefined) {
  return useQuery({
    queryKey: nodeKey(id ?? ''),
    queryFn: () => api.get<NodeDetail>(`/api/org/nodes/${id}`),
    enabled: !!id,
  });
}

/** After a change: refetch the tree and the node(s) touched. */
export function useOrgRefresh() {
  const qc = useQueryClient();
  return async (...ids: (string | null | undefined)[]) => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: ORG_TREE_KEY }),
      ...ids.filter((id): id is string => !!id).map((id) => qc.invalidateQueries({ queryKey: nodeKey(id) })),
    ]);
  };
}
