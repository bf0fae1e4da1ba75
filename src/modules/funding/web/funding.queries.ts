import type { EndpointInput } from '../../../shared/endpoint';
import { useApi } from '../../../web/api/hooks';
import { fundingApi } from '../funding.contract';

// Every read of the module, typed by its endpoint declaration.

export type ExpenseListQuery = EndpointInput<typeof fundingApi.list>['query'];

export function useStandards() {
  return useApi(fundingApi.standards, {}, { staleTime: 60_000, select: (d) => d.standards });
}

export function useTowns(year: number) {
  return useApi(fundingApi.towns, { query: { year } }, { keepPrevious: true });
}

export function useTownFunding(townId: string | undefined, year: number) {
  return useApi(fundingApi.town, { params: { townId: townId ?? '' }, query: { year } }, { enabled: !!townId });
}

export function useExpenses(query: ExpenseListQuery) {
  return useApi(fundingApi.list, { query }, { keepPrevious: true });
}

export function useExpense(id: string | undefined) {
  return useApi(fundingApi.one, { params: { id: id ?? '' } }, { enabled: !!id });
}
