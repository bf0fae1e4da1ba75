import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters and page, kept in the URL query string so a list can be bookmarked,
 * shared and returned to with the back button. Changing a filter goes back to page 1.
 */
export function useUrlQuery<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const k of keys) out[k] = params.get(k) ?? undefined;
    return out;
  }, [params, keys]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(5, Number(params.get('pageSize')) || 20));

  const set = useCallback(
    (
      patch: Partial<Record<K | 'page' | 'pageSize', string | number | null | undefined>>,
      opts: { replace?: boolean } = {},
    ) => {
      setParams(
        (cur) => {
          const next = new URLSearchParams(cur);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          const filterChanged = Object.keys(patch).some((k) => k !== 'page' && k !== 'pageSize' && k !== 'open');
          if (filterChanged) next.delete('page');
          return next;
        },
        { replace: opts.replace },
      );
    },
    [setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { values, page, pageSize, set, reset };
}

/** The URL's value if it is one of `all` (an enum filter), else undefined: a hand-edited URL filters nothing. */
export const oneOf = <T extends string>(all: readonly T[], v: string | undefined): T | undefined =>
  all.includes(v as T) ? (v as T) : undefined;

/** A yes/no filter's values as the URL and the API spell them. */
export const YES_NO = ['true', 'false'] as const;

/** The page's filters and page in the URL, as useUrlQuery gives them. */
export type UrlQuery<K extends string> = ReturnType<typeof useUrlQuery<K>>;
