import type { EndpointInput } from '../../../shared/endpoint';
import { useApi } from '../../../web/api/hooks';
import { signInApi } from '../../signin/signin.contract';
import { creditsApi } from '../credits.contract';

// Every read of the module, typed by its endpoint declaration (no paths or answer types here).

export type AccountListQuery = EndpointInput<typeof creditsApi.accounts>['query'];
export type RewardListQuery = EndpointInput<typeof creditsApi.rewards>['query'];
export type RedemptionListQuery = EndpointInput<typeof creditsApi.redemptions>['query'];

export function useAccounts(query: AccountListQuery) {
  return useApi(creditsApi.accounts, { query }, { keepPrevious: true });
}

export function useAccount(residentId: string | undefined) {
  return useApi(creditsApi.account, { params: { residentId: residentId ?? '' } }, { enabled: !!residentId });
}

export function useEntries(residentId: string | undefined, page: number, pageSize: number) {
  return useApi(
    creditsApi.entries,
    { params: { residentId: residentId ?? '' }, query: { page, pageSize } },
    { enabled: !!residentId, keepPrevious: true },
  );
}

/** A resident's printable learning record (学习档案; sign-in builds it). */
export function useLearningRecord(residentId: string | undefined) {
  return useApi(signInApi.learningRecord, { params: { residentId: residentId ?? '' } }, { enabled: !!residentId });
}

export function useRewards(query: RewardListQuery, enabled = true) {
  return useApi(creditsApi.rewards, { query }, { keepPrevious: true, enabled });
}

export function useRedemptions(query: RedemptionListQuery) {
  return useApi(creditsApi.redemptions, { query }, { keepPrevious: true });
}

export function useRules(countyId: string | undefined) {
  return useApi(creditsApi.rules, { params: { countyId: countyId ?? '' } }, { enabled: !!countyId });
}

/** What a change reads again: balances, entries, rewards (stock), redemptions and learning records. */
export const CREDITS_TAGS = [creditsApi.accounts.tag, signInApi.learningRecord.tag];
