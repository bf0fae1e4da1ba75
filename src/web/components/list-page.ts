import { useState } from 'react';
import { useUrlQuery } from './use-url-query';

/**
 * A list screen's state: its filters and page in the URL (useUrlQuery), the row whose drawer
 * is open (`open` in the URL, so a drawer can be linked to and closed with Back), and whether
 * the create form shows. Saving a new row closes the form and opens the new row's drawer.
 */
export function useListPage<K extends string>(keys: readonly (K | 'open')[]) {
  const url = useUrlQuery<K | 'open'>(keys);
  const [creating, setCreating] = useState(false);
  // K is open here, so TypeScript cannot see that `open` is one of its keys.
  const setOpen = (id: string | null) => url.set({ open: id } as Parameters<typeof url.set>[0]);
  const open = (id: string) => setOpen(id);
  return {
    url,
    /** The URL's raw values, `open` among them. */
    f: url.values,
    open,
    openRow: (row: { id: string }) => open(row.id),
    close: () => setOpen(null),
    creating,
    create: () => setCreating(true),
    cancelCreate: () => setCreating(false),
    created: (id: string) => {
      setCreating(false);
      open(id);
    },
  };
}
