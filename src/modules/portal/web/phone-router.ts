import { useSyncExternalStore, type MouseEvent } from 'react';

/**
 * The phone pages' addresses (four tabs and the honour rolls, reached from 我的), without a router library (it would be ~30 KB more to load on
 * a village connection): the path is the page, a tab changes it with history.pushState, Back
 * works through popstate.
 */
export const PHONE_PATHS = ['/m', '/m/record', '/m/credits', '/m/me', '/m/awards'] as const;
export type PhonePath = (typeof PHONE_PATHS)[number];

const listeners = new Set<() => void>();
const notify = () => {
  for (const fn of listeners) fn();
};
window.addEventListener('popstate', notify);

/** The page of an address: `/m/record/` and `/m/record` alike; anything else under /m is the home page. */
export function pageOf(pathname: string): PhonePath {
  const p = pathname.replace(/\/+$/, '') || '/m';
  return (PHONE_PATHS as readonly string[]).includes(p) ? (p as PhonePath) : '/m';
}

// An unknown or untidy address under /m (an old link, a typo) shows as the page it is.
if (location.pathname !== pageOf(location.pathname)) history.replaceState(null, '', pageOf(location.pathname));

/** The page now shown; re-renders on a tab or Back. */
export function usePhonePath(): PhonePath {
  return useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    () => pageOf(location.pathname),
  );
}

/** A link's click: the page changes without loading the app again (a new tab or window still opens normally). */
export function followLink(e: MouseEvent<HTMLAnchorElement>, to: PhonePath): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  if (location.pathname !== to) {
    history.pushState(null, '', to);
    window.scrollTo(0, 0);
    notify();
  }
}
