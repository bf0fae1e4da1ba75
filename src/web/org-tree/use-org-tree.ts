import { orgApi } from '../../modules/organisations/org.contract';
import { useApi } from '../api/hooks';
import { indexTree, type TreeIndex } from './tree-index';

/** The nodes the signed-in user may see, with an index for parents, children and search. */
export function useOrgTree() {
  return useApi(orgApi.tree, {}, { select: (d): TreeIndex => indexTree(d.nodes), staleTime: 60_000 });
}
