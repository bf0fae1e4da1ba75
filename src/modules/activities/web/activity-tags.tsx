import { useApi } from '../../../web/api/hooks';
import { ValueTag } from '../../../web/components/detail-tag';
import { themesApi } from '../../themes/themes.contract';
import { THEME_LABELS, type ThemeKey } from '../../../shared/themes';
import { useI18n, type Label } from '../../../web/i18n/i18n';
import { Tag } from 'antd';
import { ACTIVITY_STATUS_LABELS, type Activity, type ActivityStatus } from '../activities.contract';
import { M } from './activities.messages';

const COLORS: Record<ActivityStatus, string> = { planned: 'blue', open: 'green', done: 'default', cancelled: 'red' };

export function StatusTag({ status }: { status: ActivityStatus }) {
  return <ValueTag value={status} labels={ACTIVITY_STATUS_LABELS} colors={COLORS} large />;
}

/** A theme's name: the default set's label, else the key as the county named it. */
export const themeLabel = (key: string, label: (l: Label) => string) =>
  key in THEME_LABELS ? label(THEME_LABELS[key as ThemeKey]) : key;

/** The county's theme list (the themes module's endpoint): names for keys and the filter's options. */
export function useThemes() {
  const { label } = useI18n();
  const q = useApi(themesApi.list, {}, { staleTime: 300_000 });
  const themes = q.data?.themes ?? [];
  const name = (key: string) => {
    const t = themes.find((x) => x.key === key);
    return t ? label({ zh: t.nameZh, en: t.nameEn }) : themeLabel(key, label);
  };
  return {
    name,
    options: themes
      .filter((t) => t.active)
      .map((t) => ({ value: t.key, label: label({ zh: t.nameZh, en: t.nameEn }) })),
  };
}

/** 12/20 · 候补 3 */
export function PlacesText({ a }: { a: Pick<Activity, 'registered' | 'waitlisted' | 'capacity'> }) {
  const { t } = useI18n();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {a.capacity === null
        ? t(M.placesNoLimit, { r: a.registered })
        : t(M.placesOf, { r: a.registered, c: a.capacity })}
      {a.waitlisted > 0 && (
        <Tag color="orange" style={{ marginInlineStart: 6 }}>
          {t(M.waitlisted)} {a.waitlisted}
        </Tag>
      )}
    </span>
  );
}
