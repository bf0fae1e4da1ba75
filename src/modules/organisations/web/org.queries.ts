import { useApi } from '../../../web/api/hooks';
import { orgApi } from '../org.contract';

// Every read of the module, typed by its endpoint declaration (no paths or answer types here).

export function useNodeDetail(id: string | undefined, opts: { enabled?: boolean; retry?: boolean } = {}) {
  return useApi(orgApi.node, { params: { id: id ?? '' } }, { ...opts, enabled: !!id && opts.enabled !== false });
}

/** What a change to the tree reads again: every answer of the module (the app shell's tree among them). */
export const ORG_CHANGES = [orgApi.tree.tag];
