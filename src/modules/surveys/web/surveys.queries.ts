import type { EndpointInput } from '../../../shared/endpoint';
import { useApi, useInvalidate } from '../../../web/api/hooks';
import { surveysApi } from '../surveys.contract';

// Every read of the module, typed by its endpoint declaration.

export type SurveyListQuery = EndpointInput<typeof surveysApi.list>['query'];

export const useSurveyList = (query: SurveyListQuery) => useApi(surveysApi.list, { query }, { keepPrevious: true });

export const useSurvey = (id: string | undefined) =>
  useApi(surveysApi.one, { params: { id: id ?? '' } }, { enabled: !!id });

export const useOwners = () => useApi(surveysApi.owners, {}, { staleTime: 60_000, select: (d) => d.items });

export const useResults = (id: string, nodeId: string | undefined) =>
  useApi(surveysApi.results, { params: { id }, query: { nodeId } }, { keepPrevious: true });

export const useSurveyRules = (countyId: string | null) =>
  useApi(surveysApi.rules, { params: { countyId: countyId ?? '' } }, { enabled: !!countyId });

export const usePoster = (id: string) => useApi(surveysApi.poster, { params: { id } });

/** After a change: every answer of the module is read again. */
export const useSurveysRefresh = () => useInvalidate(surveysApi.list.tag);
