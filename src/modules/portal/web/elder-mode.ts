import { useCallback, useSyncExternalStore } from 'react';

/** Shared with the sign-in page: one switch per phone. */
const ELDER_KEY = 'cedu.elder';

function read(): boolean {
  try {
    return localStorage.getItem(ELDER_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * One value for every part of the page (the switch and the page change together). The sizes it
 * switches (17 px text and 48 px targets; 20 px at line height 1.5 and 64 px targets, after the
 * national elder-friendly guidance) are phone.html's CSS under `html.elder`.
 */
let current = read();
const listeners = new Set<() => void>();
const subscribe = (fn: () => void) => {
  listeners.add(fn);
  return () => void listeners.delete(fn);
};
document.documentElement.classList.toggle('elder', current);

/** Elder mode (大字模式), remembered on this device. */
export function useElderMode() {
  const on = useSyncExternalStore(subscribe, () => current);
  const set = useCallback((v: boolean) => {
    current = v;
    document.documentElement.classList.toggle('elder', v);
    try {
      localStorage.setItem(ELDER_KEY, v ? '1' : '0');
    } catch {
      /* not remembered; still on for this visit */
    }
    for (const fn of listeners) fn();
  }, []);
  return [on, set] as const;
}
