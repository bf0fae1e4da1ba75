import { THEME_LABELS, type ThemeKey } from '../../../shared/themes';
import { useApi } from '../../../web/api/hooks';
import { useI18n } from '../../../web/i18n/i18n';
import { themesApi } from '../themes.contract';

/** The county's theme list (default: the county of my first role). */
export function useThemes(countyId?: string) {
  return useApi(themesApi.list, { query: { countyId } }, { staleTime: 60_000 });
}

/** A theme key's name in my county's list, else the default label, else the key. */
export function useThemeName() {
  const { label } = useI18n();
  const q = useThemes();
  return (key: string) => {
    const t = q.data?.themes.find((x) => x.key === key);
    if (t) return label({ zh: t.nameZh, en: t.nameEn });
    return key in THEME_LABELS ? label(THEME_LABELS[key as ThemeKey]) : key;
  };
}
