import { useApi } from '../../../web/api/hooks';
import { workbenchApi } from '../workbench.contract';

/** The workbench of a node (none: the highest the user holds). */
export function useWorkbench(nodeId: string | undefined) {
  return useApi(workbenchApi.get, { query: nodeId ? { nodeId } : {} }, { keepPrevious: true });
}
