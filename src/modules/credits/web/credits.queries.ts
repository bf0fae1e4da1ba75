import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/pagination';
import { api } from '../../../web/api/client';
import type {
  Account,
  AccountSummary,
  EntryPage,
  LearningRecord,
  Redemption,
  Reward,
  Rules,
} from '../credits.contract';

export const creditsKey = ['credits'] as const;

export function useAccounts(query: { q?: string; nodeId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['credits', 'accounts', query],
    queryFn: () => api.get<Page<Account>>('/api/credit-accounts', query),
    placeholderData: keepPreviousData,
  });
}

export function useAccount(residentId: string | undefined) {
  return useQuery({
    queryKey: ['credits', 'account', residentId],
    queryFn: () => api.get<AccountSummary>(`/api/credit-accounts/${residentId}`),
    enabled: !!residentId,
  });
}

export function useEntries(residentId: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['credits', 'entries', residentId, page, pageSize],
    queryFn: () => api.get<EntryPage>(`/api/credit-accounts/${residentId}/entries`, { page, pageSize }),
    enabled: !!residentId,
    placeholderData: keepPreviousData,
  });
}

export function useLearningRecord(residentId: string | undefined) {
  return useQuery({
    queryKey: ['credits', 'record', residentId],
    queryFn: () => api.get<LearningRecord>(`/api/credit-accounts/${residentId}/record`),
    enabled: !!residentId,
  });
}

export function useRewards(query: { forResidentId?: string; page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ['credits', 'rewards', query],
    queryFn: () => api.get<Page<Reward>>('/api/credit-rewards', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRedemptions(query: { status?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['credits', 'redemptions', query],
    queryFn: () => api.get<Page<Redemption>>('/api/credit-redemptions', query),
    placeholderData: keepPreviousData,
  });
}

export function useRules(countyId: string | undefined) {
  return useQuery({
    queryKey: ['credits', 'rules', countyId],
    queryFn: () => api.get<Rules>(`/api/credit-rules/${countyId}`),
    enabled: !!countyId,
  });
}

/** After any change: balances, entries, rewards (stock) and redemptions are read again. */
export function useCreditsRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: creditsKey });
}
