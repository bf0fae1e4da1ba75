import { useApi } from '../../../web/api/hooks';
import { indicatorsApi, type IndicatorQuery } from '../indicators.contract';

export function useIndicators(query: IndicatorQuery | null) {
  return useApi(indicatorsApi.report, query ? { query } : undefined, { enabled: !!query, keepPrevious: true });
}

export function useTargets(countyId: string | null, year: number) {
  return useApi(indicatorsApi.targets, countyId ? { params: { countyId }, query: { year } } : undefined, {
    enabled: !!countyId,
  });
}
