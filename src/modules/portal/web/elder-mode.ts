import { useCallback, useEffect, useState } from 'react';
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

/** Elder mode (大字模式), remembered on this device. */
export function useElderMode() {
  const [on, setOn] = useState(read);
  useEffect(() => {
    document.documentElement.classList.toggle('elder', on);
  }, [on]);
  const set = useCallback((v: boolean) => {
    setOn(v);
    try {
      localStorage.setItem(ELDER_KEY, v ? '1' : '0');
    } catch {
      /* not remembered; still on for this visit */
    }
  }, []);
  return [on, set] as const;
}

/** The phone pages' type and targets: 17 px / 44 px; in elder mode 20 px / 52 px (≥ 18 px, ≥ 44 px). */
export function portalTheme(elder: boolean): ThemeConfig {
  return {
    token: elder
      ? {
          fontSize: 20,
          fontSizeSM: 18,
          fontSizeLG: 22,
          fontSizeHeading4: 24,
          fontSizeHeading3: 28,
          controlHeight: 52,
          controlHeightLG: 60,
          controlHeightSM: 44,
        }
      : { fontSize: 17, fontSizeSM: 15, fontSizeLG: 19, controlHeight: 44, controlHeightLG: 52, controlHeightSM: 36 },
  };
}
