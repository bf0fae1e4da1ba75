import { useApi } from '../../../web/api/hooks';
import { ORG_TREE_KEY } from '../../../web/org-tree/use-org-tree';
import { orgApi } from '../org.contract';

// Every read of the module, typed by its endpoint declaration (no paths or answer types here).

export function useNodeDetail(id: string | undefined, opts: { enabled?: boolean; retry?: boolean } = {}) {
  return useApi(orgApi.node, { params: { id: id ?? '' } }, { ...opts, enabled: !!id && opts.enabled !== false });
}

/**
 * What a change to the tree reads again: every answer of the module, and the app shell's tree
 * (src/web/org-tree keeps it under its own key).
 */
export const ORG_CHANGES = [orgApi.tree.tag, ORG_TREE_KEY[0]];
