import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
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

export function useMyActivities(scope: 'mine' | 'near', pageSize: number) {
  return useQuery({
    queryKey: ['resident', 'activities', scope, pageSize],
    queryFn: () => meCall(portalApi.activities, { query: { scope, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useMySignIns(pageSize: number) {
  return useQuery({
    queryKey: ['resident', 'sign-ins', pageSize],
    queryFn: () => meCall(portalApi.signIns, { query: { pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useMyRecord() {
  return useQuery({
    queryKey: ['resident', 'record'],
    queryFn: () => meCall(portalApi.learningRecord),
  });
}

export function useMyCredits(pageSize: number) {
  return useQuery({
    queryKey: ['resident', 'credits', pageSize],
    queryFn: () => meCall(portalApi.credits, { query: { pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useMyRewards() {
  return useQuery({
    queryKey: ['resident', 'rewards'],
    queryFn: () => meCall(portalApi.rewards, { query: { pageSize: 50 } }),
  });
}

export function useMyRedemptions() {
  return useQuery({
    queryKey: ['resident', 'redemptions'],
    queryFn: () => meCall(portalApi.redemptions, { query: { pageSize: 20 } }),
  });
}

/** After a change: everything of the resident is read again. */
export function useResidentRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['resident'], predicate: (q) => q.queryKey[1] !== 'me' });
}
