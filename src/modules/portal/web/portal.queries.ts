import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/pagination';
import { withQuery } from '../../../web/api/client';
import type { LearningRecord, MyCredits, Redemption, Reward } from '../../credits/credits.contract';
import type { ResidentMe } from '../resident-auth.contract';
import type { MyActivity } from '../portal.contract';
import type { MySignInPage } from '../../signin/signin.contract';
import { meRequest, setResidentCsrf } from './portal-api';

export const RESIDENT_ME_KEY = ['resident', 'me'] as const;

/** The signed-in resident, or null (then the pages show the sign-in form). */
export function useResidentMe() {
  return useQuery({
    queryKey: RESIDENT_ME_KEY,
    queryFn: async () => {
      try {
        const me = await meRequest<ResidentMe>('GET', '/api/resident/me');
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
    queryFn: () => meRequest<Page<MyActivity>>('GET', withQuery('/api/me/activities', { scope, pageSize })),
    placeholderData: keepPreviousData,
  });
}

export function useMySignIns(pageSize: number) {
  return useQuery({
    queryKey: ['resident', 'sign-ins', pageSize],
    queryFn: () => meRequest<MySignInPage>('GET', withQuery('/api/me/sign-ins', { pageSize })),
    placeholderData: keepPreviousData,
  });
}

export function useMyRecord() {
  return useQuery({
    queryKey: ['resident', 'record'],
    queryFn: () => meRequest<LearningRecord>('GET', '/api/me/learning-record'),
  });
}

export function useMyCredits(pageSize: number) {
  return useQuery({
    queryKey: ['resident', 'credits', pageSize],
    queryFn: () => meRequest<MyCredits>('GET', withQuery('/api/me/credits', { pageSize })),
    placeholderData: keepPreviousData,
  });
}

export function useMyRewards() {
  return useQuery({
    queryKey: ['resident', 'rewards'],
    queryFn: () => meRequest<Page<Reward>>('GET', withQuery('/api/me/rewards', { pageSize: 50 })),
  });
}

export function useMyRedemptions() {
  return useQuery({
    queryKey: ['resident', 'redemptions'],
    queryFn: () => meRequest<Page<Redemption>>('GET', withQuery('/api/me/redemptions', { pageSize: 20 })),
  });
}

/** After a change: everything of the resident is read again. */
export function useResidentRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['resident'], predicate: (q) => q.queryKey[1] !== 'me' });
}
