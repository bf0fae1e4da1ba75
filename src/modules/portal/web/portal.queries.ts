import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Endpoint, EndpointInput } from '../../../shared/endpoint';
import { portalApi } from '../portal.contract';
import { residentAuthApi } from '../resident-auth.contract';
import { meCall, setResidentCsrf } from './portal-api';

// Every read of the resident's pages, typed by its endpoint declaration (no paths or answer types here).

export const RESIDENT_ME_KEY = ['resident', 'me'] as const;

/** The signed-in resident, or null (then the pages show the sign-in form). */
export function useResidentMe() {
  return useQuery({
    queryKey: RESIDENT_ME_KEY,
    queryFn: async () => {
      try {
        const me = await meCall(residentAuthApi.me);
        setResidentCsrf(me.csrfToken);
        return me;
      } catch (err) {
        if ((err as { status?: number }).status === 401) return null;
        throw err;
      }
    },
    staleTime: Infinity,
  });
}

/**
 * One of my answers, read with my own session under `['resident', …key]`; a growing list
 * (`more`) keeps showing what it had while the longer page loads.
 */
function useMine<E extends Endpoint>(key: unknown[], e: E, input?: EndpointInput<E>, { more = false } = {}) {
  return useQuery({
    queryKey: ['resident', ...key],
    queryFn: () => meCall(e, input),
    ...(more ? { placeholderData: keepPreviousData } : {}),
  });
}

export const useMyActivities = (scope: 'mine' | 'near', pageSize: number) =>
  useMine(['activities', scope, pageSize], portalApi.activities, { query: { scope, pageSize } }, { more: true });

export const useMySignIns = (pageSize: number) =>
  useMine(['sign-ins', pageSize], portalApi.signIns, { query: { pageSize } }, { more: true });

export const useMyRecord = () => useMine(['record'], portalApi.learningRecord);

export const useMyCredits = (pageSize: number) =>
  useMine(['credits', pageSize], portalApi.credits, { query: { pageSize } }, { more: true });

export const useMyRewards = () => useMine(['rewards'], portalApi.rewards, { query: { pageSize: 50 } });

export const useMyRedemptions = () => useMine(['redemptions'], portalApi.redemptions, { query: { pageSize: 20 } });

/** After a change: everything of the resident is read again. */
export function useResidentRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['resident'], predicate: (q) => q.queryKey[1] !== 'me' });
}
