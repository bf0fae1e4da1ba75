import type { EndpointInput } from '../../../shared/endpoint';
import { useApi, useInvalidate } from '../../../web/api/hooks';
import { useAuth } from '../../../web/auth/auth-context';
import { countyOfPath, peopleApi } from '../people.contract';

// Every read of the module, typed by its endpoint declaration (no paths or answer types here).

export type ResidentListQuery = EndpointInput<typeof peopleApi.list>['query'];

export function useResidentList(query: ResidentListQuery) {
  return useApi(peopleApi.list, { query }, { keepPrevious: true });
}

export function useResident(id: string | undefined) {
  return useApi(peopleApi.one, { params: { id: id ?? '' } }, { enabled: !!id });
}

export function useResidentStats(nodeId: string | undefined) {
  return useApi(peopleApi.stats, { query: { nodeId } }, { keepPrevious: true });
}

export function useHouseholds(nodeId: string | undefined) {
  return useApi(peopleApi.households, { query: { nodeId, pageSize: 200 } }, { enabled: !!nodeId });
}

export function useHousehold(id: string | undefined) {
  return useApi(peopleApi.household, { params: { id: id ?? '' } }, { enabled: !!id });
}

/** The county of the signed-in user's first role: its tag list is the one shown. */
export function useMyCountyId(): string | undefined {
  const { me } = useAuth();
  const scope = me?.scopes[0];
  return scope ? countyOfPath(scope.path) : undefined;
}

export function useCountyTags() {
  const countyId = useMyCountyId();
  return useApi(peopleApi.tags, { params: { countyId: countyId ?? '' } }, { enabled: !!countyId, staleTime: 60_000 });
}

/** After any change to residents, households or tags: every answer of the module is read again. */
export function usePeopleRefresh() {
  return useInvalidate(peopleApi.list.tag);
}
