import { useApi } from '../../../web/api/hooks';
import { indicatorsApi, type IndicatorQuery, type RecordsQuery } from '../indicators.contract';

export function useIndicators(query: IndicatorQuery | null) {
  return useApi(indicatorsApi.report, query ? { query } : undefined, { enabled: !!query, keepPrevious: true });
}

export function useTargets(countyId: string | null, year: number) {
  return useApi(indicatorsApi.targets, countyId ? { params: { countyId }, query: { year } } : undefined, {
    enabled: !!countyId,
  });
}

/** A drill-down page, read once; `items` picks the table the page shows (its activities or residents). */
export function useRecords<T>(
  query: RecordsQuery | null,
  items: (r: { activities: unknown[]; residents: unknown[] }) => T[],
) {
  return useApi(indicatorsApi.records, query ? { query } : undefined, {
    enabled: !!query,
    keepPrevious: true,
    select: (r) => ({ ...r, items: items(r) }),
  });
}

export function useDashboard(query: IndicatorQuery | null) {
  return useApi(indicatorsApi.dashboard, query ? { query } : undefined, { enabled: !!query, keepPrevious: true });
}
