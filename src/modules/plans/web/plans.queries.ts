import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../web/api/client';
import { THEME_LABELS, type ThemeKey } from '../../../shared/themes';
import { useI18n } from '../../../web/i18n/i18n';
import type { ActivityOptions } from '../../activities/activities.contract';
import type { ThemeList } from '../../courses/themes.contract';
import type { Plan, Schedule, VersusPage } from '../plans.contract';

export function usePlan(centreId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['plans', 'plan', centreId ?? '', year],
    queryFn: () => api.get<Plan>('/api/plans', { centreId, year }),
    enabled: !!centreId,
  });
}

/** Themes and units a centre's plan may name (the activity form's options). */
export function usePlanOptions(centreId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['plans', 'options', centreId ?? ''],
    queryFn: () => api.get<ActivityOptions>('/api/activity-options', { centreId }),
    enabled: !!centreId && enabled,
    staleTime: 60_000,
  });
}

export function useSchedule(townId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['plans', 'schedule', townId ?? '', year],
    queryFn: () => api.get<Schedule>('/api/schedules', { townId, year }),
    enabled: !!townId,
  });
}

export function useVersus(query: { year: number; nodeId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['plans', 'versus', query],
    queryFn: () => api.get<VersusPage>('/api/plan-versus-actual', query),
    placeholderData: keepPreviousData,
  });
}

export function usePlansRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['plans'] });
}

/** A theme key's name in the county's list (GET /api/themes), else the default label. */
export function useThemeName() {
  const { label } = useI18n();
  const q = useQuery({
    queryKey: ['themes', 'mine'],
    queryFn: () => api.get<ThemeList>('/api/themes'),
    staleTime: 300_000,
  });
  return (key: string) => {
    const t = q.data?.themes.find((x) => x.key === key);
    if (t) return label({ zh: t.nameZh, en: t.nameEn });
    return key in THEME_LABELS ? label(THEME_LABELS[key as ThemeKey]) : key;
  };
}
