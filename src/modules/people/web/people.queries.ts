import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgeBand,
  Household,
  HouseholdDetail,
  Resident,
  ResidentDetail,
  ResidentStats,
  TagDefList,
} from '../people.contract';
import { countyOfPath } from '../people.contract';
import type { Page } from '../../../shared/pagination';
import { api } from '../../../web/api/client';
import { useAuth } from '../../../web/auth/auth-context';

export type ResidentListQuery = {
  q?: string;
  nodeId?: string;
  tag?: string;
  ageBand?: AgeBand;
  gender?: 'male' | 'female';
  householdId?: string;
  page: number;
  pageSize: number;
};

export const peopleKey = ['people'] as const;

export function useResidentList(query: ResidentListQuery) {
  return useQuery({
    queryKey: ['people', 'list', query],
    queryFn: () => api.get<Page<Resident>>('/api/residents', query),
    placeholderData: keepPreviousData,
  });
}

export function useResident(id: string | undefined) {
  return useQuery({
    queryKey: ['people', 'one', id],
    queryFn: () => api.get<ResidentDetail>(`/api/residents/${id}`),
    enabled: !!id,
  });
}

export function useResidentStats(nodeId: string | undefined) {
  return useQuery({
    queryKey: ['people', 'stats', nodeId ?? ''],
    queryFn: () => api.get<ResidentStats>('/api/residents/stats', { nodeId }),
    placeholderData: keepPreviousData,
  });
}

export function useHouseholds(nodeId: string | undefined) {
  return useQuery({
    queryKey: ['people', 'households', nodeId],
    queryFn: () => api.get<Page<Household>>('/api/households', { nodeId, pageSize: 200 }),
    enabled: !!nodeId,
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: ['people', 'household', id],
    queryFn: () => api.get<HouseholdDetail>(`/api/households/${id}`),
    enabled: !!id,
  });
}

/** The county of the signed-in user's first role: its tag list is the one shown. */
export function useMyCountyId(): string | undefined {
  const { me } = useAuth();
  const scope = me?.scopes[0];
  return scope ? countyOfPath(scope.path) : undefined;
}

export function useCountyTags() {
  const countyId = useMyCountyId();
  return useQuery({
    queryKey: ['people', 'tags', countyId],
    queryFn: () => api.get<TagDefList>(`/api/counties/${countyId}/resident-tags`),
    enabled: !!countyId,
    staleTime: 60_000,
  });
}

/** After any change to residents, households or tags: read them again. */
export function usePeopleRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: peopleKey });
}
