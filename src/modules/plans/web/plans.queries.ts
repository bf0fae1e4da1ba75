import type { EndpointInput } from '../../../shared/endpoint';
import { useApi } from '../../../web/api/hooks';
import { activitiesApi } from '../../activities/activities.contract';
import { plansApi } from '../plans.contract';

// Every read of the module, typed by its endpoint declaration (no paths or answer types here).

export type VersusQuery = EndpointInput<typeof plansApi.versus>['query'];

export function usePlan(centreId: string | undefined, year: number) {
  return useApi(plansApi.plan, { query: { centreId: centreId ?? '', year } }, { enabled: !!centreId });
}

/** Themes and units a centre's plan may name (the activity form's options, from activities). */
export function usePlanOptions(centreId: string | undefined, enabled: boolean) {
  return useApi(
    activitiesApi.options,
    { query: { centreId: centreId ?? '' } },
    { enabled: !!centreId && enabled, staleTime: 60_000 },
  );
}

export function useSchedule(townId: string | undefined, year: number) {
  return useApi(plansApi.schedule, { query: { townId: townId ?? '', year } }, { enabled: !!townId });
}

export function useVersus(query: VersusQuery) {
  return useApi(plansApi.versus, { query }, { keepPrevious: true });
}
