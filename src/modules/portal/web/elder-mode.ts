import { useCallback, useSyncExternalStore } from 'react';
import type { ThemeConfig } from 'antd';

/** Shared with the sign-in page: one switch per phone. */
const ELDER_KEY = 'cedu.elder';

function read(): boolean {
  try {
    return localStorage.getItem(ELDER_KEY) === '1';
  } catch {
    return false;
  }
}

/** One value for every part of the page (the shell's theme and the switch change together). */
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

/**
 * The phone pages' type and targets: 17 px / 44 px; in elder mode (the national elder-friendly
 * guidance) 20 px text at line height 1.5 and 60 px targets.
 */
export function portalTheme(elder: boolean): ThemeConfig {
  return {
    token: elder
      ? {
          fontSize: 20,
          fontSizeSM: 18,
          fontSizeLG: 22,
          fontSizeHeading4: 24,
          fontSizeHeading3: 28,
          lineHeight: 1.5,
          controlHeight: 64,
          controlHeightLG: 68,
          controlHeightSM: 60,
        }
      : { fontSize: 17, fontSizeSM: 15, fontSizeLG: 19, controlHeight: 44, controlHeightLG: 52, controlHeightSM: 36 },
  };
}
