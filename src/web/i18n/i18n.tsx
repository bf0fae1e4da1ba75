import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, fill, LOCALES, type Locale } from '../../shared/locale';

/** A message in both languages: [zh-CN, en-US]. Each screen declares its own beside its code. */
export type Msg = readonly [zh: string, en: string];
/** Labels from src/shared (roles, levels, …) use this shape. */
export type Label = { zh: string; en: string };

const STORAGE_KEY = 'cedu.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  } catch {
    // storage blocked (private mode): fall back to the default
  }
  // The resident's phone pages (/m) speak the phone's language until the resident chooses one.
  if (location.pathname === '/m' || location.pathname.startsWith('/m/'))
    return !navigator.language || navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
  return DEFAULT_LOCALE;
}

type I18n = {
  locale: Locale;
  isZh: boolean;
  setLocale: (l: Locale) => void;
  /** Picks the message of the current language and fills {placeholders}. */
  t: (msg: Msg, params?: Record<string, unknown>) => string;
  /** Picks a shared label ({zh, en}) in the current language. */
  label: (l: Label | undefined | null) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not remembered; still switched for this visit
    }
    document.documentElement.lang = l;
  }, []);
  const value = useMemo<I18n>(() => {
    const isZh = locale === 'zh-CN';
    return {
      locale,
      isZh,
      setLocale,
      t: (msg, params) => fill(isZh ? msg[0] : msg[1], params),
      label: (l) => (l ? (isZh ? l.zh : l.en) : ''),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
