import type { EndpointInput } from '../../../shared/endpoint';
import { useApi } from '../../../web/api/hooks';
import { activitiesApi } from '../activities.contract';
import { venuesApi, type BookableKind } from '../venues.contract';

// Every read of the module, typed by its endpoint declaration (no paths or answer types here).

export type ActivityListQuery = EndpointInput<typeof activitiesApi.list>['query'];
export type BookableListQuery = EndpointInput<typeof venuesApi.list>['query'];

/** A change to activities shows in the plans' counts too. */
export const ACTIVITY_CHANGES = ['activities', 'plans'];

export function useActivityList(query: ActivityListQuery) {
  return useApi(activitiesApi.list, { query }, { keepPrevious: true });
}

export function useActivity(id: string | undefined) {
  return useApi(activitiesApi.one, { params: { id: id ?? '' } }, { enabled: !!id });
}

export function useActivityOptions(centreId: string | undefined) {
  return useApi(
    activitiesApi.options,
    { query: { centreId: centreId ?? '' } },
    { enabled: !!centreId, staleTime: 30_000 },
  );
}

export function useRegistrations(id: string, enabled: boolean) {
  return useApi(activitiesApi.registrations, { params: { id } }, { enabled });
}

export function useRecords(id: string) {
  return useApi(activitiesApi.records, { params: { id } });
}

export function useBookables(query: BookableListQuery) {
  return useApi(venuesApi.list, { query }, { keepPrevious: true });
}

export function useRules() {
  return useApi(venuesApi.rules, {});
}

export function useBookings(id: string, kind: BookableKind) {
  return useApi(venuesApi.bookings, { params: { id }, query: { kind } });
}
